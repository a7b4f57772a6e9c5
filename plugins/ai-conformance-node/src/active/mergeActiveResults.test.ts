import {
  getChecklist,
  type ConformanceReport,
  type RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import { mergeActiveResults } from './mergeActiveResults';
import type { ActiveRunResult } from './runActiveChecks';

/** A passive result of a 1.34 requirement, from the catalog. */
function req(
  id: string,
  status: RequirementResult['status'],
): RequirementResult {
  const { category, level, conditional, title } = getChecklist(
    '1.34',
  ).requirements.find(r => r.id === id)!;
  return {
    ...{ id, category, level, conditional, title, status },
    method: 'passive',
    summary: `passive ${status}`,
    evidence: [{ description: `passive evidence of ${id}` }],
    ...{ remediation: [], errors: [] },
  };
}

const report: ConformanceReport = {
  schemaVersion: 1,
  requirementsVersion: '1.34',
  generatedAt: '2026-01-01T00:00:00Z',
  cluster: { name: 'c', platform: 'gke', accelerators: [] },
  verdict: 'conformant',
  requirements: [
    req('secure_accelerator_access', 'pass'),
    req('gang_scheduling', 'pass'),
    req('robust_controller', 'fail'),
    req('ai_inference', 'pass'),
  ],
  findings: [],
  stats: { apiRequests: 1, durationMs: 1 },
};

function run(
  results: ActiveRunResult['results'],
  missing: string[] = [],
): ActiveRunResult {
  return {
    runId: 'r',
    namespace: 'aic-run-r',
    startedAt: '',
    durationMs: 1000,
    missingPermissions: missing,
    results,
    swept: { deleted: [], skipped: [], errors: [] },
    cleanup: { deleted: ['Namespace aic-run-r'], skipped: [], errors: [] },
    cancelled: false,
  };
}

describe('mergeActiveResults', () => {
  it('an active fail overrides a passive pass; both are shown; the verdict is recomputed', () => {
    const merged = mergeActiveResults(
      report,
      run([
        {
          id: 'secure_accelerator_access',
          status: 'fail',
          summary: 'container second sees a GPU',
          evidence: [{ description: 'active evidence' }],
          durationMs: 5,
        },
      ]),
    );
    const r = merged.requirements[0];
    expect(r).toMatchObject({
      status: 'fail',
      method: 'active',
      summary: 'container second sees a GPU',
    });
    expect(r.evidence.map(e => e.description)).toEqual([
      'active evidence',
      'passive evidence of secure_accelerator_access',
    ]);
    expect(r.notes).toContain('Passive check said: pass — passive pass');
    expect(merged.verdict).toBe('not-conformant');
    expect(report.requirements[0].status).toBe('pass');
  });

  it('an active pass becomes the status with method active', () => {
    const merged = mergeActiveResults(
      { ...report, requirements: [req('gang_scheduling', 'pass')] },
      run([
        {
          id: 'gang_scheduling',
          status: 'pass',
          summary: 'gangs ok',
          evidence: [],
          durationMs: 5,
        },
      ]),
    );
    expect(merged.requirements[0]).toMatchObject({
      status: 'pass',
      method: 'active',
    });
    expect(merged.verdict).toBe('conformant');
    expect(merged.findings[0]).toMatchObject({
      id: 'active-run',
      severity: 'info',
    });
    expect(merged.findings[0].summary).toContain('1 pass, 0 fail, 0 unknown');
  });

  it('an active unknown is unknown with its reason, never hides a passive fail, and never fails', () => {
    const merged = mergeActiveResults(
      report,
      run(
        [
          {
            id: 'secure_accelerator_access',
            status: 'unknown',
            summary: 'not run: missing create pods',
            evidence: [],
            durationMs: 0,
          },
          {
            id: 'robust_controller',
            status: 'unknown',
            summary: 'not run',
            evidence: [],
            durationMs: 0,
          },
        ],
        ['create pods in aic-run-r'],
      ),
    );
    expect(merged.requirements[0]).toMatchObject({
      status: 'unknown',
      method: 'active',
      summary: 'not run: missing create pods',
    });
    expect(merged.requirements[0].errors[0]).toMatchObject({
      outcome: 'forbidden',
      message: 'missing: create pods in aic-run-r',
    });
    expect(merged.requirements[2]).toMatchObject({
      status: 'fail',
      method: 'passive',
    });
    expect(merged.requirements[3]).toEqual(report.requirements[3]);
    expect(merged.verdict).toBe('not-conformant');
    expect(merged.findings[0]).toMatchObject({
      id: 'active-run-permissions',
      severity: 'warning',
    });
  });
});
