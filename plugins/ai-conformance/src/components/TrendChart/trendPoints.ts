import {
  countReport,
  type ReportCounts,
  type RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';

/** A history item may carry its counts instead of the whole report. */
type RunWithCounts = RunRecord & { counts?: ReportCounts };

export interface TrendPoint {
  time: number;
  label: string;
  mustPassed: number;
  mustTotal: number;
}

/**
 * Finished runs with counts (or a report to count), oldest first, as MUSTs
 * passed over time.
 */
export function trendPoints(runs: RunWithCounts[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const run of runs) {
    if (run.status !== 'succeeded') continue;
    const counts =
      run.counts ?? (run.report ? countReport(run.report) : undefined);
    const at = run.finishedAt ?? run.report?.generatedAt;
    if (!counts || !at) continue;
    const time = Date.parse(at);
    if (Number.isNaN(time)) continue;
    points.push({
      time,
      label: new Date(time).toLocaleDateString('en', {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
      mustPassed: counts.mustPassed,
      mustTotal: counts.mustTotal,
    });
  }
  return points.sort((a, b) => a.time - b.time);
}
