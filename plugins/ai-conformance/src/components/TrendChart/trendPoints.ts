import {
  countReport,
  type RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';

export interface TrendPoint {
  time: number;
  label: string;
  mustPassed: number;
  mustTotal: number;
}

/** Finished runs with a report, oldest first, as MUSTs passed over time. */
export function trendPoints(runs: RunRecord[]): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const run of runs) {
    if (run.status !== 'succeeded' || !run.report) continue;
    const at = run.finishedAt ?? run.report.generatedAt;
    const time = Date.parse(at);
    if (Number.isNaN(time)) continue;
    const counts = countReport(run.report);
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
