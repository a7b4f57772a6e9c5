import type { Check, CheckOutcome } from '../checks/types';
import { makeNode, makeSnapshot } from '../snapshot/__testUtils__/makeSnapshot';
import { evaluate } from './evaluate';

const out = (
  status: CheckOutcome['status'],
  extra: Partial<CheckOutcome> = {},
): CheckOutcome => ({
  status,
  summary: `${status} summary`,
  evidence: [],
  remediation: [],
  errors: [],
  ...extra,
});

const check = (id: string, fn: Check['evaluate']): Check => ({
  id,
  reads: [],
  evaluate: fn,
});

const MUSTS_1_34 = [
  'dra_support',
  'ai_inference',
  'gang_scheduling',
  'cluster_autoscaling',
  'pod_autoscaling',
  'accelerator_metrics',
  'ai_service_metrics',
  'secure_accelerator_access',
  'robust_controller',
];

const passing = (except: string[] = []) =>
  MUSTS_1_34.filter(id => !except.includes(id)).map(id =>
    check(id, () => out('pass')),
  );

describe('evaluate', () => {
  it('is conformant when every MUST passes or does not apply', () => {
    const report = evaluate(makeSnapshot(), {
      checks: [
        ...passing(['cluster_autoscaling']),
        check('cluster_autoscaling', () =>
          out('not-applicable', { notes: ['no autoscaler'] }),
        ),
      ],
    });
    expect(report.verdict).toBe('conformant');
    expect(report.requirementsVersion).toBe('1.34');
    const ca = report.requirements.find(r => r.id === 'cluster_autoscaling')!;
    expect(ca).toMatchObject({
      level: 'MUST',
      conditional: true,
      status: 'not-applicable',
      method: 'passive',
    });
    expect(ca.notes?.some(n => /validator rejects N\/A/.test(n))).toBe(true);
  });

  it('makes requirements without a check, or whose check throws, unknown', () => {
    const report = evaluate(makeSnapshot(), {
      checks: [
        ...passing(['gang_scheduling', 'ai_inference']),
        check('ai_inference', () => {
          throw new Error('boom');
        }),
      ],
    });
    const gang = report.requirements.find(r => r.id === 'gang_scheduling')!;
    expect(gang).toMatchObject({
      status: 'unknown',
      summary: 'No check is implemented for this requirement.',
    });
    const ai = report.requirements.find(r => r.id === 'ai_inference')!;
    expect(ai.status).toBe('unknown');
    expect(ai.errors[0].message).toBe('boom');
    expect(report.verdict).toBe('incomplete');
  });

  it('is not-conformant when a MUST fails', () => {
    const report = evaluate(makeSnapshot(), {
      checks: [
        ...passing(['robust_controller']),
        check('robust_controller', () => out('fail')),
      ],
    });
    expect(report.verdict).toBe('not-conformant');
  });

  it('gives checks the level of the chosen checklist and follows the cluster minor', () => {
    const seen: string[] = [];
    const probe = check('dra_support', ctx => {
      seen.push(
        `${ctx.requirementsVersion}:${ctx.level}:${ctx.platform}:${ctx.clusterMinor}`,
      );
      return out('pass');
    });
    evaluate(makeSnapshot({ gitVersion: 'v1.33.5-gke.1080000' }), {
      checks: [probe],
    });
    evaluate(makeSnapshot(), { checks: [probe] });
    const r136 = evaluate(makeSnapshot({ gitVersion: 'v1.36.0' }), {
      checks: [probe],
    });
    expect(seen).toEqual(['1.33:SHOULD:gke:33', '1.34:MUST:gke:34']);
    expect(r136.requirements.some(r => r.id === 'dra_support')).toBe(false);
  });

  it('falls back to the newest checklist with a finding, and honours an override', () => {
    const newer = evaluate(makeSnapshot({ gitVersion: 'v1.40.0' }), {
      checks: [],
    });
    expect(newer.requirementsVersion).toBe('1.37');
    expect(newer.findings).toContainEqual(
      expect.objectContaining({ id: 'checklist-version', severity: 'warning' }),
    );
    const forced = evaluate(makeSnapshot({ gitVersion: 'v1.40.0' }), {
      checks: [],
      requirementsVersion: '1.35',
    });
    expect(forced.requirementsVersion).toBe('1.35');
    expect(forced.requirements).toHaveLength(12);
  });

  it('adds the GKE certified-version gate as its own finding', () => {
    const below = evaluate(makeSnapshot({ gitVersion: 'v1.34.0-gke.999999' }), {
      checks: [],
    });
    expect(below.findings).toContainEqual(
      expect.objectContaining({
        id: 'gke-certified-version',
        severity: 'error',
        summary: expect.stringContaining('1.34.0-gke.1662000'),
      }),
    );
    const eks = evaluate(makeSnapshot({ gitVersion: 'v1.35.1-eks-3cfe0ce' }), {
      checks: [],
    });
    expect(eks.findings.map(f => f.id)).not.toContain('gke-certified-version');
    expect(eks.cluster.platform).toBe('eks');
  });

  it('summarises the cluster and keeps check findings', () => {
    const nodes = [
      makeNode('gpu-1', {
        labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
        capacity: { 'nvidia.com/gpu': '2', cpu: '8' },
      }),
      makeNode('cpu-1', { capacity: { cpu: '4' } }),
    ];
    const report = evaluate(makeSnapshot({ nodes }), {
      checks: [
        check('ai_inference', () =>
          out('pass', {
            findings: [{ id: 'x', severity: 'info', summary: 'from check' }],
          }),
        ),
      ],
    });
    expect(report.cluster).toEqual({
      name: 'test',
      server: 'https://10.0.0.1',
      kubernetesVersion: 'v1.34.1-gke.1829001',
      platform: 'gke',
      nodeCount: 2,
      accelerators: [
        {
          resource: 'nvidia.com/gpu',
          type: 'nvidia-l4',
          nodes: 1,
          capacity: 2,
          allocatable: 2,
        },
      ],
    });
    expect(report.findings.map(f => f.id)).toContain('x');
    expect(report.generatedAt).toBe('2026-11-01T10:00:00.000Z');
    expect(report.stats).toEqual({ apiRequests: 4, durationMs: 120, waves: 2 });
  });

  it('reports collection problems as findings', () => {
    const snapshot = makeSnapshot({
      overrides: {
        stats: {
          apiRequests: 3,
          durationMs: 60_000,
          waves: 1,
          deadlineReached: true,
        },
      },
    });
    snapshot.discovery.failures.push({
      groupVersion: 'custom.metrics.k8s.io/v1beta1',
      outcome: 'unavailable',
      message: '503',
    });
    snapshot.reads.crds = {
      outcome: 'forbidden',
      request: 'list apiextensions.k8s.io/v1 customresourcedefinitions',
    };
    const ids = evaluate(snapshot, { checks: [] }).findings.map(f => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'discovery-group-unavailable',
        'deadline-reached',
        'reads-forbidden',
      ]),
    );
  });

  it('rejects snapshots of another schema version', () => {
    expect(() =>
      evaluate({ ...makeSnapshot(), schemaVersion: 2 as 1 }, { checks: [] }),
    ).toThrow(/schemaVersion/);
  });
});
