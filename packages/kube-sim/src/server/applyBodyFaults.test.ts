import { startKubeSim } from './startKubeSim';
import type { FaultSpec, KubeSim } from '../types';
import { kubeConfigFor, rawRequest } from '../__testUtils__/kubeConfigFor';

const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

describe('body faults', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'c', scenario: 'gke-1.34-conformant' }],
      metrics: false,
    });
  }, 60_000);
  afterEach(() => sim.cluster('c').setFaults([]));
  afterAll(() => sim?.stop());

  const get = (path: string, accept = 'application/json') =>
    rawRequest(kubeConfigFor(sim.cluster('c')), path, { headers: { accept } });
  const withFaults = (faults: FaultSpec[]) =>
    sim.cluster('c').setFaults(faults);

  it('serves healthy aggregated and legacy discovery without faults', async () => {
    const aggregated = await get('/apis', AGGREGATED_ACCEPT);
    expect(aggregated.status).toBe(200);
    expect(aggregated.headers['content-type']).toContain(
      'as=APIGroupDiscoveryList',
    );
    expect(Array.isArray(JSON.parse(aggregated.body).items)).toBe(true);
  });

  it.each([
    [503, 503],
    [406, 406],
  ] as const)(
    'aggregatedDiscovery %s answers that status with a Status body',
    async (fault, status) => {
      withFaults([{ aggregatedDiscovery: fault }]);
      for (const path of ['/api', '/apis']) {
        const res = await get(path, AGGREGATED_ACCEPT);
        expect(res.status).toBe(status);
        expect(JSON.parse(res.body)).toMatchObject({
          kind: 'Status',
          code: status,
        });
      }
    },
  );

  it('aggregatedDiscovery breaks only the aggregated format: legacy discovery still works', async () => {
    withFaults([{ aggregatedDiscovery: 'truncated' }]);
    const broken = await get('/apis', AGGREGATED_ACCEPT);
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.body)).toThrow();
    const legacy = await get('/apis');
    expect(legacy.status).toBe(200);
    const groups = JSON.parse(legacy.body).groups.map(
      (g: { name: string }) => g.name,
    );
    expect(groups).toContain('apps');
    expect((await get('/apis/apps/v1')).status).toBe(200);
    expect((await get('/api/v1/nodes')).status).toBe(200);
  });

  it('aggregatedDiscovery unsupported answers as a server without aggregated discovery', async () => {
    withFaults([{ aggregatedDiscovery: 'unsupported' }]);
    const api = await get('/api', AGGREGATED_ACCEPT);
    expect(api.status).toBe(200);
    expect(api.headers['content-type']).toBe('application/json');
    expect(JSON.parse(api.body)).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const apis = await get('/apis', AGGREGATED_ACCEPT);
    expect(JSON.parse(apis.body).kind).toBe('APIGroupList');
    const onlyAggregated = await get(
      '/apis',
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    expect(onlyAggregated.status).toBe(406);
    expect((await get('/apis/apps/v1')).status).toBe(200);
  });

  it('aggregatedDiscovery malformed, wrong-content-type and missing-groups', async () => {
    const healthy = JSON.parse((await get('/apis', AGGREGATED_ACCEPT)).body);

    withFaults([{ aggregatedDiscovery: 'malformed' }]);
    const malformed = await get('/apis', AGGREGATED_ACCEPT);
    const body = JSON.parse(malformed.body);
    expect(body.kind).toBe('APIGroupDiscoveryList');
    expect(Array.isArray(body.items)).toBe(false);
    expect(Object.keys(body.items)).toContain('apps');

    withFaults([{ aggregatedDiscovery: 'wrong-content-type' }]);
    const labelled = await get('/apis', AGGREGATED_ACCEPT);
    expect(labelled.headers['content-type']).toBe('application/json');
    expect(JSON.parse(labelled.body).kind).toBe('APIGroupDiscoveryList');

    withFaults([{ aggregatedDiscovery: 'missing-groups' }]);
    const missing = JSON.parse((await get('/apis', AGGREGATED_ACCEPT)).body);
    expect(missing.items.length).toBe(Math.ceil(healthy.items.length / 2));
    expect(missing.items.length).toBeLessThan(healthy.items.length);
  });

  it('refuses unknown body fault values, naming the known ones', () => {
    expect(() =>
      withFaults([{ aggregatedDiscovery: 'garbled' as unknown as 503 }]),
    ).toThrow(
      /Unknown aggregatedDiscovery fault "garbled" \(one of truncated, /,
    );
    expect(() =>
      withFaults([{ malformedBody: 'empty' as unknown as 'not-json' }]),
    ).toThrow(/Unknown malformedBody fault "empty"/);
  });

  it('takes the status faults as numbers or strings (YAML)', async () => {
    withFaults([{ aggregatedDiscovery: '503' as unknown as 503 }]);
    expect((await get('/apis', AGGREGATED_ACCEPT)).status).toBe(503);
  });

  it('malformedBody breaks 200 answers of the matching paths only', async () => {
    withFaults([{ path: '^/api/v1/nodes$', malformedBody: 'wrong-shape' }]);
    const list = JSON.parse((await get('/api/v1/nodes')).body);
    expect(list.kind).toBe('NodeList');
    expect(list).not.toHaveProperty('items');
    const other = JSON.parse((await get('/api/v1/namespaces')).body);
    expect(Array.isArray(other.items)).toBe(true);

    withFaults([{ path: '^/api/v1/nodes$', malformedBody: 'not-json' }]);
    const html = await get('/api/v1/nodes');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(() => JSON.parse(html.body)).toThrow();

    withFaults([{ path: '^/api/v1/nodes$', malformedBody: 'truncated' }]);
    const cut = await get('/api/v1/nodes');
    expect(() => JSON.parse(cut.body)).toThrow();
    expect(cut.body.startsWith('{"kind":"NodeList"')).toBe(true);

    withFaults([{ path: '^/apis/apps/v1$', malformedBody: 'wrong-shape' }]);
    const resources = JSON.parse((await get('/apis/apps/v1')).body);
    expect(resources.kind).toBe('APIResourceList');
    expect(resources).not.toHaveProperty('resources');

    withFaults([{ path: '^/api/v1/nodes$', malformedBody: 'wrong-shape' }]);
    const missing = await get('/api/v1/nodes/does-not-exist');
    expect(missing.status).toBe(404);
  });
});
