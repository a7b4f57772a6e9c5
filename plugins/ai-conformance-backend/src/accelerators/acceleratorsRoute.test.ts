import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { NotFoundError } from '@backstage/errors';
import {
  buildAcceleratorInventory,
  type ClusterConnection,
  type KubeObject,
} from '@ai-conformance/plugin-ai-conformance-node';
import {
  AcceleratorMetricsService,
  type AcceleratorRequestContext,
} from './AcceleratorMetricsService';
import { createAcceleratorsTestRouter } from '../__testUtils__/createAcceleratorsTestRouter';
import { readMetricsConfig } from './readMetricsConfig';
import { clusterEntity } from '../__testUtils__/clusterEntities';
import { expectMatchesSpec } from '../__testUtils__/expectMatchesSpec';

const inventory = buildAcceleratorInventory({
  nodes: [
    {
      metadata: {
        name: 'gpu-0',
        labels: { 'cloud.google.com/gke-nodepool': 'l4-pool' },
      },
      status: {
        capacity: { 'nvidia.com/gpu': '1' },
        allocatable: { 'nvidia.com/gpu': '1' },
      },
    } as KubeObject,
  ],
  pods: [],
});

type Mode = 'ok' | 'error' | 'hang';

describe('GET /clusters/:namespace/:name/accelerators', () => {
  let prometheus: http.Server;
  let promUrl: string;
  let mode: Mode = 'ok';
  const seenAuth: Array<string | undefined> = [];

  beforeAll(async () => {
    prometheus = http.createServer((req, res) => {
      seenAuth.push(req.headers.authorization);
      if (mode === 'hang') return;
      if (mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            status: 'error',
            errorType: 'internal',
            error: 'boom',
          }),
        );
        return;
      }
      const url = new URL(req.url!, 'http://x');
      const instant = url.pathname.endsWith('/query');
      const labels = { Hostname: 'gpu-0', gpu: '0', UUID: 'GPU-1' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'success',
          data: instant
            ? {
                resultType: 'vector',
                result: [{ metric: labels, value: [1000, '42'] }],
              }
            : {
                resultType: 'matrix',
                result: [
                  {
                    metric: labels,
                    values: [
                      [970, '40'],
                      [1000, '42'],
                    ],
                  },
                ],
              },
        }),
      );
    });
    await new Promise<void>(r => prometheus.listen(0, '127.0.0.1', r));
    promUrl = `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    prometheus.closeAllConnections();
    await new Promise(r => prometheus.close(r));
  });
  beforeEach(() => {
    mode = 'ok';
    seenAuth.length = 0;
  });

  async function app(options: {
    metrics?: object;
    allow?: boolean;
    readInventory?: (
      connection: ClusterConnection,
    ) => Promise<typeof inventory>;
    connect?: (
      ref: string,
      context: AcceleratorRequestContext,
    ) => Promise<ClusterConnection>;
  }) {
    const config = new ConfigReader({
      aiConformance: { metrics: options.metrics ?? {} },
    });
    const logger = mockServices.logger.mock();
    const connected: string[] = [];
    const service = new AcceleratorMetricsService({
      config: readMetricsConfig(config),
      logger,
      connect:
        options.connect ??
        (async ref => {
          connected.push(ref);
          return {} as ClusterConnection;
        }),
      readInventory: options.readInventory ?? (async () => inventory),
      now: () => 1_000_000,
    });
    const router = await createAcceleratorsTestRouter({
      catalog: catalogServiceMock({
        entities: [clusterEntity('gke'), clusterEntity('nope')],
      }),
      permissions: mockServices.permissions({
        result:
          options.allow === false
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }),
      httpAuth: mockServices.httpAuth(),
      service,
    });
    const a = express();
    a.use(router);
    a.use(MiddlewareFactory.create({ config, logger }).error());
    return { app: a, connected };
  }

  const source = (extra: object = {}, timeoutMs = 5000) => ({
    timeoutMs,
    cacheSeconds: 0,
    clusters: [
      {
        name: 'gke',
        url: promUrl,
        auth: { type: 'bearer', token: 'prom-secret' },
        ...extra,
      },
    ],
  });

  it('answers inventory and series per GPU and pool', async () => {
    const { app: a, connected } = await app({ metrics: source() });
    const res = await request(a).get(
      '/clusters/default/gke/accelerators?range=6h',
    );
    expect(res.status).toBe(200);
    expect(connected).toEqual(['resource:default/gke']);
    expect(res.body).toMatchObject({
      entityRef: 'resource:default/gke',
      source: { type: 'prometheus', auth: 'bearer' },
      errors: [],
      inventory: { pools: [{ pool: 'l4-pool' }] },
      series: { range: '6h', stepSeconds: 180 },
    });
    const util = res.body.series.gpus.find(
      (g: any) => g.metric === 'utilization',
    );
    expect(util).toMatchObject({
      node: 'gpu-0',
      pool: 'l4-pool',
      gpu: '0',
      latest: [1000, 42],
    });
    expectMatchesSpec('get', '/clusters/{namespace}/{name}/accelerators', res);
    expect(seenAuth.every(h => h === 'Bearer prom-secret')).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('prom-secret');
    expect(JSON.stringify(res.body)).not.toContain(promUrl);
  });

  it('answers the inventory alone when no metrics source is configured', async () => {
    const { app: a } = await app({});
    const res = await request(a).get('/clusters/default/gke/accelerators');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      source: { type: 'none' },
      series: null,
      errors: [],
    });
    expectMatchesSpec('get', '/clusters/{namespace}/{name}/accelerators', res);
    expect(res.body.inventory.totals[0]).toMatchObject({
      resource: 'nvidia.com/gpu',
      capacity: 1,
    });
    expect(seenAuth).toEqual([]);
  });

  it.each([
    ['down', 'ok' as Mode, 'http://127.0.0.1:1', /unreachable/],
    ['slow', 'hang' as Mode, undefined, /no answer within 300 ms/],
    ['failing', 'error' as Mode, undefined, /HTTP 500 internal: boom/],
  ])(
    'keeps the inventory with an error entry when Prometheus is %s',
    async (_name, m, url, message) => {
      mode = m;
      // Only the hanging source meets the short timeout; the others must
      // answer with their own error even on a loaded machine.
      const metrics = source(url ? { url } : {}, m === 'hang' ? 300 : 5000);
      const { app: a } = await app({ metrics });
      const res = await request(a).get('/clusters/default/gke/accelerators');
      expect(res.status).toBe(200);
      expect(res.body.inventory.pools).toHaveLength(1);
      expect(res.body.series).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].source).toBe('prometheus');
      expect(res.body.errors[0].message).toMatch(message);
    },
  );

  it('keeps metrics with an error entry when the cluster cannot be read', async () => {
    const { app: a } = await app({
      metrics: source(),
      readInventory: async () => {
        throw new Error('API server unreachable: ECONNREFUSED');
      },
    });
    const res = await request(a).get('/clusters/default/gke/accelerators');
    expect(res.status).toBe(200);
    expect(res.body.inventory).toBeNull();
    expect(res.body.errors).toEqual([
      { source: 'kubernetes', message: 'API server unreachable: ECONNREFUSED' },
    ]);
    expect(res.body.series.gpus[0].pool).toBe('(unknown)');
  });

  it('rejects a bad range, an unknown cluster and a denied caller', async () => {
    const { app: a } = await app({});
    const bad = await request(a).get(
      '/clusters/default/gke/accelerators?range=2h',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /range must be equal to one of the allowed values: 1h, 6h, 24h/,
    );

    const { app: missing } = await app({
      connect: async () => {
        throw new NotFoundError('No cluster named nope');
      },
    });
    expect(
      (await request(missing).get('/clusters/default/nope/accelerators'))
        .status,
    ).toBe(404);

    const { app: denied, connected } = await app({ allow: false });
    expect(
      (await request(denied).get('/clusters/default/gke/accelerators')).status,
    ).toBe(403);
    expect(connected).toEqual([]);
  });

  it('reuses an answer within cacheSeconds', async () => {
    let reads = 0;
    const { app: a } = await app({
      metrics: { ...source(), cacheSeconds: 30 },
      readInventory: async () => {
        reads++;
        return inventory;
      },
    });
    await request(a).get('/clusters/default/gke/accelerators?range=1h');
    await request(a).get('/clusters/default/gke/accelerators?range=1h');
    await request(a).get('/clusters/default/gke/accelerators?range=24h');
    expect(reads).toBe(2);
  });

  it('answers 404 for an entity that does not exist, without reaching the cluster', async () => {
    const { app: a, connected } = await app({ metrics: source() });
    const res = await request(a).get('/clusters/default/ghost/accelerators');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'No catalog entity resource:default/ghost',
    );
    const twin = await request(a).get('/clusters/evil/gke/accelerators');
    expect(twin.status).toBe(404);
    expect(connected).toEqual([]);
    expect(seenAuth).toEqual([]);
  });

  it('never reuses an answer read with one user token for a caller without it', async () => {
    // Each answer names whose token read it, as a google/oidc cluster would
    // show only what that user may see.
    const readAs = (tokens?: Record<string, string>) =>
      tokens?.google ?? 'no-token';
    const connects: string[] = [];
    const { app: a } = await app({
      metrics: { ...source(), cacheSeconds: 300 },
      connect: async (_ref, context) => {
        connects.push(readAs(context.userTokens));
        return { readAs: readAs(context.userTokens) } as any;
      },
      readInventory: async connection => {
        const who = (connection as any).readAs as string;
        if (who === 'no-token') {
          throw new Error(
            'Cluster gke: authProvider google needs the user token',
          );
        }
        return buildAcceleratorInventory({
          nodes: [
            {
              metadata: { name: `gpu-seen-by-${who}` },
              status: {
                capacity: { 'nvidia.com/gpu': '1' },
                allocatable: { 'nvidia.com/gpu': '1' },
              },
            } as KubeObject,
          ],
          pods: [],
        });
      },
    });
    const path = '/clusters/default/gke/accelerators?range=1h';
    const alice = await request(a)
      .get(path)
      .set('Backstage-Kubernetes-Authorization-Google', 'Bearer alice-token');
    expect(alice.status).toBe(200);
    expect(JSON.stringify(alice.body)).toContain('gpu-seen-by-alice-token');

    // Within the cache window, a caller with no token reads as itself.
    const anonymous = await request(a).get(path);
    expect(anonymous.status).toBe(200);
    expect(JSON.stringify(anonymous.body)).not.toContain('alice');
    expect(anonymous.body.inventory).toBeNull();
    expect(anonymous.body.errors).toEqual([
      {
        source: 'kubernetes',
        message: 'Cluster gke: authProvider google needs the user token',
      },
    ]);

    // Another user's token is another identity too.
    const bob = await request(a)
      .get(path)
      .set('Backstage-Kubernetes-Authorization-Google', 'Bearer bob-token');
    expect(JSON.stringify(bob.body)).toContain('gpu-seen-by-bob-token');
    expect(JSON.stringify(bob.body)).not.toContain('alice');

    // The same token within the window is still served from the cache.
    const again = await request(a)
      .get(path)
      .set('Backstage-Kubernetes-Authorization-Google', 'Bearer alice-token');
    expect(JSON.stringify(again.body)).toContain('gpu-seen-by-alice-token');
    expect(connects).toEqual(['alice-token', 'no-token', 'bob-token']);
  });
});
