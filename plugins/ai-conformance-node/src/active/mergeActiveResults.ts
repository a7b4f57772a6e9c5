import {
  computeVerdict,
  ConformanceReport,
  Finding,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ActiveRunResult } from './runActiveChecks';
import type { ActiveCheckResult } from './types';

function passiveNote(r: RequirementResult): string {
  return `${
    r.method === 'passive'
      ? 'Passive check'
      : `Earlier evaluation (${r.method})`
  } said: ${r.status} — ${r.summary}`;
}

function mergeOne(
  r: RequirementResult,
  a: ActiveCheckResult,
  missing: string[],
): RequirementResult {
  const notes = [...(r.notes ?? [])];
  if (a.status === 'unknown') {
    // a step that could not run never hides a passive fail or n/a
    if (r.status === 'fail' || r.status === 'not-applicable') {
      return {
        ...r,
        notes: [...notes, `Active check could not tell: ${a.summary}`],
      };
    }
    return {
      ...r,
      status: 'unknown',
      method: 'active',
      summary: a.summary,
      evidence: [...a.evidence, ...r.evidence],
      errors: [
        ...r.errors,
        ...(missing.length > 0
          ? [
              {
                read: 'active run preflight (SelfSubjectAccessReview)',
                outcome: 'forbidden' as const,
                message: `missing: ${missing.join('; ')}`,
                hint: 'grant the active ClusterRole (docs/rbac/clusterrole-active.yaml)',
              },
            ]
          : []),
      ],
      notes: [...notes, passiveNote(r)],
    };
  }
  return {
    ...r,
    status: a.status,
    method: 'active',
    summary: a.summary,
    evidence: [...a.evidence, ...r.evidence],
    notes: [...notes, passiveNote(r)],
  };
}

/**
 * Puts an active run's results into a report: an active `pass` or `fail`
 * becomes the requirement's status (method `active`, the earlier result kept
 * in the notes and its evidence after the active evidence); an active
 * `unknown` makes the requirement `unknown` unless the earlier result was
 * `fail` or `not-applicable`. Adds a finding describing the run and
 * recomputes the verdict. Returns a new report.
 *
 * @public
 */
export function mergeActiveResults(
  report: ConformanceReport,
  run: ActiveRunResult,
): ConformanceReport {
  const byId = new Map(run.results.map(a => [a.id, a]));
  const requirements = report.requirements.map(r => {
    const a = byId.get(r.id);
    return a ? mergeOne(r, a, run.missingPermissions) : r;
  });
  const counts = { pass: 0, fail: 0, unknown: 0 };
  for (const a of run.results) counts[a.status]++;
  const finding: Finding = run.missingPermissions.length
    ? {
        id: 'active-run-permissions',
        severity: 'warning',
        summary: `Active checks not run: ${run.missingPermissions.length} permission(s) missing; nothing was created.`,
        details: run.missingPermissions.join('\n'),
      }
    : {
        id: 'active-run',
        severity: run.cleanup.errors.length > 0 ? 'warning' : 'info',
        summary: `Active run ${run.runId} in namespace ${run.namespace}: ${
          counts.pass
        } pass, ${counts.fail} fail, ${counts.unknown} unknown in ${Math.round(
          run.durationMs / 1000,
        )} s; cleanup deleted ${run.cleanup.deleted.length} object(s)${
          run.cleanup.errors.length
            ? ` with ${run.cleanup.errors.length} error(s)`
            : ''
        }.`,
        details: [
          ...run.results.map(
            a => `${a.id}: ${a.status} (${(a.durationMs / 1000).toFixed(1)} s)`,
          ),
          ...run.swept.deleted.map(d => `orphan sweep deleted ${d}`),
          ...run.cleanup.errors.map(e => `cleanup error: ${e}`),
        ].join('\n'),
      };
  return {
    ...report,
    requirements,
    findings: [...report.findings, finding],
    verdict: computeVerdict(requirements),
  };
}
