import { connectToCluster } from '../cluster/connectToCluster';
import { loadClientNode } from '../cluster/loadClientNode';
import type { Check } from '../checks/types';
import type { ReadSpec } from '../snapshot/types';
import { collectSnapshot } from './collectSnapshot';
import {
  FakeResource,
  startFakeApiServer,
} from './__testUtils__/fakeApiServer';

const node = (name: string, gpus = 0) => ({
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name },
    managedFields: [{ manager: 'x' }],
  },
  status: {
    capacity: gpus ? { 'nvidia.com/gpu': String(gpus) } : {},
    allocatable: {},
  },
});

const RESOURCES: FakeResource[] = [
  {
    group: '',
    version: 'v1',
    resource: 'nodes',
    kind: 'Node',
    items: [node('a', 1), node('b')],
  },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    kind: 'ConfigMap',
    namespaced: true,
    items: [
      {
        metadata: {
          name: 'cluster-autoscaler-status',
          namespace: 'kube-system',
        },
        data: { status: 'ok' },
      },
    ],
  },
  {
    group: '',
    version: 'v1',
    resource: 'secrets',
    kind: 'Secret',
    namespaced: true,
    items: [],
  },
  {
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    items: Array.from({ length: 1203 }, (_, i) => ({
      metadata: {
        name: `d${i}`,
        namespace: 'ns',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
        },
      },
      spec: { replicas: 1 },
    })),
  },
  {
    group: 'gateway.networking.k8s.io',
    version: 'v1',
    resource: 'gatewayclasses',
    kind: 'GatewayClass',
    items: [],
  },
  {
    group: 'custom.metrics.k8s.io',
    version: 'v1beta1',
    resource: 'pods',
    kind: 'MetricValueList',
    namespaced: true,
  },
  {
    group: 'rbac.example.com',
    version: 'v1',
    resource: 'things',
    kind: 'Thing',
    status: 403,
  },
];

const READS: Record<string, ReadSpec> = {
  configmap: {
    key: 'cm',
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'cluster-autoscaler-status',
  },
  missingCm: {
    key: 'cm-missing',
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'nope',
  },
  deployments: {
    key: 'deployments',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
  },
  deploymentsMeta: {
    key: 'deployments-meta',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    metadataOnly: true,
    namespace: 'ns',
  },
  gatewayclasses: {
    key: 'gc',
    group: 'gateway.networking.k8s.io',
    version: '*',
    resource: 'gatewayclasses',
  },
  notServed: {
    key: 'kueue',
    group: 'kueue.x-k8s.io',
    version: '*',
    resource: 'clusterqueues',
  },
  secrets: { key: 'secrets', group: '', version: 'v1', resource: 'secrets' },
  forbidden: {
    key: 'things',
    group: 'rbac.example.com',
    version: 'v1',
    resource: 'things',
  },
  metrics: {
    key: 'metrics',
    group: 'custom.metrics.k8s.io',
    version: 'v1beta1',
    resource: 'pods',
  },
};

const fakeCheck = (reads: ReadSpec[]): Check => ({
  id: 'fake',
  reads,
  evaluate: () => ({
    status: 'unknown',
    summary: '',
    evidence: [],
    remediation: [],
    errors: [],
  }),
});

async function connect(url: string) {
  return connectToCluster({
    type: 'explicit',
    name: 'test',
    url,
    token: 'secret-token-123',
    skipTLSVerify: true,
  });
}

jest.setTimeout(30_000);

describe('collectSnapshot', () => {
  beforeAll(async () => {
    await loadClientNode();
  });
  let server: Awaited<ReturnType<typeof startFakeApiServer>> | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('reads version, aggregated discovery and every read in two waves', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      staleGroupVersions: ['custom.metrics.k8s.io/v1beta1'],
    });
    const progress: string[] = [];
    const snapshot = await collectSnapshot(await connect(server.url), {
      checks: [fakeCheck(Object.values(READS))],
      onProgress: p => progress.push(p.phase),
    });

    expect(snapshot.version.info?.gitVersion).toBe('v1.34.1');
    expect(snapshot.discovery.source).toBe('aggregated');
    expect(snapshot.discovery.failures).toEqual([
      expect.objectContaining({
        groupVersion: 'custom.metrics.k8s.io/v1beta1',
        outcome: 'unavailable',
      }),
    ]);
    expect(snapshot.reads.nodes.items?.map(n => n.metadata.name)).toEqual([
      'a',
      'b',
    ]);
    expect(snapshot.reads.nodes.items?.[0].metadata).not.toHaveProperty(
      'managedFields',
    );
    expect(snapshot.reads.cm).toMatchObject({
      outcome: 'ok',
      object: { data: { status: 'ok' } },
    });
    expect(snapshot.reads['cm-missing'].outcome).toBe('notFound');
    expect(snapshot.reads.deployments).toMatchObject({
      outcome: 'ok',
      requests: 3,
    });
    expect(snapshot.reads.deployments.items).toHaveLength(1203);
    expect(snapshot.reads.deployments.items?.[0].metadata.annotations).toEqual(
      {},
    );
    expect(snapshot.reads['deployments-meta'].items?.[0]).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd0', namespace: 'ns', annotations: {} },
    });
    expect(snapshot.reads.gc).toMatchObject({
      outcome: 'ok',
      version: 'v1',
      items: [],
    });
    expect(snapshot.reads.kueue).toMatchObject({
      outcome: 'notFound',
      message: 'group kueue.x-k8s.io not served',
      requests: 0,
    });
    expect(snapshot.reads.secrets).toMatchObject({
      outcome: 'skipped',
      requests: 0,
    });
    expect(snapshot.reads.things).toMatchObject({
      outcome: 'forbidden',
      httpStatus: 403,
    });
    expect(snapshot.reads.metrics).toMatchObject({
      outcome: 'unavailable',
      httpStatus: 503,
    });
    expect(snapshot.stats).toMatchObject({
      waves: 2,
      apiRequests: server.requests.length,
    });
    expect(progress[0]).toBe('version');
    expect(progress[progress.length - 1]).toBe('done');

    const paths = server.requests.map(r => r.path);
    expect(paths.some(p => p.includes('secrets'))).toBe(false);
    expect(paths.some(p => p.includes('kueue'))).toBe(false);
    const pages = server.requests.filter(
      r => r.path === '/apis/apps/v1/deployments',
    );
    expect(pages.map(r => r.query.limit)).toEqual(['500', '500', '500']);
    expect(pages.map(r => r.query.continue)).toEqual([
      undefined,
      '500',
      '1000',
    ]);
    const meta = server.requests.find(
      r => r.path === '/apis/apps/v1/namespaces/ns/deployments',
    );
    expect(meta?.accept).toContain('as=PartialObjectMetadataList');
    expect(server.requests[0].authorization).toBe('Bearer secret-token-123');
    expect(JSON.stringify(snapshot)).not.toContain('secret-token-123');
  });

  it('falls back to legacy discovery for the groups it needs', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      aggregated: false,
      staleGroupVersions: ['custom.metrics.k8s.io/v1beta1'],
    });
    const snapshot = await collectSnapshot(await connect(server.url), {
      checks: [
        fakeCheck([READS.gatewayclasses, READS.notServed, READS.metrics]),
      ],
    });
    expect(snapshot.discovery.source).toBe('legacy');
    expect(snapshot.discovery.fallbackReason).toMatch(
      /^the server does not offer aggregated discovery \(\/api answered APIVersions as "application\/json"\)$/,
    );
    expect(snapshot.reads.gc).toMatchObject({ outcome: 'ok', version: 'v1' });
    expect(snapshot.reads.kueue.outcome).toBe('notFound');
    expect(snapshot.discovery.failures).toEqual([
      expect.objectContaining({
        groupVersion: 'custom.metrics.k8s.io/v1beta1',
        outcome: 'unavailable',
        httpStatus: 503,
      }),
    ]);
    expect(snapshot.stats.waves).toBe(3);
    const discoveryPaths = server.requests
      .map(r => r.path)
      .filter(p => /^\/(api\/v1|apis\/[^/]+\/[^/]+)$/.test(p));
    expect(discoveryPaths.sort()).toEqual([
      '/api/v1',
      '/apis/custom.metrics.k8s.io/v1beta1',
      '/apis/gateway.networking.k8s.io/v1',
    ]);
  });

  it('restarts a list once when its continue token expires, and falls back from metadata lists', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      expireFirstContinue: true,
      refuseMetadata: true,
    });
    const snapshot = await collectSnapshot(await connect(server.url), {
      checks: [fakeCheck([READS.deployments, READS.deploymentsMeta])],
      concurrency: 1,
    });
    expect(snapshot.reads.deployments.items).toHaveLength(1203);
    expect(snapshot.reads['deployments-meta'].items).toHaveLength(1203);
    expect(snapshot.reads['deployments-meta'].items?.[0].spec).toBeUndefined();
  });

  it('retries a throttled or failing read once', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      failFirst: { path: /^\/apis\/gateway/, status: 429, times: 1 },
    });
    const once = await collectSnapshot(await connect(server.url), {
      checks: [fakeCheck([READS.gatewayclasses])],
    });
    expect(once.reads.gc).toMatchObject({ outcome: 'ok', requests: 2 });
    await server.stop();

    server = await startFakeApiServer({
      resources: RESOURCES,
      failFirst: { path: /^\/apis\/gateway/, status: 500, times: 2 },
    });
    const twice = await collectSnapshot(await connect(server.url), {
      checks: [fakeCheck([READS.gatewayclasses])],
    });
    expect(twice.reads.gc).toMatchObject({
      outcome: 'error',
      httpStatus: 500,
      requests: 2,
    });
  });

  it('ends by its deadline with timeouts when the server hangs', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      hang: /^\/apis\/apps/,
    });
    const started = Date.now();
    const snapshot = await collectSnapshot(await connect(server.url), {
      checks: [fakeCheck([READS.deployments, READS.gatewayclasses])],
      requestTimeoutMs: 20_000,
      deadlineMs: 1_500,
    });
    // Ends near the deadline, far before the per-request timeout.
    expect(Date.now() - started).toBeLessThan(8_000);
    // Each request's timeout is capped by the time left, so either timer
    // may end the hanging read first; both are timeouts.
    expect(snapshot.reads.deployments).toMatchObject({
      outcome: 'timeout',
      message: expect.stringMatching(
        /^(stopped: the overall deadline was reached|request timed out \(no response within \d+ ms\))$/,
      ),
    });
    expect(snapshot.reads.gc.outcome).toBe('ok');
    expect(snapshot.stats.deadlineReached).toBe(true);
  });

  it('records per-request timeouts', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      hang: /^\/version$/,
    });
    const snapshot = await collectSnapshot(await connect(server.url), {
      checks: [fakeCheck([READS.gatewayclasses])],
      requestTimeoutMs: 150,
    });
    expect(snapshot.version.outcome).toBe('timeout');
    expect(snapshot.reads.gc.outcome).toBe('ok');
  });

  it('throws a ConnectionError on 401', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      statusFor: [{ path: /.*/, status: 401 }],
    });
    await expect(
      collectSnapshot(await connect(server.url), { checks: [] }),
    ).rejects.toMatchObject({
      name: 'ConnectionError',
      reason: 'unauthorized',
    });
  });

  it('throws a ConnectionError when nothing listens', async () => {
    const s = await startFakeApiServer({ resources: [] });
    await s.stop();
    await expect(
      collectSnapshot(await connect(s.url), { checks: [] }),
    ).rejects.toMatchObject({
      reason: 'unreachable',
    });
  });

  it('marks unresolvable reads when discovery is forbidden', async () => {
    server = await startFakeApiServer({
      resources: RESOURCES,
      statusFor: [{ path: /^\/apis?$/, status: 403 }],
    });
    const snapshot = await collectSnapshot(await connect(server.url), {
      checks: [fakeCheck([READS.gatewayclasses, READS.configmap])],
    });
    expect(snapshot.discovery.outcome).toBe('forbidden');
    expect(snapshot.reads.gc).toMatchObject({
      outcome: 'forbidden',
      requests: 0,
    });
    expect(snapshot.reads.cm.outcome).toBe('ok');
  });
});
