import { NO_POOL } from './acceleratorLabels';
import {
  DCGM_METRICS,
  RANGE_SECONDS,
  aggregateValues,
  stepForRange,
} from './dcgmMetrics';
import type { DcgmMetricDefinition } from './dcgmMetrics';
import type { PrometheusClient } from './PrometheusClient';
import { vectorSelector } from './promql';
import type {
  AcceleratorInventory,
  AcceleratorMetricSeries,
  AcceleratorSourceError,
  GpuMetricSeries,
  MetricPoint,
  MetricsRange,
  PoolMetricSeries,
} from './types';

/**
 * Pool of GPUs whose node is not in the inventory.
 *
 * @public
 */
export const UNKNOWN_POOL = '(unknown)';

/**
 * Options of {@link queryDcgmMetrics}.
 *
 * @public
 */
export interface QueryDcgmMetricsOptions {
  client: Pick<PrometheusClient, 'query' | 'queryRange'>;
  range: MetricsRange;
  /** Maps DCGM series to node pools; without it every GPU is in `(unknown)`. */
  inventory?: AcceleratorInventory;
  /** Extra equality matchers, e.g. `{ cluster: 'prod' }` on a shared Prometheus. */
  matchers?: Record<string, string>;
  /** Label holding the node name; default `Hostname` (then `node`, `kubernetes_node`). */
  nodeLabel?: string;
  /** Per-GPU range points are kept for at most this many GPUs; default 64 (pools are always complete). */
  maxGpuRangeSeries?: number;
  /** Unix seconds; default now. */
  now?: number;
}

/**
 * Result of {@link queryDcgmMetrics}: whatever could be read, and what failed.
 *
 * @public
 */
export interface DcgmMetricsResult {
  series: AcceleratorMetricSeries;
  errors: AcceleratorSourceError[];
}

interface GpuKey {
  node: string;
  gpu: string;
  uuid?: string;
  modelName?: string;
}

function gpuKeyOf(labels: Record<string, string>, nodeLabel?: string): GpuKey {
  const node =
    (nodeLabel ? labels[nodeLabel] : undefined) ??
    labels.Hostname ??
    labels.node ??
    labels.kubernetes_node ??
    labels.instance ??
    '';
  const gpu =
    labels.gpu ?? labels.minor_number ?? labels.device ?? labels.UUID ?? '';
  return {
    node,
    gpu,
    ...(labels.UUID || labels.uuid ? { uuid: labels.UUID ?? labels.uuid } : {}),
    ...(labels.modelName ? { modelName: labels.modelName } : {}),
  };
}

function poolsByNode(inventory?: AcceleratorInventory): Map<string, string> {
  const map = new Map<string, string>();
  for (const pool of inventory?.pools ?? [])
    for (const node of pool.nodes) map.set(node.name, pool.pool || NO_POOL);
  return map;
}

function combine(
  perGpu: MetricPoint[][],
  how: DcgmMetricDefinition['aggregate'],
): MetricPoint[] {
  const byTime = new Map<number, number[]>();
  for (const points of perGpu)
    for (const [t, v] of points) byTime.set(t, [...(byTime.get(t) ?? []), v]);
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, values]) => [t, aggregateValues(values, how)] as MetricPoint);
}

/**
 * Reads DCGM utilization, framebuffer used/free, power and temperature from
 * a Prometheus-compatible API: an instant and a range query per metric
 * (step from the range), per GPU, then combined per node pool using the
 * inventory's node → pool map. When some series match inventory nodes, series
 * of other nodes (another cluster on a shared Prometheus) are dropped.
 * A failing query becomes an error entry; the other metrics still answer.
 *
 * @public
 */
export async function queryDcgmMetrics(
  options: QueryDcgmMetricsOptions,
): Promise<DcgmMetricsResult> {
  const end = options.now ?? Math.floor(Date.now() / 1000);
  const stepSeconds = stepForRange(options.range);
  const start = end - RANGE_SECONDS[options.range];
  const nodePools = poolsByNode(options.inventory);
  const maxGpuRange = options.maxGpuRangeSeries ?? 64;
  const failures = new Map<string, string[]>();
  const fail = (what: string) => (e: Error) => {
    failures.set(e.message, [...(failures.get(e.message) ?? []), what]);
    return undefined;
  };

  const answers = await Promise.all(
    DCGM_METRICS.map(async def => {
      const selector = vectorSelector(def.metric, options.matchers);
      const [instant, range] = await Promise.all([
        options.client
          .query(selector, end)
          .catch(fail(`${def.metric} (instant)`)),
        options.client
          .queryRange(selector, start, end, stepSeconds)
          .catch(fail(`${def.metric} (${options.range} range)`)),
      ]);
      return { def, instant, range };
    }),
  );

  const allNodes = new Set<string>();
  for (const a of answers) {
    for (const s of [...(a.instant ?? []), ...(a.range ?? [])])
      allNodes.add(gpuKeyOf(s.labels, options.nodeLabel).node);
  }
  const matchesInventory = [...allNodes].some(n => nodePools.has(n));

  const gpus: GpuMetricSeries[] = [];
  for (const { def, instant, range } of answers) {
    const byGpu = new Map<string, GpuMetricSeries>();
    const entry = (labels: Record<string, string>) => {
      const key = gpuKeyOf(labels, options.nodeLabel);
      if (matchesInventory && !nodePools.has(key.node)) return undefined;
      const id = `${key.node}\u0000${key.gpu}`;
      let s = byGpu.get(id);
      if (!s) {
        s = {
          metric: def.key,
          unit: def.unit,
          ...key,
          pool: nodePools.get(key.node) ?? UNKNOWN_POOL,
          points: [],
        };
        byGpu.set(id, s);
      }
      return s;
    };
    for (const sample of instant ?? []) {
      const s = entry(sample.labels);
      if (s) s.latest = sample.point;
    }
    for (const series of range ?? []) {
      const s = entry(series.labels);
      if (s) s.points = series.points;
    }
    gpus.push(...byGpu.values());
  }
  gpus.sort(
    (a, b) =>
      a.pool.localeCompare(b.pool) ||
      a.node.localeCompare(b.node) ||
      a.gpu.localeCompare(b.gpu, undefined, { numeric: true }) ||
      a.metric.localeCompare(b.metric),
  );

  const pools: PoolMetricSeries[] = [];
  for (const def of DCGM_METRICS) {
    const ofMetric = gpus.filter(g => g.metric === def.key);
    for (const pool of [...new Set(ofMetric.map(g => g.pool))].sort()) {
      const members = ofMetric.filter(g => g.pool === pool);
      const latest = members.flatMap(g => (g.latest ? [g.latest] : []));
      pools.push({
        metric: def.key,
        unit: def.unit,
        pool,
        aggregate: def.aggregate,
        gpus: members.length,
        ...(latest.length
          ? {
              latest: [
                Math.max(...latest.map(p => p[0])),
                aggregateValues(
                  latest.map(p => p[1]),
                  def.aggregate,
                ),
              ] as MetricPoint,
            }
          : {}),
        points: combine(
          members.map(g => g.points),
          def.aggregate,
        ),
      });
    }
  }

  const gpuCount = new Set(gpus.map(g => `${g.node}\u0000${g.gpu}`)).size;
  if (gpuCount > maxGpuRange) for (const g of gpus) g.points = [];

  return {
    series: {
      range: options.range,
      stepSeconds,
      start,
      end,
      gpus,
      pools,
    },
    errors: [...failures.entries()].map(
      ([message, queries]): AcceleratorSourceError => ({
        source: 'prometheus',
        message: `${message} (${queries.length} of ${
          DCGM_METRICS.length * 2
        } queries failed, e.g. ${queries[0]})`,
      }),
    ),
  };
}
