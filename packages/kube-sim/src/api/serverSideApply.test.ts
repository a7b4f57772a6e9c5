import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { kubeConfigFor, rawRequest } from '../__testUtils__/kubeConfigFor';

const PATH = '/api/v1/namespaces/default/configmaps/settings';

describe('server-side apply', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'c', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
  });
  afterAll(() => sim.stop());

  const apply = async (query: string, data: Record<string, string>) => {
    const r = await rawRequest(
      kubeConfigFor(sim.cluster('c')),
      `${PATH}?${query}`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/apply-patch+yaml' },
        body: JSON.stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'settings', namespace: 'default' },
          data,
        }),
      },
    );
    return { status: r.status, json: JSON.parse(r.body) };
  };

  it('requires a fieldManager, as kube-apiserver does', async () => {
    const r = await apply('', { a: '1' });
    expect(r.status).toBe(422);
    expect(r.json.message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    );
  });

  it('refuses force on a merge patch', async () => {
    const r = await rawRequest(
      kubeConfigFor(sim.cluster('c')),
      `${PATH}?force=true`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: '{}',
      },
    );
    expect(r.status).toBe(422);
    expect(JSON.parse(r.body).message).toContain(
      'force: Forbidden: may not be specified for non-apply patch',
    );
  });

  it('records managers, answers a conflict with another manager, lets force take the field, and removes what a manager stops applying', async () => {
    const first = await apply('fieldManager=installer', { a: '1', b: '2' });
    expect(first.status).toBe(201);
    expect(first.json.metadata.managedFields).toEqual([
      expect.objectContaining({
        manager: 'installer',
        operation: 'Apply',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } },
      }),
    ]);
    // same value: shared ownership, no conflict
    expect((await apply('fieldManager=tuner', { a: '1' })).status).toBe(200);
    const conflict = await apply('fieldManager=tuner', { a: '9' });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject({
      reason: 'Conflict',
      message:
        'Apply failed with 1 conflict: conflict with "installer" using v1: .data.a',
      details: {
        causes: [{ reason: 'FieldManagerConflict', field: '.data.a' }],
      },
    });
    const forced = await apply('fieldManager=tuner&force=true', { a: '9' });
    expect(forced.status).toBe(200);
    expect(forced.json.data).toEqual({ a: '9', b: '2' });
    // installer no longer owns a; it stops applying b: b goes, a stays (tuner's)
    const shrunk = await apply('fieldManager=installer', {});
    expect(shrunk.status).toBe(200);
    expect(shrunk.json.data).toEqual({ a: '9' });
    expect(
      shrunk.json.metadata.managedFields
        .map((m: { manager: string }) => m.manager)
        .sort(),
    ).toEqual(['installer', 'tuner']);
  });
});
