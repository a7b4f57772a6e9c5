import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from './server/startKubeSim';
import type { KubeSim } from './types';
import { kubeConfigFor, rawRequest } from './__testUtils__/kubeConfigFor';

// Acceptance: every fault type, and what a real client sees.
describe('kube-sim faults seen through @kubernetes/client-node', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'faulty', scenario: 'gke-1.34-conformant' },
        { name: 'down', scenario: 'adapter-down' },
        { name: 'hanging', scenario: 'hanging' },
      ],
      metrics: false,
    });
  }, 60_000);

  afterEach(() => sim.cluster('faulty').setFaults([]));
  afterAll(() => sim?.stop());

  const core = (name: string) =>
    kubeConfigFor(sim.cluster(name)).makeApiClient(k8s.CoreV1Api);

  it('delays answers by the fixed latency plus jitter', async () => {
    const cluster = sim.cluster('faulty');
    cluster.setFaults([
      { path: '^/api/v1/nodes$', latencyMs: 300, jitterMs: 100 },
    ]);
    const started = Date.now();
    const nodes = await core('faulty').listNode();
    const elapsed = Date.now() - started;
    expect(nodes.items).toHaveLength(6);
    expect(elapsed).toBeGreaterThanOrEqual(295);
    const started2 = Date.now();
    await core('faulty').listNamespace();
    expect(Date.now() - started2).toBeLessThan(300);
    const logged = cluster.requestLog().find(e => e.path === '/api/v1/nodes');
    expect(logged?.durationMs).toBeGreaterThanOrEqual(295);
  });

  it('fails every request with the configured status and a kube Status body', async () => {
    sim
      .cluster('faulty')
      .setFaults([{ errorRate: 1, status: 503, except: ['^/version$'] }]);
    const error = await core('faulty')
      .listNode()
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(k8s.ApiException);
    expect(error.code).toBe(503);
    const status =
      typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
    expect(status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'ServiceUnavailable',
      code: 503,
    });
    const version = await kubeConfigFor(sim.cluster('faulty'))
      .makeApiClient(k8s.VersionApi)
      .getCode();
    expect(version.gitVersion).toBe('v1.34.1-gke.1829001');
  });

  it('fails about the configured share of requests', async () => {
    sim.cluster('faulty').setFaults([{ errorRate: 0.5 }]);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        core('faulty')
          .listNamespace()
          .then(
            () => 200,
            (e: { code?: number }) => e.code,
          ),
      ),
    );
    expect(outcomes.filter(c => c === 500).length).toBeGreaterThan(0);
    expect(outcomes.filter(c => c === 200).length).toBeGreaterThan(0);
    expect(outcomes.every(c => c === 200 || c === 500)).toBe(true);
  });

  it('answers 503 for an aggregated group whose APIService is down', async () => {
    const kc = kubeConfigFor(sim.cluster('down'));
    const error = await kc
      .makeApiClient(k8s.CustomObjectsApi)
      .getAPIResources({ group: 'custom.metrics.k8s.io', version: 'v1beta1' })
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(k8s.ApiException);
    expect(error.code).toBe(503);
    const services = await kc
      .makeApiClient(k8s.ApiregistrationV1Api)
      .readAPIService({ name: 'v1beta1.custom.metrics.k8s.io' });
    expect(services.status?.conditions?.[0]).toMatchObject({
      type: 'Available',
      status: 'False',
      reason: 'FailedDiscoveryCheck',
    });
    const aggregated = await rawRequest(kc, '/apis', {
      headers: {
        accept:
          'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
      },
    });
    const group = JSON.parse(aggregated.body).items.find(
      (g: { metadata: { name: string } }) =>
        g.metadata.name === 'custom.metrics.k8s.io',
    );
    expect(
      group.versions.map((v: { freshness: string }) => v.freshness),
    ).toEqual(['Stale', 'Stale']);
    const healthy = await kubeConfigFor(sim.cluster('faulty'))
      .makeApiClient(k8s.CustomObjectsApi)
      .getAPIResources({ group: 'custom.metrics.k8s.io', version: 'v1beta1' });
    expect(healthy.groupVersion).toBe('custom.metrics.k8s.io/v1beta1');
  });

  it('hangs: the client gets nothing until its own deadline', async () => {
    const cluster = sim.cluster('hanging');
    const version = await kubeConfigFor(cluster)
      .makeApiClient(k8s.VersionApi)
      .getCode();
    expect(version.gitVersion).toBe('v1.34.1-gke.1829001');
    const outcome = await Promise.race([
      core('hanging')
        .listNode()
        .then(
          () => 'answered',
          () => 'failed',
        ),
      new Promise(resolve => setTimeout(() => resolve('deadline'), 700)),
    ]);
    expect(outcome).toBe('deadline');
    expect(
      cluster.requestLog().filter(e => e.path === '/api/v1/nodes'),
    ).toHaveLength(0);
    expect(cluster.requestCount()).toBe(2);
  });

  it('answers 200 with a truncated body the client cannot parse', async () => {
    sim
      .cluster('faulty')
      .setFaults([{ path: '^/api/v1/nodes$', malformed: true }]);
    const error = await core('faulty')
      .listNode()
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeDefined();
    expect(String(error.message ?? error)).toMatch(
      /JSON|Unexpected|Unterminated/i,
    );
    const raw = await rawRequest(
      kubeConfigFor(sim.cluster('faulty')),
      '/api/v1/nodes',
    );
    expect(raw.status).toBe(200);
    expect(() => JSON.parse(raw.body)).toThrow();
    expect(raw.body.startsWith('{"kind":"NodeList"')).toBe(true);
  });

  it('resets the connection', async () => {
    sim.cluster('faulty').setFaults([{ path: '^/api/v1/nodes$', reset: true }]);
    const error = await core('faulty')
      .listNode()
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeDefined();
    expect(`${error.message} ${error.code ?? ''}`).toMatch(
      /socket hang up|ECONNRESET|other side closed/i,
    );
    const namespaces = await core('faulty').listNamespace();
    expect(namespaces.items.length).toBeGreaterThan(0);
  });
});
