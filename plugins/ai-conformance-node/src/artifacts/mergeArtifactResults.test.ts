import type {
  ConformanceReport,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import { mergeArtifactResults } from './mergeArtifactResults';

const req = (
  id: string,
  status: RequirementResult['status'],
): RequirementResult => ({
  id,
  category: 'security',
  level: 'MUST',
  conditional: false,
  title: id,
  status,
  method: 'passive',
  summary: `${id} passive`,
  evidence: [],
  remediation: [],
  errors: [],
});

const report = (requirements: RequirementResult[]): ConformanceReport => ({
  schemaVersion: 1,
  requirementsVersion: '1.34',
  generatedAt: '2026-11-01T10:00:00.000Z',
  cluster: { name: 'c', platform: 'gke', accelerators: [] },
  verdict: 'incomplete',
  requirements,
  findings: [],
  stats: { apiRequests: 1, durationMs: 1 },
});

describe('mergeArtifactResults', () => {
  const base = report([
    req('secure_accelerator_access', 'unknown'),
    req('gang_scheduling', 'pass'),
    req('cluster_autoscaling', 'pass'),
    req('ai_inference', 'pass'),
  ]);

  it('applies the CNCF validator rules and recomputes the verdict', () => {
    const merged = mergeArtifactResults(base, {
      source: 'junit',
      location: 'junit.xml',
      tests: [
        { name: 'TestSecureAcceleratorAccess', status: 'passed' },
        { name: 'TestGangScheduling', status: 'failed', message: 'gang broke' },
        { name: 'TestAcceleratorClusterAutoscaling', status: 'skipped' },
        { name: 'TestUnrelated', status: 'failed' },
      ],
    });
    const byId = Object.fromEntries(merged.requirements.map(r => [r.id, r]));
    expect(byId.secure_accelerator_access).toMatchObject({
      status: 'pass',
      method: 'artifact',
    });
    expect(byId.secure_accelerator_access.notes).toEqual([
      'Passive check said: unknown — secure_accelerator_access passive',
    ]);
    expect(byId.gang_scheduling).toMatchObject({
      status: 'fail',
      method: 'artifact',
      summary: 'Official test TestGangScheduling failed.',
    });
    expect(byId.gang_scheduling.evidence[0].description).toContain(
      'gang broke',
    );
    expect(byId.cluster_autoscaling).toMatchObject({
      status: 'pass',
      method: 'passive',
    });
    expect(byId.cluster_autoscaling.notes?.[0]).toMatch(
      /skipped: a skipped test is no evidence/,
    );
    expect(byId.ai_inference).toEqual(base.requirements[3]);
    expect(merged.verdict).toBe('not-conformant');
    expect(base.requirements[0].status).toBe('unknown');
  });

  it('makes the report conformant when artifacts close the last gap', () => {
    const merged = mergeArtifactResults(
      report([
        req('secure_accelerator_access', 'unknown'),
        req('ai_inference', 'pass'),
      ]),
      [
        {
          source: 'go-test-json',
          tests: [{ name: 'TestSecureAcceleratorAccess', status: 'passed' }],
        },
      ],
    );
    expect(merged.verdict).toBe('conformant');
    expect(merged.requirements[0].evidence[0].description).toBe(
      'Official test TestSecureAcceleratorAccess passed (results.json)',
    );
  });
});
