import type {
  ReportCounts,
  RequirementLevel,
  RequirementResult,
  RequirementStatus,
  Verdict,
} from '../types';

/**
 * The level and status of one result: all that {@link computeVerdict} needs.
 *
 * @public
 */
export type LevelStatus = {
  level: RequirementLevel;
  status: RequirementStatus;
};

/**
 * The verdict of a set of results: `not-conformant` if any MUST fails;
 * else `incomplete` if any MUST is unknown or partial; else `conformant`
 * (every MUST passed or does not apply). SHOULDs never change the verdict.
 *
 * @public
 */
export function computeVerdict(results: readonly LevelStatus[]): Verdict {
  const musts = results.filter(r => r.level === 'MUST');
  if (musts.some(r => r.status === 'fail')) return 'not-conformant';
  if (musts.some(r => r.status === 'unknown' || r.status === 'partial')) {
    return 'incomplete';
  }
  return 'conformant';
}

/**
 * True for statuses that count as met: `pass` and `not-applicable`.
 *
 * @public
 */
export function isMet(status: RequirementStatus): boolean {
  return status === 'pass' || status === 'not-applicable';
}

/**
 * Counts a report's requirements per level. Totals count every requirement
 * of the level; "passed" counts `pass` and `not-applicable` (a requirement
 * whose condition does not hold is met, as in the verdict).
 *
 * @public
 */
export function countReport(report: {
  requirements: ReadonlyArray<Pick<RequirementResult, 'level' | 'status'>>;
}): ReportCounts {
  const counts: ReportCounts = {
    mustPassed: 0,
    mustTotal: 0,
    shouldPassed: 0,
    shouldTotal: 0,
  };
  for (const r of report.requirements) {
    if (r.level === 'MUST') {
      counts.mustTotal++;
      if (isMet(r.status)) counts.mustPassed++;
    } else {
      counts.shouldTotal++;
      if (isMet(r.status)) counts.shouldPassed++;
    }
  }
  return counts;
}
