import type { DcgmMetricKey, MetricsRange, PoolAggregate } from './types';

/**
 * A DCGM exporter metric shown per GPU and per pool.
 *
 * @public
 */
export interface DcgmMetricDefinition {
  key: DcgmMetricKey;
  /** DCGM exporter metric name. */
  metric: string;
  unit: string;
  /** How a pool combines its GPUs. */
  aggregate: PoolAggregate;
}

/**
 * Utilization, framebuffer used/free, power and temperature.
 *
 * @public
 */
export const DCGM_METRICS: DcgmMetricDefinition[] = [
  {
    key: 'utilization',
    metric: 'DCGM_FI_DEV_GPU_UTIL',
    unit: '%',
    aggregate: 'avg',
  },
  {
    key: 'memoryUsed',
    metric: 'DCGM_FI_DEV_FB_USED',
    unit: 'MiB',
    aggregate: 'sum',
  },
  {
    key: 'memoryFree',
    metric: 'DCGM_FI_DEV_FB_FREE',
    unit: 'MiB',
    aggregate: 'sum',
  },
  {
    key: 'power',
    metric: 'DCGM_FI_DEV_POWER_USAGE',
    unit: 'W',
    aggregate: 'sum',
  },
  {
    key: 'temperature',
    metric: 'DCGM_FI_DEV_GPU_TEMP',
    unit: '°C',
    aggregate: 'max',
  },
];

/**
 * Seconds of each chart range.
 *
 * @public
 */
export const RANGE_SECONDS: Record<MetricsRange, number> = {
  '1h': 3600,
  '6h': 6 * 3600,
  '24h': 24 * 3600,
};

/**
 * True for a supported range name.
 *
 * @public
 */
export function isMetricsRange(value: unknown): value is MetricsRange {
  return (
    typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(RANGE_SECONDS, value)
  );
}

/**
 * About 120 points per chart, never finer than 15 s: 1h → 30 s, 6h → 3 min, 24h → 12 min.
 *
 * @public
 */
export function stepForRange(range: MetricsRange): number {
  return Math.max(15, Math.round(RANGE_SECONDS[range] / 120));
}

/** Combines GPU values into a pool value. */
export function aggregateValues(values: number[], how: PoolAggregate): number {
  if (values.length === 0) return NaN;
  if (how === 'max') return Math.max(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / values.length;
}
