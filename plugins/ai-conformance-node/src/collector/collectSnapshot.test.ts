import { connectToCluster } from '../cluster/connectToCluster';
import { loadClientNode } from '../cluster/loadClientNode';
import type { Check } from '../checks/types';
import type { ReadSpec } from '../snapshot/types';
import { collectSnapshot } from './collectSnapshot';
import { startKubeSim, type FaultSpec } from '@ai-conformance/kube-sim';
import { COLLECTOR_SCENARIO } from './__testUtils__/collectorScenario';

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

const TOKEN = 'secret-token-123';

jest.setTimeout(30_000);

describe('collectSnapshot', () => {
  let sim: Awaited<ReturnType<typeof startKubeSim>>;
  beforeAll(async () => {
    await loadClientNode();
    sim = await startKubeSim({
      clusters: [{ name: 'c', scenario: COLLECTOR_SCENARIO, token: TOKEN }],
      metrics: false,
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  /** The cluster with these faults and fresh counters. */
  const withFaults = (faults: FaultSpec[] = []) => {
    const cluster = sim.cluster('c');
    cluster.setFaults(faults);
    cluster.resetCounters();
    return cluster;
  };
  const connect = (url = sim.cluster('c').server) =>
    connectToCluster({
      type: 'explicit',
      name: 'test',
      url,
      token: TOKEN,
      caData: sim.caData,
    });
  const requestsOf = (cluster: ReturnType<typeof withFaults>) =>
    cluster.requestLog().map(r => ({
      ...r,
      query: Object.fromEntries(new URLSearchParams(r.query)),
    }));

  it('reads version, aggregated discovery and every read in two waves', async () => {
    const cluster = withFaults();
    const progress: string[] = [];
    const snapshot = await collectSnapshot(await connect(), {
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
      metadata: expect.objectContaining({
        name: 'd0',
        namespace: 'ns',
        annotations: {},
      }),
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
      apiRequests: cluster.requestCount(),
    });
    expect(progress[0]).toBe('version');
    expect(progress[progress.length - 1]).toBe('done');

    const requests = requestsOf(cluster);
    const paths = requests.map(r => r.path);
    expect(paths.some(p => p.includes('secrets'))).toBe(false);
    expect(paths.some(p => p.includes('kueue'))).toBe(false);
    const pages = requests.filter(r => r.path === '/apis/apps/v1/deployments');
    expect(pages.map(r => r.query.limit)).toEqual(['500', '500', '500']);
    expect(pages.map(r => r.query.continue)).toEqual([
      undefined,
      expect.any(String),
      expect.any(String),
    ]);
    const meta = requests.find(
      r => r.path === '/apis/apps/v1/namespaces/ns/deployments',
    );
    expect(meta?.accept).toContain('as=PartialObjectMetadataList');
    // kube-sim answers 401 to any other bearer token.
    expect(requests[0]).toMatchObject({ path: '/version', status: 200 });
    expect(JSON.stringify(snapshot)).not.toContain('secret-token-123');
  });

  it('falls back to legacy discovery for the groups it needs', async () => {
    const cluster = withFaults([{ aggregatedDiscovery: 'unsupported' }]);
    const snapshot = await collectSnapshot(await connect(), {
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
    const discoveryPaths = requestsOf(cluster)
      .map(r => r.path)
      .filter(p => /^\/(api\/v1|apis\/[^/]+\/[^/]+)$/.test(p));
    expect(discoveryPaths.sort()).toEqual([
      '/api/v1',
      '/apis/custom.metrics.k8s.io/v1beta1',
      '/apis/gateway.networking.k8s.io/v1',
    ]);
  });

  it('restarts a list once when its continue token expires, and falls back from metadata lists', async () => {
    const cluster = withFaults([
      { query: '(^|&)continue=', status: 410, times: 1 },
      { accept: 'as=PartialObjectMetadataList', status: 406 },
    ]);
    const snapshot = await collectSnapshot(await connect(), {
      checks: [fakeCheck([READS.deployments, READS.deploymentsMeta])],
      concurrency: 1,
    });
    expect(snapshot.reads.deployments.items).toHaveLength(1203);
    expect(snapshot.reads['deployments-meta'].items).toHaveLength(1203);
    expect(snapshot.reads['deployments-meta'].items?.[0].spec).toBeUndefined();
    const statuses = cluster.requestLog().map(r => r.status);
    expect(statuses.filter(st => st === 410)).toHaveLength(1);
    expect(statuses).toContain(406);
  });

  it('retries a throttled or failing read once', async () => {
    withFaults([{ path: '^/apis/gateway', status: 429, times: 1 }]);
    const once = await collectSnapshot(await connect(), {
      checks: [fakeCheck([READS.gatewayclasses])],
    });
    expect(once.reads.gc).toMatchObject({ outcome: 'ok', requests: 2 });

    withFaults([{ path: '^/apis/gateway', status: 500, times: 2 }]);
    const twice = await collectSnapshot(await connect(), {
      checks: [fakeCheck([READS.gatewayclasses])],
    });
    expect(twice.reads.gc).toMatchObject({
      outcome: 'error',
      httpStatus: 500,
      requests: 2,
    });
  });

  it('ends by its deadline with timeouts when the server hangs', async () => {
    withFaults([{ path: '^/apis/apps', hang: true }]);
    const started = Date.now();
    const snapshot = await collectSnapshot(await connect(), {
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
    withFaults([{ path: '^/version$', hang: true }]);
    const snapshot = await collectSnapshot(await connect(), {
      checks: [fakeCheck([READS.gatewayclasses])],
      requestTimeoutMs: 150,
    });
    expect(snapshot.version.outcome).toBe('timeout');
    expect(snapshot.reads.gc.outcome).toBe('ok');
  });

  it('throws a ConnectionError on 401', async () => {
    withFaults([{ status: 401 }]);
    await expect(
      collectSnapshot(await connect(), { checks: [] }),
    ).rejects.toMatchObject({
      name: 'ConnectionError',
      reason: 'unauthorized',
    });
  });

  it('throws a ConnectionError when nothing listens', async () => {
    const gone = await startKubeSim({
      clusters: [{ name: 'gone', scenario: COLLECTOR_SCENARIO }],
      metrics: false,
    });
    const url = gone.cluster('gone').server;
    await gone.stop();
    await expect(
      collectSnapshot(await connect(url), { checks: [] }),
    ).rejects.toMatchObject({
      reason: 'unreachable',
    });
  });

  it('marks unresolvable reads when discovery is forbidden', async () => {
    withFaults([{ path: '^/apis?$', status: 403 }]);
    const snapshot = await collectSnapshot(await connect(), {
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
