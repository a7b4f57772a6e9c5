import type { MetricSampleLabels } from './evaluateDcgmMetricsSample';
import type { PrometheusClient } from './PrometheusClient';
import { vectorSelector } from './promql';

/**
 * DCGM metrics whose presence the official rules look for (utilization, memory, and SHOULD extras).
 *
 * @public
 */
export const DCGM_SAMPLED_METRICS = [
  'DCGM_FI_DEV_GPU_UTIL',
  'DCGM_FI_DEV_FB_USED',
  'DCGM_FI_DEV_FB_FREE',
  'DCGM_FI_DEV_GPU_TEMP',
  'DCGM_FI_DEV_POWER_USAGE',
];

/**
 * Reads the current DCGM series of a cluster from its metrics source as
 * samples for {@link evaluateDcgmMetricsSample}. Query failures propagate
 * (a check then reports `unknown` with the reason, never pass or fail).
 *
 * @public
 */
export async function sampleDcgmMetrics(
  client: Pick<PrometheusClient, 'query'>,
  matchers: Record<string, string> = {},
): Promise<MetricSampleLabels[]> {
  const results = await Promise.all(
    DCGM_SAMPLED_METRICS.map(metric =>
      client.query(vectorSelector(metric, matchers)).then(samples =>
        samples.map(s => ({
          name: s.labels.__name__ ?? metric,
          labels: s.labels,
        })),
      ),
    ),
  );
  return results.flat();
}
