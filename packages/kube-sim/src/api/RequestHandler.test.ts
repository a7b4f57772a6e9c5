import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { kubeConfigFor, rawRequest } from '../__testUtils__/kubeConfigFor';

// The API semantics a client meets: Status bodies, selectors, pagination, representations.
describe('kube-sim API semantics', () => {
  let sim: KubeSim;
  const get = (
    path: string,
    headers: Record<string, string> = {},
    cluster = 'one',
  ) =>
    rawRequest(kubeConfigFor(sim.cluster(cluster)), path, { headers }).then(
      r => ({ ...r, json: safeJson(r.body) }),
    );
  const send = (
    method: string,
    path: string,
    body: unknown,
    contentType = 'application/json',
  ) =>
    rawRequest(kubeConfigFor(sim.cluster('one')), path, {
      method,
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(r => ({
      ...r,
      json: safeJson(r.body),
    }));

  function safeJson(text: string): any {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'one', scenario: 'gke-1.34-conformant' },
        { name: 'two', scenario: 'vanilla-1.36-cpu' },
      ],
      metrics: false,
    });
  }, 60_000);
  afterAll(() => sim?.stop());

  it('answers 401 Status without a token, with a wrong token, and with another cluster token', async () => {
    const kc = kubeConfigFor(sim.cluster('one'));
    const none = await rawRequest(kc, '/api/v1/nodes', { anonymous: true });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    const other = await rawRequest(
      kubeConfigFor(sim.cluster('one'), sim.cluster('two').token),
      '/api/v1/nodes',
    );
    expect(other.status).toBe(401);
    const wrong = await rawRequest(
      kubeConfigFor(sim.cluster('one'), 'not-a-token'),
      '/version',
    );
    expect(wrong.status).toBe(401);
    const health = await rawRequest(
      kubeConfigFor(sim.cluster('one'), 'not-a-token'),
      '/readyz',
    );
    expect(health).toMatchObject({ status: 200, body: 'ok' });
    expect(
      sim
        .cluster('two')
        .requestLog()
        .some(e => e.status === 401),
    ).toBe(false);
    expect(
      sim
        .cluster('one')
        .requestLog()
        .filter(e => e.status === 401).length,
    ).toBe(3);
  });

  it('answers 404 Status for unknown objects, resources and clusters', async () => {
    const missing = await get('/api/v1/namespaces/default/pods/nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'pods "nope" not found',
      details: { name: 'nope', kind: 'pods' },
      code: 404,
    });
    const crd = await get(
      '/apis/ray.io/v1/namespaces/ml-serving/rayclusters/nope',
    );
    expect(crd.json.message).toBe('rayclusters.ray.io "nope" not found');
    const resource = await get(
      '/apis/gateway.networking.k8s.io/v1/gatewayclasses',
      {},
      'two',
    );
    expect(resource.status).toBe(404);
    expect(resource.json.message).toBe(
      'the server could not find the requested resource',
    );
    const unknownCluster = await rawRequest(
      kubeConfigFor(sim.cluster('one')),
      '/../../clusters/none/api',
    );
    expect(unknownCluster.status).toBe(404);
  });

  it('filters lists by label and field selectors, within a namespace or across all', async () => {
    const gpuPods = await get(
      `/api/v1/pods?fieldSelector=${encodeURIComponent(
        'status.phase=Running',
      )}&labelSelector=${encodeURIComponent(
        'app.kubernetes.io/name in (vllm)',
      )}`,
    );
    expect(gpuPods.json.kind).toBe('PodList');
    expect(gpuPods.json.items).toHaveLength(2);
    const node = gpuPods.json.items[0].spec.nodeName;
    const onNode = await get(
      `/api/v1/pods?fieldSelector=${encodeURIComponent(
        `spec.nodeName=${node}`,
      )}`,
    );
    expect(onNode.json.items.every((p: any) => p.spec.nodeName === node)).toBe(
      true,
    );
    const inNamespace = await get(
      '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app',
    );
    expect(inNamespace.json.items.length).toBeGreaterThan(0);
    expect(
      inNamespace.json.items.every(
        (p: any) =>
          p.metadata.namespace === 'kube-system' &&
          'k8s-app' in p.metadata.labels,
      ),
    ).toBe(true);
    const notGpu = await get(
      `/api/v1/nodes?labelSelector=${encodeURIComponent(
        '!cloud.google.com/gke-accelerator',
      )}`,
    );
    expect(notGpu.json.items).toHaveLength(3);
    const bad = await get(
      `/api/v1/nodes?fieldSelector=${encodeURIComponent('spec.nodeName=x')}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      message: 'field label not supported: spec.nodeName',
    });
  });

  it('pages with limit and continue, and answers 410 Gone for an expired token', async () => {
    const first = await get('/api/v1/nodes?limit=4');
    expect(first.json.items).toHaveLength(4);
    expect(first.json.metadata.remainingItemCount).toBe(2);
    const token = first.json.metadata.continue;
    const second = await get(
      `/api/v1/nodes?limit=4&continue=${encodeURIComponent(token)}`,
    );
    expect(second.json.items).toHaveLength(2);
    expect(second.json.metadata.continue).toBeUndefined();
    expect(
      new Set(
        [...first.json.items, ...second.json.items].map(
          (n: any) => n.metadata.name,
        ),
      ).size,
    ).toBe(6);

    sim.cluster('one').expireContinueTokens();
    const expired = await get(
      `/api/v1/nodes?limit=4&continue=${encodeURIComponent(token)}`,
    );
    expect(expired.status).toBe(410);
    expect(expired.json).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
    });
    expect(expired.json.message).toMatch(
      /^The provided continue parameter is too old/,
    );
    const garbage = await get('/api/v1/nodes?limit=4&continue=garbage');
    expect(garbage.status).toBe(400);
  });

  it('serves PartialObjectMetadataList and Tables by Accept negotiation', async () => {
    const meta = await get('/api/v1/nodes', {
      accept:
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json',
    });
    expect(meta.json.kind).toBe('PartialObjectMetadataList');
    expect(meta.json.items[0]).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: expect.objectContaining({ labels: expect.any(Object) }),
    });
    expect(meta.json.items[0].spec).toBeUndefined();
    const table = await get('/api/v1/nodes?limit=2', {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(table.json.kind).toBe('Table');
    expect(
      table.json.columnDefinitions
        .filter((c: any) => c.priority === 0)
        .map((c: any) => c.name),
    ).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(table.json.rows).toHaveLength(2);
    expect(table.json.rows[0].cells[1]).toBe('Ready');
    expect(table.json.metadata.continue).toBeDefined();
  });

  it('creates, conflicts, updates, patches and deletes objects; dry runs change nothing', async () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'probe', namespace: 'default' },
      data: { a: '1' },
    };
    const dry = await send(
      'POST',
      '/api/v1/namespaces/default/configmaps?dryRun=All',
      cm,
    );
    expect(dry.status).toBe(201);
    expect(
      (await get('/api/v1/namespaces/default/configmaps/probe')).status,
    ).toBe(404);
    const created = await send(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      cm,
    );
    expect(created.status).toBe(201);
    expect(created.json.metadata.uid).toBeDefined();
    const again = await send(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      cm,
    );
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      reason: 'AlreadyExists',
      message: 'configmaps "probe" already exists',
    });
    const stale = await send(
      'PUT',
      '/api/v1/namespaces/default/configmaps/probe',
      { ...cm, metadata: { ...cm.metadata, resourceVersion: '1' } },
    );
    expect(stale.status).toBe(409);
    expect(stale.json.reason).toBe('Conflict');
    const patched = await send(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/probe',
      { data: { b: '2', a: null } },
      'application/merge-patch+json',
    );
    expect(patched.json.data).toEqual({ b: '2' });
    const jsonPatched = await send(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/probe',
      [{ op: 'add', path: '/data/c', value: '3' }],
      'application/json-patch+json',
    );
    expect(jsonPatched.json.data).toEqual({ b: '2', c: '3' });
    const unsupported = await send(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/probe',
      '{}',
      'text/plain',
    );
    expect(unsupported.status).toBe(415);
    const deleted = await send(
      'DELETE',
      '/api/v1/namespaces/default/configmaps/probe',
      '',
    );
    expect(deleted.json).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'probe', kind: 'configmaps' },
    });
    expect(
      (await get('/api/v1/namespaces/default/configmaps/probe')).status,
    ).toBe(404);
  });

  it('answers 422 for an invalid name and 404 for a missing namespace', async () => {
    const invalid = await send(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      { metadata: { name: 'Bad_Name' } },
    );
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({
      reason: 'Invalid',
      details: { causes: [{ field: 'metadata.name' }] },
    });
    const missingNs = await send(
      'POST',
      '/api/v1/namespaces/ghost/configmaps',
      { metadata: { name: 'x' } },
    );
    expect(missingNs.status).toBe(404);
    expect(missingNs.json.message).toBe('namespaces "ghost" not found');
  });

  it('never serves Secret contents', async () => {
    await send('POST', '/api/v1/namespaces/default/secrets', {
      metadata: { name: 'token' },
      data: { token: Buffer.from('s3cr3t').toString('base64') },
    });
    const secret = await get('/api/v1/namespaces/default/secrets/token');
    expect(secret.status).toBe(200);
    expect(secret.json.data).toBeUndefined();
    expect(secret.body).not.toContain(Buffer.from('s3cr3t').toString('base64'));
  });

  it('deletes what a deleted namespace held', async () => {
    await send('POST', '/api/v1/namespaces', {
      metadata: { name: 'ai-conformance-probe' },
    });
    await send('POST', '/api/v1/namespaces/ai-conformance-probe/configmaps', {
      metadata: { name: 'x' },
    });
    const deleted = await send(
      'DELETE',
      '/api/v1/namespaces/ai-conformance-probe',
      '',
    );
    expect(deleted.json.status.phase).toBe('Terminating');
    expect(deleted.json.metadata.deletionTimestamp).toBeDefined();
    const refused = await send(
      'POST',
      '/api/v1/namespaces/ai-conformance-probe/configmaps',
      { metadata: { name: 'late' } },
    );
    expect(refused.status).toBe(403);
    expect(refused.json.message).toBe(
      'unable to create new content in namespace ai-conformance-probe because it is being terminated',
    );
    for (let i = 0; i < 50; i++) {
      if ((await get('/api/v1/namespaces/ai-conformance-probe')).status === 404)
        break;
      await new Promise(r => setTimeout(r, 20));
    }
    expect((await get('/api/v1/namespaces/ai-conformance-probe')).status).toBe(
      404,
    );
    expect(
      (await get('/api/v1/namespaces/ai-conformance-probe/configmaps/x'))
        .status,
    ).toBe(404);
  });

  it('counts and logs requests per cluster', async () => {
    const cluster = sim.cluster('two');
    cluster.resetCounters();
    await get('/api/v1/nodes', {}, 'two');
    await get('/api/v1/nodes?limit=1', {}, 'two');
    expect(cluster.requestCount()).toBe(2);
    expect(
      cluster.requestLog().map(e => [e.method, e.path, e.query, e.status]),
    ).toEqual([
      ['GET', '/api/v1/nodes', '', 200],
      ['GET', '/api/v1/nodes', 'limit=1', 200],
    ]);
  });
});
