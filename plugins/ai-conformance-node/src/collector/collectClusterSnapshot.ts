import type { ClusterConnection } from '../cluster/ClusterConnection';
import type { ClusterSnapshot, SnapshotMetrics } from '../snapshot/types';
import {
  collectSnapshot,
  COLLECT_DEFAULTS,
  CollectOptions,
} from './collectSnapshot';

/**
 * Samples the cluster's metrics source for `snapshot.metrics`; resolves
 * undefined when none is configured. It is given the time the collection
 * has per request (`timeoutMs`) and the run's abort signal.
 *
 * @public
 */
export type MetricsSampler = (options: {
  timeoutMs: number;
  signal?: AbortSignal;
}) => Promise<SnapshotMetrics | undefined>;

/** @public */
export interface CollectClusterSnapshotOptions extends CollectOptions {
  /**
   * The metrics source, sampled while the snapshot is collected. A sampler
   * that rejects leaves `metrics.error` set and the collection goes on.
   */
  sampleMetrics?: MetricsSampler;
}

/** The metrics sample; never rejects (a failed source becomes `error`). */
async function sampleSafely(
  sample: MetricsSampler,
  options: CollectOptions,
): Promise<SnapshotMetrics | undefined> {
  const sampledAt = new Date().toISOString();
  const timeoutMs = Math.min(
    options.requestTimeoutMs ?? COLLECT_DEFAULTS.requestTimeoutMs,
    options.deadlineMs ?? COLLECT_DEFAULTS.deadlineMs,
  );
  try {
    return await sample({ timeoutMs, signal: options.signal });
  } catch (error) {
    return {
      source: 'the configured metrics source',
      sampledAt,
      error: (error as Error)?.message ?? String(error),
    };
  }
}

/**
 * The collection stage of a run: reads the cluster into a snapshot and, at
 * the same time, samples its metrics source into `snapshot.metrics`.
 *
 * @public
 */
export async function collectClusterSnapshot(
  connection: ClusterConnection,
  options: CollectClusterSnapshotOptions = {},
): Promise<ClusterSnapshot> {
  const { sampleMetrics, ...collectOptions } = options;
  const metrics = sampleMetrics
    ? sampleSafely(sampleMetrics, collectOptions)
    : undefined;
  const collected = await collectSnapshot(connection, collectOptions);
  const sample = await metrics;
  return sample ? { ...collected, metrics: sample } : collected;
}
