import type { InstantSample, RangeSeries } from './PrometheusClient';
import { PrometheusQueryError } from './PrometheusClient';
import { queryDcgmMetrics } from './queryDcgmMetrics';
import { buildAcceleratorInventory } from './buildAcceleratorInventory';
import type { KubeObject } from '../snapshot/types';

const gpuNode = (name: string, pool: string) =>
  ({
    metadata: { name, labels: { 'cloud.google.com/gke-nodepool': pool } },
    status: {
      capacity: { 'nvidia.com/gpu': '2' },
      allocatable: { 'nvidia.com/gpu': '2' },
    },
  } as KubeObject);

const inventory = buildAcceleratorInventory({
  nodes: [gpuNode('n1', 'a'), gpuNode('n2', 'a'), gpuNode('n3', 'b')],
  pods: [],
});

/** value of metric m on node/gpu at time t */
const value = (metric: string, node: string, gpu: string, t: number) =>
  metric.length + Number(node.slice(1)) * 10 + Number(gpu) + t / 100;

const GPUS = [
  ['n1', '0'],
  ['n1', '1'],
  ['n2', '0'],
  ['n3', '0'],
  ['other-cluster-node', '0'],
];

function fakeClient(
  failing: (q: string) => Error | undefined = () => undefined,
) {
  const queries: string[] = [];
  return {
    queries,
    async query(q: string, time?: number): Promise<InstantSample[]> {
      queries.push(`instant ${q} @${time}`);
      const error = failing(q);
      if (error) throw error;
      const metric = q.split('{')[0];
      return GPUS.map(([node, gpu]) => ({
        labels: {
          Hostname: node,
          gpu,
          UUID: `GPU-${node}-${gpu}`,
          modelName: 'NVIDIA L4',
        },
        point: [time!, value(metric, node, gpu, time!)],
      }));
    },
    async queryRange(
      q: string,
      start: number,
      end: number,
      step: number,
    ): Promise<RangeSeries[]> {
      queries.push(`range ${q} ${start}..${end}/${step}`);
      const error = failing(q);
      if (error) throw error;
      const metric = q.split('{')[0];
      return GPUS.map(([node, gpu]) => ({
        labels: { Hostname: node, gpu },
        points: [end - step, end].map(
          t => [t, value(metric, node, gpu, t)] as [number, number],
        ),
      }));
    },
  };
}

describe('queryDcgmMetrics', () => {
  const now = 1_700_000_000;

  it('queries every DCGM metric instantly and over the range, per GPU and per pool', async () => {
    const client = fakeClient();
    const { series, errors } = await queryDcgmMetrics({
      client,
      range: '6h',
      inventory,
      matchers: { cluster: 'prod"x' },
      now,
    });
    expect(errors).toEqual([]);
    expect(series).toMatchObject({
      range: '6h',
      stepSeconds: 180,
      start: now - 21600,
      end: now,
    });
    expect(client.queries).toContain(
      `instant DCGM_FI_DEV_GPU_UTIL{cluster="prod\\"x"} @${now}`,
    );
    expect(client.queries).toContain(
      `range DCGM_FI_DEV_FB_USED{cluster="prod\\"x"} ${
        now - 21600
      }..${now}/180`,
    );
    expect(client.queries).toHaveLength(10);

    const util = series.gpus.filter(g => g.metric === 'utilization');
    expect(util.map(g => [g.pool, g.node, g.gpu])).toEqual([
      ['a', 'n1', '0'],
      ['a', 'n1', '1'],
      ['a', 'n2', '0'],
      ['b', 'n3', '0'],
    ]);
    expect(util[0]).toMatchObject({
      unit: '%',
      uuid: 'GPU-n1-0',
      modelName: 'NVIDIA L4',
      latest: [now, value('DCGM_FI_DEV_GPU_UTIL', 'n1', '0', now)],
    });
    expect(util[0].points).toHaveLength(2);

    const v = (m: string, n: string, g: string) => value(m, n, g, now);
    const poolA = (metric: string) =>
      series.pools.find(p => p.pool === 'a' && p.metric === metric)!;
    expect(poolA('utilization')).toMatchObject({ aggregate: 'avg', gpus: 3 });
    expect(poolA('utilization').latest![1]).toBeCloseTo(
      (v('DCGM_FI_DEV_GPU_UTIL', 'n1', '0') +
        v('DCGM_FI_DEV_GPU_UTIL', 'n1', '1') +
        v('DCGM_FI_DEV_GPU_UTIL', 'n2', '0')) /
        3,
    );
    expect(poolA('memoryUsed').latest![1]).toBeCloseTo(
      v('DCGM_FI_DEV_FB_USED', 'n1', '0') +
        v('DCGM_FI_DEV_FB_USED', 'n1', '1') +
        v('DCGM_FI_DEV_FB_USED', 'n2', '0'),
    );
    expect(poolA('temperature').latest![1]).toBe(
      v('DCGM_FI_DEV_GPU_TEMP', 'n2', '0'),
    );
    expect(poolA('power').points.map(p => p[0])).toEqual([now - 180, now]);
    expect(series.pools.map(p => p.pool)).not.toContain('(unknown)');
  });

  it('keeps GPUs in (unknown) when no series matches the inventory', async () => {
    const { series } = await queryDcgmMetrics({
      client: fakeClient(),
      range: '1h',
      now,
    });
    expect(new Set(series.gpus.map(g => g.pool))).toEqual(
      new Set(['(unknown)']),
    );
    expect(series.stepSeconds).toBe(30);
  });

  it('reports failed queries as one error per cause and keeps the others', async () => {
    const { series, errors } = await queryDcgmMetrics({
      client: fakeClient(q =>
        q.startsWith('DCGM_FI_DEV_POWER_USAGE')
          ? new PrometheusQueryError('http', 'HTTP 503')
          : undefined,
      ),
      range: '24h',
      inventory,
      now,
    });
    expect(errors).toEqual([
      {
        source: 'prometheus',
        message:
          'HTTP 503 (2 of 10 queries failed, e.g. DCGM_FI_DEV_POWER_USAGE (instant))',
      },
    ]);
    expect(series.stepSeconds).toBe(720);
    expect(series.gpus.some(g => g.metric === 'power')).toBe(false);
    expect(series.gpus.filter(g => g.metric === 'utilization')).toHaveLength(4);
  });

  it('drops per-GPU range points beyond the limit but keeps pool series', async () => {
    const { series } = await queryDcgmMetrics({
      client: fakeClient(),
      range: '1h',
      inventory,
      now,
      maxGpuRangeSeries: 2,
    });
    expect(series.gpus.every(g => g.points.length === 0)).toBe(true);
    expect(series.gpus.every(g => g.latest)).toBe(true);
    expect(series.pools.every(p => p.points.length === 2)).toBe(true);
  });
});
