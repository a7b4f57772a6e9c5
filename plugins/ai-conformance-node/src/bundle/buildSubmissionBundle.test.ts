import {
  getChecklist,
  type ConformanceReport,
  type RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import { parse as parseYaml } from 'yaml';
import { buildSubmissionBundle } from './buildSubmissionBundle';

function report(
  active: Record<string, 'pass' | 'fail' | 'unknown'> = {},
): ConformanceReport {
  const requirements: RequirementResult[] = getChecklist(
    '1.37',
  ).requirements.map(r => ({
    ...{ id: r.id, category: r.category, level: r.level },
    ...{ conditional: r.conditional, title: r.title },
    status: active[r.id] ?? 'pass',
    method: active[r.id] ? 'active' : 'passive',
    summary: `${r.id} summary`,
    evidence: active[r.id]
      ? [
          {
            description: `Step: ${active[r.id]} — seen`,
            fields: { step: 'Step', outcome: active[r.id] },
          },
        ]
      : [{ description: `${r.id} found` }],
    ...{ remediation: [], errors: [] },
  }));
  return {
    schemaVersion: 1,
    requirementsVersion: '1.37',
    generatedAt: '2026-10-01T00:00:00.000Z',
    cluster: { name: 'c', platform: 'gke', accelerators: [] },
    verdict: 'conformant',
    requirements,
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
}

const input = (r: ConformanceReport, product = 'demo') => ({
  report: r,
  metadata: {},
  generator: 't',
  product,
  artifacts: {},
});

function evidenceOf(files: { path: string; content: string }[], id: string) {
  const doc = parseYaml(
    files.find(f => f.path.endsWith('PRODUCT.yaml'))!.content,
  );
  return Object.values(doc.spec as Record<string, any[]>)
    .flat()
    .find(i => i.id === id).evidence as string[];
}

describe('buildSubmissionBundle', () => {
  it.each(['../escape', 'a/b', '..', '.hidden', '', 'x'.repeat(64)])(
    'refuses the product name %j with an InputError',
    product => {
      expect(() => buildSubmissionBundle(input(report(), product))).toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    },
  );

  it('writes every file under vX.Y/<product>/', () => {
    const built = buildSubmissionBundle(
      input(report({ robust_controller: 'pass' })),
    );
    expect(built.root).toBe('v1.37/demo');
    for (const f of built.files)
      expect(f.path.startsWith('v1.37/demo/')).toBe(true);
    expect(built.files.map(f => f.path)).toEqual(
      expect.arrayContaining([
        'v1.37/demo/PRODUCT.yaml',
        'v1.37/demo/active/junit.xml',
        'v1.37/demo/active/results.json',
        'v1.37/demo/active/e2e.log',
      ]),
    );
  });

  it('cites passed and failed active tests, never a skipped (unknown) one', () => {
    const built = buildSubmissionBundle(
      input(
        report({ robust_controller: 'pass', workload_sandboxing: 'unknown' }),
      ),
    );
    expect(built.citedActive).toEqual(['robust_controller']);
    expect(evidenceOf(built.files, 'robust_controller')[0]).toBe(
      'file://v1.37/demo/active/junit.xml#TestAIConformanceActive/robust_controller',
    );
    expect(
      evidenceOf(built.files, 'workload_sandboxing').some(e =>
        e.includes('active/'),
      ),
    ).toBe(false);
  });

  it('an official test covering the requirement wins over our own', () => {
    const junit = `<testsuites><testsuite name="t"><testcase classname="t" name="TestGangScheduling" time="1"/></testsuite></testsuites>`;
    const built = buildSubmissionBundle({
      ...input(report({ gang_scheduling: 'pass' })),
      artifacts: { 'junit.xml': junit },
    });
    expect(built.cited).toEqual(['gang_scheduling']);
    expect(built.citedActive).toEqual([]);
    expect(evidenceOf(built.files, 'gang_scheduling')[0]).toBe(
      'file://v1.37/demo/junit.xml#TestGangScheduling',
    );
  });

  it('no active artifacts before v1.37', () => {
    const r = {
      ...report({ robust_controller: 'pass' }),
      requirementsVersion: '1.34',
    };
    r.requirements = r.requirements.filter(x =>
      getChecklist('1.34').requirements.some(c => c.id === x.id),
    );
    const built = buildSubmissionBundle(input(r));
    expect(built.files.some(f => f.path.includes('/active/'))).toBe(false);
  });
});
