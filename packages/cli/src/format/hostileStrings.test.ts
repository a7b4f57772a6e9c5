/**
 * Cluster-controlled strings that try to break out of each output format:
 * the Markdown must parse to text (no HTML of theirs, no headings, links
 * or table rows of their own), the JUnit must stay well-formed XML 1.0 and
 * give the text back, the table must not carry terminal escapes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { marked, type Token } from 'marked';
import { SaxesParser } from 'saxes';
import {
  detailText,
  reasonText,
  stripXmlInvalidChars,
} from '@ai-conformance/plugin-ai-conformance-common';
import { createStyler } from '../lib/style';
import { hostileReport } from '../__testUtils__/hostileReport';
import { formatMarkdown } from './markdownFormatter';
import { formatJUnit } from './junitFormatter';
import { formatTable } from './tableFormatter';
import { formatCtrf } from './ctrfFormatter';

/**
 * Every token of a Markdown document as a CommonMark/GFM parser (marked)
 * reads it, depth first: blocks, inlines, list items and table cells.
 */
function markdownTokens(markdown: string): Token[] {
  const all: Token[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      all.push(t);
      const any = t as any;
      if (Array.isArray(any.tokens)) walk(any.tokens);
      if (Array.isArray(any.items)) walk(any.items);
      for (const cell of any.header ?? []) walk(cell.tokens);
      for (const row of any.rows ?? [])
        for (const cell of row) walk(cell.tokens);
    }
  };
  walk(marked.lexer(markdown));
  return all;
}

/** The HTML tags in a document's HTML tokens, in order. */
function htmlTags(tokens: Token[]): string[] {
  return tokens
    .filter(t => t.type === 'html')
    .flatMap(t => t.raw.match(/<\/?[A-Za-z!?][^>]*>/g) ?? []);
}

const report = hostileReport();
const n = report.requirements.length;

describe('formatMarkdown with hostile cluster strings', () => {
  const md = formatMarkdown([{ context: 'demo', report }]);
  const tokens = markdownTokens(md);

  it('has no HTML', () => {
    expect(htmlTags(tokens)).toEqual([]);
    expect(tokens.map(t => t.type)).not.toContain('html');
  });

  it('has only its own headings, one table with a row of four cells per requirement', () => {
    const headings = tokens.filter(t => t.type === 'heading') as any[];
    expect(headings.map(h => h.depth)).toEqual([
      1,
      2,
      2,
      2,
      ...report.requirements.map(() => 3),
    ]);
    expect(headings.slice(1, 4).map(h => h.text)).toEqual([
      'Findings',
      'Summary',
      'Requirements',
    ]);
    const tables = tokens.filter(t => t.type === 'table') as any[];
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toHaveLength(n);
    for (const row of tables[0].rows) expect(row).toHaveLength(4);
    expect(
      tables[0].rows.map(
        (row: any) =>
          row[0].tokens.find((t: Token) => t.type === 'codespan')?.text,
      ),
    ).toEqual(report.requirements.map(r => r.id));
  });

  it('links only to the http(s) evidence URLs, and keeps commands in their code blocks', () => {
    const links = tokens.filter(t => t.type === 'link') as any[];
    expect(new Set(links.map(l => l.href))).toEqual(
      new Set(['https://docs.example/a%29%20%5Bx%5D%28y']),
    );
    expect(tokens.filter(t => t.type === 'image')).toEqual([]);
    const code = tokens.filter(t => t.type === 'code') as any[];
    // remediation is shown for requirements that do not pass
    const notPassing = report.requirements.filter(r => r.status !== 'pass');
    expect(notPassing.length).toBeGreaterThan(0);
    expect(code.map(c => c.text)).toEqual(
      notPassing.map(r => r.remediation[0].command),
    );
  });
});

describe('formatJUnit with hostile cluster strings', () => {
  const xml = formatJUnit([{ context: 'demo', report }]);

  it('is well-formed XML 1.0', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    // XML 1.0 Char production, which XMLValidator does not check
    expect(xml).toMatch(
      /^(?:[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/,
    );
    const errors: string[] = [];
    const sax = new SaxesParser();
    sax.on('error', e => errors.push(e.message));
    sax.write(xml).close();
    expect(errors).toEqual([]);
  });

  it('gives the text back, less the characters XML cannot hold', () => {
    const doc = new XMLParser({
      ignoreAttributes: false,
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      htmlEntities: true,
      isArray: name => ['testsuite', 'testcase', 'property'].includes(name),
    }).parse(xml);
    const suite = doc.testsuites.testsuite[0];
    expect(suite['@_hostname']).toBe(stripXmlInvalidChars(report.cluster.name));
    const failed = report.requirements.find(r => r.status === 'fail')!;
    const tc = suite.testcase.find(
      (t: any) => t['@_name'] === `${failed.id} (${failed.level})`,
    );
    expect(tc.failure['@_message']).toBe(
      stripXmlInvalidChars(reasonText(failed)),
    );
    expect(tc.failure['#text']).toBe(stripXmlInvalidChars(detailText(failed)));
    expect(tc['system-out']).toBe(stripXmlInvalidChars(detailText(failed)));
    const kubernetes = suite.properties.property.find(
      (p: any) => p['@_name'] === 'kubernetesVersion',
    );
    expect(kubernetes['@_value']).toBe(report.cluster.kubernetesVersion);
  });
});

describe('formatTable with hostile cluster strings', () => {
  const text = formatTable([{ context: 'demo', report }], {
    style: createStyler(false),
  });

  it('writes no terminal control characters and one line per requirement', () => {
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    const rows = text.split('\n').filter(l => /^\w+\s+(MUST|SHOULD)\s/.test(l));
    expect(rows).toHaveLength(n);
  });

  it('prints the API server without its credentials', () => {
    expect(text).toContain('(https://10.0.0.1:6443)');
    expect(text).not.toContain('secret-pass');
  });
});

describe('formatCtrf with hostile cluster strings', () => {
  it('is JSON that gives the text back', () => {
    const doc = JSON.parse(
      formatCtrf([{ context: 'demo', report }], { start: 1, stop: 2 }),
    );
    const failed = report.requirements.find(r => r.status === 'fail')!;
    const test = doc.results.tests.find((t: any) => t.extra.id === failed.id);
    expect(test.trace).toBe(detailText(failed));
  });
});
