import type {
  DcgmMetricKey,
  PoolMetricSeries,
} from '../../api/AcceleratorMetricsClient';

/** One row of a chart: time in ms and one value per pool. */
export type ChartRow = { time: number } & Record<string, number>;

/** Rows of one metric with a column per pool, sorted by time. */
export function chartRows(
  pools: PoolMetricSeries[],
  metric: DcgmMetricKey,
  scale = 1,
): { rows: ChartRow[]; pools: string[] } {
  const ofMetric = pools.filter(p => p.metric === metric);
  const byTime = new Map<number, ChartRow>();
  for (const series of ofMetric) {
    for (const [t, v] of series.points) {
      if (!Number.isFinite(v)) continue;
      const row = byTime.get(t) ?? ({ time: t * 1000 } as ChartRow);
      row[series.pool] = v * scale;
      byTime.set(t, row);
    }
  }
  return {
    rows: [...byTime.entries()].sort(([a], [b]) => a - b).map(([, r]) => r),
    pools: ofMetric.map(p => p.pool),
  };
}

/** `14:05` for ranges up to 6 h, `Mon 14:05` beyond. */
export function formatTick(timeMs: number, rangeSeconds: number): string {
  const d = new Date(timeMs);
  const hm = d.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });
  return rangeSeconds > 6 * 3600
    ? `${d.toLocaleDateString(undefined, { weekday: 'short' })} ${hm}`
    : hm;
}

/** A value with at most one decimal and its unit. */
export function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const rounded =
    Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return unit === '%' ? `${rounded}%` : `${rounded} ${unit}`;
}
