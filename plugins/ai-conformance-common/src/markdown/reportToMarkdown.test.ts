import { marked, type Token } from 'marked';
import type { ConformanceReport, RequirementResult } from '../types';
import { reportToMarkdown } from './reportToMarkdown';

function requirement(
  id: string,
  status: RequirementResult['status'],
  extra: Partial<RequirementResult> = {},
): RequirementResult {
  return {
    id,
    category: 'networking',
    level: 'MUST',
    conditional: false,
    title: `Title of ${id}`,
    status,
    method: 'passive',
    summary: `${id} summary`,
    evidence: [],
    remediation: [{ description: 'Install it', command: 'kubectl apply -f x' }],
    errors: [],
    ...extra,
  };
}

function report(): ConformanceReport {
  const requirements = [
    requirement('ai_inference', 'fail', {
      evidence: [
        {
          description: 'Gateway API docs',
          url: 'https://gateway-api.sigs.k8s.io/',
        },
        // eslint-disable-next-line no-script-url
        { description: 'javascript link', url: 'javascript:alert(1)' },
      ],
      notes: ['A caveat'],
    }),
    requirement('dra_support', 'pass'),
  ];
  return {
    schemaVersion: 1,
    requirementsVersion: '1.34',
    generatedAt: '2026-12-01T00:00:00.000Z',
    cluster: {
      name: 'prod',
      platform: 'gke',
      kubernetesVersion: 'v1.34.1',
      accelerators: [],
    },
    verdict: 'not-conformant',
    requirements,
    findings: [{ id: 'f', severity: 'warning', summary: 'Old version' }],
    stats: { apiRequests: 1, durationMs: 1 },
  } as ConformanceReport;
}

const headings = (md: string) =>
  (marked.lexer(md).filter(t => t.type === 'heading') as Token[]).map(
    (t: any) => `${t.depth} ${t.text}`,
  );

describe('reportToMarkdown', () => {
  it('writes the codes as they are without labels', () => {
    const md = reportToMarkdown(report());
    expect(md).toContain('# Kubernetes AI Conformance: prod');
    expect(md).toContain('- Verdict: **not-conformant**');
    expect(md).toContain('- Platform: gke, Kubernetes v1.34.1');
    expect(md).toContain('- MUST passed: 1/2');
    expect(md).toContain(
      '| Title of ai_inference (`ai_inference`) | networking | MUST | fail |',
    );
    expect(md).toContain('- **warning**: Old version');
    expect(md).not.toContain('Catalog entity');
  });

  it('uses the caller’s words for verdict, status, category and platform', () => {
    const md = reportToMarkdown(report(), {
      entityRef: 'resource:default/prod',
      labels: {
        verdict: v => `V(${v})`,
        status: s => `S(${s})`,
        category: c => `C(${c})`,
        platform: p => `P(${p})`,
      },
    });
    expect(md).toContain('- Verdict: **V(not-conformant)**');
    expect(md).toContain('- Platform: P(gke)');
    expect(md).toContain('| C(networking) | MUST | S(fail) |');
    expect(md).toContain('**MUST** · S(pass) · passive');
    expect(md).toContain('- Catalog entity: `resource:default/prod`');
  });

  it('nests under a deeper title when asked', () => {
    expect(headings(reportToMarkdown(report(), { headingLevel: 2 }))).toEqual([
      '2 Kubernetes AI Conformance: prod',
      '3 Findings',
      '3 Summary',
      '3 Requirements',
      '4 Title of ai_inference (`ai_inference`)',
      '4 Title of dra_support (`dra_support`)',
    ]);
  });

  it('links http(s) evidence only, lists notes, and shows remediation for what does not pass', () => {
    const md = reportToMarkdown(report());
    const links: string[] = [];
    marked.walkTokens(marked.lexer(md), t => {
      if (t.type === 'link') links.push(t.href);
    });
    expect(links).toEqual(['https://gateway-api.sigs.k8s.io/']);
    expect(md).toContain('- javascript link');
    expect(md).toContain('Notes:\n\n- A caveat');
    const code: string[] = [];
    marked.walkTokens(marked.lexer(md), t => {
      if (t.type === 'code') code.push(t.text);
    });
    expect(code).toEqual(['kubectl apply -f x']);
  });
});
