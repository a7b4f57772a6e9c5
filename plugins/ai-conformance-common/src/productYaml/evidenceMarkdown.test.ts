import { marked, type Token } from 'marked';
import { evidenceMarkdown } from './evidenceMarkdown';
import type { ConformanceReport, RequirementResult } from '../types';

/** What a cluster controls: object names, messages, field values. */
const H = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  details: '</details><script>alert(2)</script>',
  ticks: 'x` <b>y</b> ``',
  heading: 'ok\n# Injected heading\n\n<b>bold</b>',
  link: '[click](https://evil.example)',
  table: 'a | b\n| --- | --- |\n| c | d |',
};

function hostileRequirement(): RequirementResult {
  return {
    id: 'dra_support',
    category: 'accelerators',
    level: 'MUST',
    conditional: false,
    title: `DRA ${H.heading}`,
    status: 'fail',
    method: 'passive',
    summary: `${H.script} ${H.table}`,
    evidence: [
      {
        description: H.img,
        // eslint-disable-next-line no-script-url
        url: 'javascript:alert(1)',
        object: {
          apiVersion: 'v1',
          kind: H.details,
          namespace: H.ticks,
          name: H.heading,
        },
        fields: { [H.ticks]: H.script, 'status.ready': true },
      },
      { description: H.link, url: 'https://docs.example/a) [x](y' },
    ],
    remediation: [],
    errors: [
      {
        read: H.ticks,
        outcome: 'forbidden',
        message: H.details,
        hint: H.heading,
      },
    ],
    notes: [H.heading, H.table],
  };
}

function tokens(markdown: string): Token[] {
  const all: Token[] = [];
  const walk = (ts: Token[]) => {
    for (const t of ts) {
      all.push(t);
      const any = t as any;
      if (Array.isArray(any.tokens)) walk(any.tokens);
      if (Array.isArray(any.items)) walk(any.items);
    }
  };
  walk(marked.lexer(markdown));
  return all;
}

describe('evidenceMarkdown', () => {
  const r = hostileRequirement();
  const report: ConformanceReport = {
    schemaVersion: 1,
    requirementsVersion: '1.35',
    generatedAt: '2026-01-01T00:00:00.000Z',
    cluster: {
      name: H.script,
      platform: 'gke',
      kubernetesVersion: H.img,
      accelerators: [],
    },
    verdict: 'not-conformant',
    requirements: [r],
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
  const md = evidenceMarkdown(report, r);
  const all = tokens(md);

  it('renders cluster strings as text: no HTML, tables or injected links', () => {
    const types = all.map(t => t.type);
    expect(types).not.toContain('html');
    expect(types).not.toContain('table');
    const links = all.filter(t => t.type === 'link') as any[];
    expect(links.map(l => l.href)).toEqual([
      'https://docs.example/a%29%20%5Bx%5D%28y',
    ]);
  });

  it('has only its own headings', () => {
    const headings = all.filter(t => t.type === 'heading') as any[];
    expect(headings.map(h => h.depth)).toEqual([1, 2, 2, 2]);
    expect(headings.slice(1).map(h => h.text)).toEqual([
      'Found',
      'Could not read',
      'Notes',
    ]);
  });

  it('keeps hostile names and fields whole inside their code spans', () => {
    const spans = all.filter(t => t.type === 'codespan').map(t => t.raw);
    expect(spans).toContain('``` x` <b>y</b> `` ```');
    expect(spans).toContain('`<script>alert(1)</script>`');
  });
});
