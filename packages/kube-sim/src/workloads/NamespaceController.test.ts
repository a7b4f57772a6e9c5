import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { podManifest, simClient } from '../__testUtils__/simClient';

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('NamespaceController', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.34-conformant' }],
      metrics: false,
      workloads: { startDelayMs: 20, namespaceDeletionDelayMs: 150 },
    });
  }, 60_000);
  afterAll(() => sim?.stop());

  it('keeps a deleted namespace Terminating, then deletes its pods, Jobs and everything else, then the namespace', async () => {
    const api = simClient(sim.cluster('gke'));
    await api.namespace('aic-run-1234abcd');
    await api.post(
      '/api/v1/namespaces/aic-run-1234abcd/pods',
      podManifest('sleeper', [{ name: 'main', command: ['sleep', '60'] }]),
    );
    await api.post('/apis/batch/v1/namespaces/aic-run-1234abcd/jobs', {
      metadata: { name: 'job' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [
              { name: 'main', image: 'busybox', command: ['sleep', '60'] },
            ],
          },
        },
      },
    });
    await api.waitFor(
      '/api/v1/namespaces/aic-run-1234abcd/pods',
      l =>
        l.items.length === 2 &&
        l.items.every((p: any) => p.status.phase === 'Running'),
    );
    const deleted = await api.del('/api/v1/namespaces/aic-run-1234abcd');
    expect(deleted.status).toBe(200);
    expect(deleted.json.status.phase).toBe('Terminating');
    expect(
      (await api.get('/api/v1/namespaces/aic-run-1234abcd')).json.status.phase,
    ).toBe('Terminating');
    await api.waitFor(
      '/api/v1/namespaces/aic-run-1234abcd',
      (_, status) => status === 404,
    );
    const pods = await api.get('/api/v1/pods');
    expect(
      pods.json.items.filter(
        (p: any) => p.metadata.namespace === 'aic-run-1234abcd',
      ),
    ).toEqual([]);
    const jobs = await api.get('/apis/batch/v1/jobs');
    expect(
      jobs.json.items.filter(
        (j: any) => j.metadata.namespace === 'aic-run-1234abcd',
      ),
    ).toEqual([]);
  });

  it('deletecollection marks an object with finalizers and deletes the others', async () => {
    const api = simClient(sim.cluster('gke'));
    await api.namespace('collection');
    await api.post('/api/v1/namespaces/collection/configmaps', {
      metadata: { name: 'held', finalizers: ['example.com/hold'] },
    });
    await api.post('/api/v1/namespaces/collection/configmaps', {
      metadata: { name: 'free' },
    });
    expect(
      (await api.del('/api/v1/namespaces/collection/configmaps')).status,
    ).toBe(200);
    const left = (await api.get('/api/v1/namespaces/collection/configmaps'))
      .json.items;
    expect(
      left.map((c: any) => [c.metadata.name, !!c.metadata.deletionTimestamp]),
    ).toEqual([['held', true]]);
  });

  it('keeps an object with finalizers until the last one is removed', async () => {
    const api = simClient(sim.cluster('gke'));
    await api.post('/api/v1/namespaces/default/configmaps', {
      metadata: { name: 'held', finalizers: ['example.com/hold'] },
    });
    const marked = await api.del('/api/v1/namespaces/default/configmaps/held');
    expect(marked.status).toBe(202);
    const held = await api.get('/api/v1/namespaces/default/configmaps/held');
    expect(held.json.metadata.deletionTimestamp).toBeDefined();
    const updated = await api.put(
      '/api/v1/namespaces/default/configmaps/held',
      { ...held.json, metadata: { ...held.json.metadata, finalizers: [] } },
    );
    expect(updated.status).toBe(200);
    expect(
      (await api.get('/api/v1/namespaces/default/configmaps/held')).status,
    ).toBe(404);
  });
});
