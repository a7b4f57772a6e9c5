import { InputError } from '@backstage/errors';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { aggregateTests, RawTestOutcome } from './testAggregation';
import type { ArtifactResults } from './types';

/** Deepest element nesting accepted (a JUnit report needs four levels). */
const MAX_NESTED_ELEMENTS = 100;

const parser = new XMLParser({
  ignoreAttributes: false,
  maxNestedTags: MAX_NESTED_ELEMENTS,
  attributeNamePrefix: '',
  textNodeName: '#text',
  // gotestsum writes newlines in messages as character references (&#xA;)
  htmlEntities: true,
  isArray: name => name === 'testsuite' || name === 'testcase',
});

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return text(node[0]);
  const n = node as Record<string, unknown>;
  const body = n['#text'];
  if (typeof body === 'string' && body.trim()) return body;
  return typeof n.message === 'string' ? n.message : '';
}

function suitesOf(doc: any): any[] {
  if (doc?.testsuites) {
    const s = doc.testsuites.testsuite ?? [];
    return Array.isArray(s) ? s : [s];
  }
  return doc?.testsuite ?? [];
}

/** The 1-based line of a character offset. */
function lineOf(xml: string, offset: number): number {
  return xml.slice(0, offset).split('\n').length;
}

/** A DOCTYPE in the prolog (after the XML declaration, comments, PIs). */
const PROLOG_DOCTYPE =
  /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*<!DOCTYPE/i;

/** The parser's own error, in the terms of the upload. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Maximum nested tags exceeded/i.test(message)) {
    return `elements are nested deeper than ${MAX_NESTED_ELEMENTS} levels`;
  }
  return message;
}

/**
 * Parses a JUnit XML report of the official suite (as written by gotestsum
 * or go-junit-report). Test names are folded to their top-level Go test.
 * Throws InputError for XML that is not a JUnit report, declares a DOCTYPE
 * (DTDs and entity declarations are never processed) or nests elements
 * deeper than 100 levels.
 *
 * @public
 */
export function parseJUnitArtifact(
  xml: string,
  location?: string,
): ArtifactResults {
  const doctype = PROLOG_DOCTYPE.exec(xml);
  if (doctype) {
    throw new InputError(
      `junit.xml declares a DOCTYPE (line ${lineOf(
        xml,
        doctype[0].length,
      )}): JUnit reports have none, and DTDs and entity declarations are not accepted`,
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new InputError(
      `junit.xml is not valid XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  let doc: any;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    throw new InputError(
      `junit.xml could not be read: ${describeParseError(error)}`,
    );
  }
  if (!doc?.testsuites && !doc?.testsuite) {
    throw new InputError(
      'junit.xml has no <testsuites> or <testsuite> element',
    );
  }
  const raw: RawTestOutcome[] = [];
  for (const suite of suitesOf(doc)) {
    for (const tc of suite?.testcase ?? []) {
      const name = String(tc?.name ?? '');
      if (!name) continue;
      const failure = tc.failure ?? tc.error;
      let status: RawTestOutcome['status'] = 'passed';
      if (failure !== undefined) status = 'failed';
      else if (tc.skipped !== undefined) status = 'skipped';
      const time = Number.parseFloat(String(tc.time ?? ''));
      raw.push({
        name,
        status,
        durationSeconds: Number.isFinite(time) ? time : undefined,
        message: text(failure ?? tc.skipped)?.trim() || undefined,
      });
    }
  }
  return {
    source: 'junit',
    ...(location ? { location } : {}),
    tests: aggregateTests(raw),
  };
}
