import { marked, type Token } from 'marked';
import { sampleReport } from '../__testUtils__/fixtures';
import { reportToMarkdown } from './reportToMarkdown';

describe('reportToMarkdown', () => {
  it('writes the verdict, counts, table and remediation commands', () => {
    const md = reportToMarkdown(sampleReport(), 'resource:default/gke-ai-prod');
    expect(md).toContain('# Kubernetes AI Conformance: gke-ai-prod');
    expect(md).toContain('- Verdict: **Not conformant**');
    expect(md).toContain('- MUST passed: 1/3');
    expect(md).toContain('- SHOULD passed: 1/1');
    expect(md).toContain(
      '| Inference ingress (Gateway API) (`ai_inference`) | Networking | MUST | Fail |',
    );
    expect(md).toContain(
      'gcloud container clusters update gke-ai-prod --gateway-api=standard',
    );
    expect(md).toContain(
      '- list apiextensions.k8s.io/v1 customresourcedefinitions: forbidden — 403 Forbidden (needs list on customresourcedefinitions)',
    );
    expect(md).toContain('- **warning**: GKE 1.34.0-gke.1500000');
  });

  it('escapes pipes in table cells', () => {
    const report = sampleReport();
    report.requirements[0].title = 'A | B';
    expect(reportToMarkdown(report)).toContain('| A \\| B (`dra_support`)');
  });
});

describe('reportToMarkdown with hostile cluster strings', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '</details><script>alert(2)</script>',
    'x` <b>y</b> ``` ``',
    'ok\n# Injected heading\n\n## Another',
    '[click](https://evil.example) ![i](https://evil.example/i.png)',
    'a | b\n| --- | --- |\n| c | d |',
  ].join(' ');

  function tokensOf(markdown: string): Token[] {
    const all: Token[] = [];
    const walk = (tokens: Token[]) => {
      for (const t of tokens) {
        all.push(t);
        const any = t as any;
        if (Array.isArray(any.tokens)) walk(any.tokens);
        if (Array.isArray(any.items)) walk(any.items);
        for (const c of any.header ?? []) walk(c.tokens);
        for (const row of any.rows ?? []) for (const c of row) walk(c.tokens);
      }
    };
    walk(marked.lexer(markdown));
    return all;
  }

  const report = sampleReport();
  report.cluster.name = HOSTILE;
  report.cluster.kubernetesVersion = HOSTILE;
  report.findings = report.findings.map(f => ({ ...f, summary: HOSTILE }));
  report.requirements = report.requirements.map(r => ({
    ...r,
    title: HOSTILE,
    summary: HOSTILE,
    evidence: [
      {
        description: HOSTILE,
        object: { apiVersion: 'v1', kind: HOSTILE, name: HOSTILE },
      },
    ],
    errors: [
      { read: HOSTILE, outcome: 'forbidden', message: HOSTILE, hint: HOSTILE },
    ],
    remediation: [
      { description: HOSTILE, command: `kubectl get x\n\`\`\`\n${HOSTILE}` },
    ],
    status: 'fail',
  }));
  const tokens = tokensOf(reportToMarkdown(report, HOSTILE));
  const types = tokens.map(t => t.type);

  it('renders them as text: no HTML, links or images', () => {
    expect(types).not.toContain('html');
    expect(types).not.toContain('link');
    expect(types).not.toContain('image');
  });

  it('has only its own headings and one summary table row per requirement', () => {
    const headings = tokens.filter(t => t.type === 'heading') as any[];
    expect(headings.map(h => h.depth)).toEqual([
      1,
      2,
      2,
      2,
      ...report.requirements.map(() => 3),
    ]);
    const tables = tokens.filter(t => t.type === 'table') as any[];
    expect(tables).toHaveLength(1);
    expect(tables[0].rows).toHaveLength(report.requirements.length);
    for (const row of tables[0].rows) expect(row).toHaveLength(4);
  });

  it('keeps each remediation command in its code block', () => {
    const code = tokens.filter(t => t.type === 'code') as any[];
    expect(code.map(c => c.text)).toEqual(
      report.requirements.map(r => r.remediation[0].command),
    );
  });
});
