/**
 * End to end: kube-sim serves a GKE cluster (two GPU pools) and an EKS-like
 * cluster with DCGM exporter endpoints, a real Prometheus scrapes them every
 * second, and the route's series must equal what the exporters serve, per
 * GPU and per pool. A check run of the cluster carries the same source's
 * sample into the accelerator_metrics result.
 *
 * Needs the `prometheus` binary (Debian package `prometheus`; override the
 * path with PROMETHEUS_BIN). The exporters' values follow slow waves of
 * Date.now(); the test pins Date.now() to 10-second windows so the exporter
 * serves the same values for every scrape of a window, and compares within
 * one window.
 */
import express from 'express';
import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  loadScenario,
  startKubeSim,
  type KubeSim,
} from '@ai-conformance/kube-sim';
import {
  evaluateDcgmMetricsSample,
  loadClientNode,
} from '@ai-conformance/plugin-ai-conformance-node';
import { clusterEntity } from '../__testUtils__/clusterEntities';
import { ClusterResolver } from '../service/ClusterResolver';
import { EngineConformanceRunner } from '../service/EngineConformanceRunner';
import { AcceleratorMetricsService } from './AcceleratorMetricsService';
import { connectThroughResolver } from './createAcceleratorMetricsService';
import { createAcceleratorsTestRouter } from '../__testUtils__/createAcceleratorsTestRouter';
import { readMetricsConfig } from './readMetricsConfig';
import {
  findPrometheusBinary,
  startLocalPrometheus,
  type LocalPrometheus,
} from './startLocalPrometheus';

jest.setTimeout(120_000);

const WINDOW_MS = 10_000;
const realNow = Date.now.bind(Date);

const METRIC_OF: Record<string, string> = {
  utilization: 'DCGM_FI_DEV_GPU_UTIL',
  memoryUsed: 'DCGM_FI_DEV_FB_USED',
  memoryFree: 'DCGM_FI_DEV_FB_FREE',
  power: 'DCGM_FI_DEV_POWER_USAGE',
  temperature: 'DCGM_FI_DEV_GPU_TEMP',
};

/** GKE scenario with a second GPU pool of 2 × A100 nodes with 2 GPUs each. */
function twoPoolGke() {
  const scenario = loadScenario('gke-1.34-conformant');
  const l4 = scenario.nodePools!.find(p => p.name === 'l4-pool')!;
  scenario.nodePools!.push({
    ...l4,
    name: 'a100-pool',
    count: 2,
    namePattern: 'gke-a100-pool-{index}',
    gpuModel: 'NVIDIA A100-SXM4-40GB',
    gpusPerNode: 2,
    labels: {
      ...l4.labels,
      'cloud.google.com/gke-nodepool': 'a100-pool',
      'cloud.google.com/gke-accelerator': 'nvidia-tesla-a100',
      'cloud.google.com/gke-accelerator-count': '2',
    },
    capacity: { ...l4.capacity, 'nvidia.com/gpu': '2' },
    allocatable: { ...(l4.allocatable ?? l4.capacity), 'nvidia.com/gpu': '2' },
  });
  return scenario;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function waitFor<T>(
  what: () => string,
  fn: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = realNow() + timeoutMs;
  let last: unknown;
  while (realNow() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  throw new Error(`Timed out waiting for ${what()}${last ? `: ${last}` : ''}`);
}

interface ExporterSample {
  metric: string;
  node: string;
  gpu: string;
  value: number;
}

function parseExporter(text: string): ExporterSample[] {
  const out: ExporterSample[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!m) continue;
    const node = /Hostname="([^"]*)"/.exec(m[2])?.[1] ?? '';
    const gpu = /(?:^|,)gpu="([^"]*)"/.exec(m[2])?.[1] ?? '';
    out.push({ metric: m[1], node, gpu, value: Number(m[3]) });
  }
  return out;
}

describe('accelerator metrics through a real Prometheus', () => {
  let sim: KubeSim | undefined;
  let prometheus: LocalPrometheus | undefined;
  let promUrl: string;
  let app: express.Express;
  let service: AcceleratorMetricsService;
  let resolver: ClusterResolver;

  beforeAll(async () => {
    if (!findPrometheusBinary()) {
      throw new Error(
        'Prometheus is required by this test but /usr/bin/prometheus (or $PROMETHEUS_BIN) does not exist. ' +
          'Install it (Debian: apt-get install -y prometheus) or set PROMETHEUS_BIN.',
      );
    }
    await loadClientNode();
    sim = await startKubeSim({
      clusters: [
        { name: 'gke', scenario: twoPoolGke() },
        { name: 'eks', scenario: 'eks-1.35' },
      ],
    });
    // Exporter values are constant within a window from here on.
    jest
      .spyOn(Date, 'now')
      .mockImplementation(() => Math.floor(realNow() / WINDOW_MS) * WINDOW_MS);

    prometheus = await startLocalPrometheus({
      targets: sim.clusters.flatMap(c =>
        c.metricsTargets.map(url => ({
          url,
          labels: { ksim_cluster: c.name },
        })),
      ),
    });
    promUrl = prometheus.url;
    const expectedSeries = (
      await Promise.all(
        sim.clusters.flatMap(c =>
          c.metricsTargets.map(async t => {
            const text = await (await fetch(t)).text();
            return parseExporter(text).filter(
              s => s.metric === 'DCGM_FI_DEV_GPU_UTIL',
            ).length;
          }),
        ),
      )
    ).reduce((a, b) => a + b, 0);
    await waitFor(
      () =>
        `Prometheus to hold ${expectedSeries} GPU utilization series (log: ${prometheus!
          .log()
          .slice(-500)})`,
      async () => {
        const res = await fetch(
          `${promUrl}/api/v1/query?query=${encodeURIComponent(
            'count(DCGM_FI_DEV_GPU_UTIL)',
          )}`,
        );
        const body = await res.json();
        return Number(body.data?.result?.[0]?.value?.[1]) === expectedSeries
          ? true
          : undefined;
      },
      60_000,
    );

    const gke = sim.cluster('gke');
    const config = new ConfigReader({
      aiConformance: {
        clusters: [
          {
            name: 'gke',
            url: gke.server,
            caData: gke.caData,
            serviceAccountToken: gke.token,
          },
        ],
        metrics: {
          cacheSeconds: 0,
          clusters: [
            { name: 'gke', url: promUrl, matchers: { ksim_cluster: 'gke' } },
          ],
        },
      },
    });
    const logger = mockServices.logger.mock();
    resolver = new ClusterResolver({
      config,
      catalog: {} as CatalogService,
      logger,
    });
    service = new AcceleratorMetricsService({
      config: readMetricsConfig(config),
      logger,
      connect: connectThroughResolver(resolver),
      now: realNow,
    });
    app = express();
    app.use(
      await createAcceleratorsTestRouter({
        catalog: catalogServiceMock({ entities: [clusterEntity('gke')] }),
        permissions: mockServices.permissions(),
        httpAuth: mockServices.httpAuth(),
        // Queries run at the real time; only the exporters see pinned windows.
        service,
      }),
    );
    app.use(MiddlewareFactory.create({ config, logger }).error());
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await prometheus?.stop();
    await sim?.stop();
  });

  /** Calls the route and reads every exporter of the gke cluster inside one window, 3 s after it began. */
  async function readWithinOneWindow() {
    for (let attempt = 0; attempt < 4; attempt++) {
      const untilNext = WINDOW_MS - (realNow() % WINDOW_MS);
      await sleep(untilNext + 3000);
      const window = Math.floor(realNow() / WINDOW_MS);
      const res = await request(app).get(
        '/clusters/default/gke/accelerators?range=1h',
      );
      const texts = await Promise.all(
        sim!
          .cluster('gke')
          .metricsTargets.map(async t => (await fetch(t)).text()),
      );
      if (Math.floor(realNow() / WINDOW_MS) === window) return { res, texts };
    }
    throw new Error(
      'Could not read the route and the exporters within one window',
    );
  }

  it('returns per-GPU and per-pool series equal to the exporters’ values', async () => {
    const { res, texts } = await readWithinOneWindow();
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.errors).toEqual([]);
    expect(body.source).toEqual({ type: 'prometheus', auth: 'none' });
    expect(body.inventory.pools.map((p: any) => p.pool)).toEqual([
      'a100-pool',
      'l4-pool',
    ]);

    for (const text of texts)
      expect(evaluateDcgmMetricsSample(text).passed).toBe(true);
    const exported = texts.flatMap(parseExporter);
    const poolOf = new Map<string, string>();
    for (const pool of body.inventory.pools)
      for (const n of pool.nodes) poolOf.set(n.name, pool.pool);

    // Per GPU: the same GPUs (no EKS node leaks in) and the same values.
    for (const [key, metric] of Object.entries(METRIC_OF)) {
      const expected = exported
        .filter(s => s.metric === metric)
        .map(s => [s.node, s.gpu, s.value])
        .sort();
      const actual = body.series.gpus
        .filter((g: any) => g.metric === key)
        .map((g: any) => [g.node, g.gpu, g.latest[1]])
        .sort();
      expect(actual).toEqual(expected);
      expect(actual).toHaveLength(3 * 1 + 2 * 2);
    }
    // Range series end with the same value.
    for (const g of body.series.gpus) {
      expect(g.points.length).toBeGreaterThan(0);
      expect(g.points[g.points.length - 1][1]).toBe(g.latest[1]);
    }

    // Per pool: avg utilization, summed memory and power, max temperature.
    for (const pool of ['a100-pool', 'l4-pool']) {
      const values = (metric: string) =>
        exported
          .filter(s => s.metric === metric && poolOf.get(s.node) === pool)
          .map(s => s.value);
      const series = (key: string) =>
        body.series.pools.find((p: any) => p.pool === pool && p.metric === key);
      const util = values('DCGM_FI_DEV_GPU_UTIL');
      expect(series('utilization').gpus).toBe(util.length);
      expect(series('utilization').latest[1]).toBeCloseTo(
        util.reduce((a, b) => a + b, 0) / util.length,
        6,
      );
      expect(series('memoryUsed').latest[1]).toBe(
        values('DCGM_FI_DEV_FB_USED').reduce((a, b) => a + b, 0),
      );
      expect(series('memoryFree').latest[1]).toBe(
        values('DCGM_FI_DEV_FB_FREE').reduce((a, b) => a + b, 0),
      );
      expect(series('power').latest[1]).toBeCloseTo(
        values('DCGM_FI_DEV_POWER_USAGE').reduce((a, b) => a + b, 0),
        6,
      );
      expect(series('temperature').latest[1]).toBe(
        Math.max(...values('DCGM_FI_DEV_GPU_TEMP')),
      );
    }
  });

  it('samples the DCGM series of the cluster for the official per-device rules', async () => {
    const samples = await service.sampleDcgm('resource:default/gke');
    expect(samples!.every(s => s.labels.ksim_cluster === 'gke')).toBe(true);
    expect(evaluateDcgmMetricsSample(samples!)).toMatchObject({
      passed: true,
      devices: 3 + 2 * 2,
      utilizationMetrics: ['DCGM_FI_DEV_GPU_UTIL'],
    });
    await expect(
      service.sampleDcgm('resource:default/eks'),
    ).resolves.toBeUndefined();
  });

  /** A check run of the gke cluster with the service as its metrics source. */
  async function runChecks() {
    const entityRef = 'resource:default/gke';
    const target = await resolver.resolve(entityRef, {
      credentials: mockCredentials.service(),
      scheduled: false,
    });
    const runner = new EngineConformanceRunner({
      sampleMetrics: (ref, options) => service.sampleForSnapshot(ref, options),
    });
    const report = await runner.run(target, {
      entityRef,
      dryRunProbes: false,
      requestTimeoutMs: 10_000,
      deadlineMs: 60_000,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    return report.requirements.find(r => r.id === 'accelerator_metrics')!;
  }

  it('runs the checks on the sample: accelerator_metrics cites the scraped metrics and devices', async () => {
    const result = await runChecks();
    expect(result.status).toBe('pass');
    expect(result.summary).toContain('DCGM_FI_DEV_GPU_UTIL');
    const [metrics] = result.evidence;
    expect(metrics.description).toBe(
      `Accelerator metrics in Prometheus-compatible API at ${
        new URL(promUrl).origin
      } (auth none)`,
    );
    expect(metrics.fields).toMatchObject({
      utilizationMetrics: 'DCGM_FI_DEV_GPU_UTIL',
      memoryMetrics: 'DCGM_FI_DEV_FB_FREE, DCGM_FI_DEV_FB_USED',
      devices: 3 + 2 * 2,
    });
    expect(String(metrics.fields?.perDeviceLabels)).toMatch(/\bgpu\b/);
    expect(String(metrics.fields?.deviceLabelValues)).toMatch(
      /gke-a100-pool-\S+ \w+=/,
    );
  });

  it('keeps the inventory and reports an error once Prometheus stops', async () => {
    await prometheus!.stop();
    const res = await request(app).get(
      '/clusters/default/gke/accelerators?range=24h',
    );
    expect(res.status).toBe(200);
    expect(res.body.inventory.totals).toEqual([
      expect.objectContaining({
        resource: 'nvidia.com/gpu',
        capacity: 3 + 2 * 2,
      }),
    ]);
    expect(res.body.series).toBeNull();
    expect(res.body.errors).toEqual([
      { source: 'prometheus', message: expect.stringMatching(/unreachable/) },
    ]);

    // A check run still finishes; accelerator_metrics keeps its passive
    // verdict and says why the source was not used.
    const result = await runChecks();
    expect(result.status).toBe('pass');
    expect(result.summary).toMatch(/exporter .* runs with all pods ready/);
    expect(result.notes?.join(' ')).toMatch(
      /The metrics source \(Prometheus-compatible API at .*\) could not be read: unreachable/,
    );
    expect(
      result.evidence.some(e =>
        e.description.startsWith('Accelerator metrics in'),
      ),
    ).toBe(false);
  });
});
