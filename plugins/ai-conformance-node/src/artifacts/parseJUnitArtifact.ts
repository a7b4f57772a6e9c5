import { InputError } from '@backstage/errors';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { aggregateTests, RawTestOutcome } from './testAggregation';
import type { ArtifactResults } from './types';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
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

/**
 * Parses a JUnit XML report of the official suite (as written by gotestsum
 * or go-junit-report). Test names are folded to their top-level Go test.
 * Throws InputError for XML that is not a JUnit report.
 *
 * @public
 */
export function parseJUnitArtifact(
  xml: string,
  location?: string,
): ArtifactResults {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new InputError(
      `junit.xml is not valid XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  const doc = parser.parse(xml);
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
