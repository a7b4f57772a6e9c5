import type { SnapshotMetricSample, SnapshotMetrics } from '../snapshot/types';
import { PER_DEVICE_LABELS } from './evaluateDcgmMetricsSample';
import type { PrometheusClient } from './PrometheusClient';
import { DCGM_SAMPLED_METRICS, sampleDcgmMetrics } from './sampleDcgmMetrics';

/** Labels kept on each series: the device, its node and its model. */
const KEPT_LABELS = new Set([
  ...PER_DEVICE_LABELS,
  'Hostname',
  'node',
  'instance',
  'modelName',
]);

/**
 * Series kept per metric name; beyond that only a count is kept.
 *
 * @public
 */
export const MAX_SERIES_PER_METRIC = 1000;

/**
 * Options of {@link sampleMetricsSnapshot}.
 *
 * @public
 */
export interface SampleMetricsSnapshotOptions {
  /** Description of the source for the report (never a URL with credentials). */
  source: string;
  /** Extra equality matchers of the cluster's source, e.g. `{ cluster: 'prod' }`. */
  matchers?: Record<string, string>;
  /** Time allowed for the whole sample (token, queries); default 10 s. */
  timeoutMs?: number;
  /** Stops waiting when aborted (the run's deadline). */
  signal?: AbortSignal;
  /** Clock in ms (tests). */
  now?: () => number;
}

/**
 * How reports name a Prometheus-compatible source: its origin and auth type
 * only (no path, query or credentials).
 *
 * @public
 */
export function describePrometheusSource(url: string, auth: string): string {
  return `Prometheus-compatible API at ${new URL(url).origin} (auth ${auth})`;
}

function keepLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels))
    if (KEPT_LABELS.has(k)) out[k] = v;
  return out;
}

function bounded<T>(
  work: Promise<T>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onAbort = () =>
      reject(new Error('the run stopped before the source answered'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * Reads the current DCGM series of a cluster from its metrics source into
 * the snapshot's `metrics` field. Never throws: a failed or slow source
 * becomes `error` (the accelerator_metrics check then keeps its passive
 * verdict and says why). Series keep only device, node and model labels,
 * at most {@link MAX_SERIES_PER_METRIC} per metric.
 *
 * @public
 */
export async function sampleMetricsSnapshot(
  client: Pick<PrometheusClient, 'query'>,
  options: SampleMetricsSnapshotOptions,
): Promise<SnapshotMetrics> {
  const now = options.now ?? Date.now;
  const started = now();
  const base = {
    source: options.source,
    sampledAt: new Date(started).toISOString(),
    queried: [...DCGM_SAMPLED_METRICS],
  };
  try {
    const all = await bounded(
      sampleDcgmMetrics(client, options.matchers ?? {}),
      options.timeoutMs ?? 10_000,
      options.signal,
    );
    const perMetric = new Map<string, number>();
    const samples: SnapshotMetricSample[] = [];
    let omitted = 0;
    for (const s of all) {
      const count = perMetric.get(s.name) ?? 0;
      if (count >= MAX_SERIES_PER_METRIC) {
        omitted++;
        continue;
      }
      perMetric.set(s.name, count + 1);
      samples.push({ name: s.name, labels: keepLabels(s.labels) });
    }
    return {
      ...base,
      samples,
      ...(omitted ? { omitted } : {}),
      durationMs: now() - started,
    };
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    return { ...base, error: message, durationMs: now() - started };
  }
}
