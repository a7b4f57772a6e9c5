import { parseSnapshot } from '../snapshot/parseSnapshot';
import { makeSnapshot } from '../snapshot/__testUtils__/makeSnapshot';
import { PrometheusQueryError, type InstantSample } from './PrometheusClient';
import {
  MAX_SERIES_PER_METRIC,
  describePrometheusSource,
  sampleMetricsSnapshot,
} from './sampleMetricsSnapshot';

const series = (
  name: string,
  labels: Record<string, string>,
): InstantSample => ({
  labels: { __name__: name, ...labels },
  point: [1, 1],
});

describe('sampleMetricsSnapshot', () => {
  const clock = () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    return () => (t += 5);
  };

  it('keeps device, node and model labels of each DCGM series and drops the rest', async () => {
    const asked: string[] = [];
    const metrics = await sampleMetricsSnapshot(
      {
        query: async q => {
          asked.push(q);
          return q.startsWith('DCGM_FI_DEV_GPU_UTIL')
            ? [
                series('DCGM_FI_DEV_GPU_UTIL', {
                  gpu: '0',
                  UUID: 'GPU-1',
                  Hostname: 'n1',
                  modelName: 'NVIDIA L4',
                  namespace: 'gmp-public',
                  pod: 'dcgm-exporter-abc',
                  cluster: 'prod',
                }),
              ]
            : [];
        },
      },
      {
        source: 'Prometheus-compatible API at http://prom:9090 (auth none)',
        matchers: { cluster: 'prod' },
        now: clock(),
      },
    );
    expect(asked).toContain('DCGM_FI_DEV_FB_USED{cluster="prod"}');
    expect(metrics).toEqual({
      source: 'Prometheus-compatible API at http://prom:9090 (auth none)',
      sampledAt: '2026-01-01T00:00:00.005Z',
      queried: expect.arrayContaining([
        'DCGM_FI_DEV_GPU_UTIL',
        'DCGM_FI_DEV_FB_USED',
      ]),
      samples: [
        {
          name: 'DCGM_FI_DEV_GPU_UTIL',
          labels: {
            gpu: '0',
            UUID: 'GPU-1',
            Hostname: 'n1',
            modelName: 'NVIDIA L4',
          },
        },
      ],
      durationMs: 5,
    });
  });

  it('records a query failure as an error instead of throwing', async () => {
    const metrics = await sampleMetricsSnapshot(
      {
        query: async () => {
          throw new PrometheusQueryError('http', 'HTTP 403 Forbidden');
        },
      },
      { source: 'prom' },
    );
    expect(metrics.error).toBe('HTTP 403 Forbidden');
    expect(metrics.samples).toBeUndefined();
  });

  it('gives up after its timeout and when the run is aborted', async () => {
    const never = { query: () => new Promise<InstantSample[]>(() => {}) };
    const slow = await sampleMetricsSnapshot(never, {
      source: 'prom',
      timeoutMs: 20,
    });
    expect(slow.error).toBe('no answer within 20 ms');

    const controller = new AbortController();
    const pending = sampleMetricsSnapshot(never, {
      source: 'prom',
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    controller.abort();
    expect((await pending).error).toMatch(/run stopped/);
  });

  it('bounds the series kept per metric and counts the rest', async () => {
    const many = Array.from({ length: MAX_SERIES_PER_METRIC + 3 }, (_, i) =>
      series('DCGM_FI_DEV_GPU_UTIL', { gpu: String(i % 8), Hostname: `n${i}` }),
    );
    const metrics = await sampleMetricsSnapshot(
      {
        query: async q => {
          if (q.startsWith('DCGM_FI_DEV_GPU_UTIL')) return many;
          if (q.startsWith('DCGM_FI_DEV_FB_USED'))
            return [series('DCGM_FI_DEV_FB_USED', { gpu: '0' })];
          return [];
        },
      },
      { source: 'prom' },
    );
    expect(metrics.samples).toHaveLength(MAX_SERIES_PER_METRIC + 1);
    expect(metrics.samples!.map(s => s.name)).toContain('DCGM_FI_DEV_FB_USED');
    expect(metrics.omitted).toBe(3);
  });

  it('produces a snapshot field that parseSnapshot accepts', async () => {
    const metrics = await sampleMetricsSnapshot(
      {
        query: async q =>
          q.startsWith('DCGM_FI_DEV_FB_FREE')
            ? [series('DCGM_FI_DEV_FB_FREE', { gpu: '1', Hostname: 'n2' })]
            : [],
      },
      { source: 'prom' },
    );
    const snapshot = JSON.parse(JSON.stringify({ ...makeSnapshot(), metrics }));
    expect(parseSnapshot(snapshot).metrics).toEqual(metrics);
  });

  it('names a source by origin and auth type, without path, query or user info', () => {
    expect(
      describePrometheusSource(
        'https://user:pw@monitoring.example.com/v1/projects/p/prometheus?key=k',
        'google',
      ),
    ).toBe(
      'Prometheus-compatible API at https://monitoring.example.com (auth google)',
    );
  });
});
