import type { KubeSim } from '../types';
import { simClient, startHealthyAndBroken } from '../__testUtils__/simClient';

const RAY = '/apis/ray.io/v1/namespaces/ops/rayclusters';

const valid = {
  apiVersion: 'ray.io/v1',
  kind: 'RayCluster',
  metadata: { name: 'valid' },
  spec: {
    rayVersion: '2.49.0',
    headGroupSpec: {
      rayStartParams: {},
      template: {
        spec: { containers: [{ name: 'ray-head', image: 'rayproject/ray' }] },
      },
    },
  },
};

const invalid = {
  apiVersion: 'ray.io/v1',
  kind: 'RayCluster',
  metadata: { name: 'invalid' },
  spec: { rayVersion: '2.49.0' },
};

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('operator webhooks and status', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startHealthyAndBroken(
      'gke-1.34-conformant',
      { webhook: 'absent', reconcile: 'never' },
      { reconcileDelayMs: 30 },
      'ops',
    );
  }, 60_000);
  afterAll(() => sim?.stop());

  it("denies a real create of an invalid custom resource with the webhook's message, and stores nothing", async () => {
    const api = simClient(sim.cluster('healthy'));
    const denied = await api.post(RAY, invalid);
    expect(denied.status).toBe(422);
    expect(denied.json.message).toContain(
      'admission webhook "vraycluster.kb.io" denied the request: ',
    );
    expect(denied.json.message).toContain(
      'Required value: headGroupSpec is required',
    );
    expect((await api.get(`${RAY}/invalid`)).status).toBe(404);
  });

  it("writes the operator's status on a valid custom resource after the reconcile delay, generation unchanged", async () => {
    const api = simClient(sim.cluster('healthy'));
    const created = await api.post(RAY, valid);
    expect(created.status).toBe(201);
    expect(created.json.status).toBeUndefined();
    const reconciled = await api.waitFor(`${RAY}/valid`, o => !!o.status);
    expect(reconciled.status).toMatchObject({
      state: 'ready',
      observedGeneration: 1,
      conditions: [
        { type: 'RayClusterProvisioned', status: 'True' },
        { type: 'HeadPodReady', status: 'True' },
      ],
    });
    expect(reconciled.metadata.generation).toBe(1);
    expect(Number(reconciled.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.json.metadata.resourceVersion),
    );
    expect((await api.del(`${RAY}/valid`)).status).toBe(200);
    expect((await api.get(`${RAY}/valid`)).status).toBe(404);
  });

  it('with webhook: absent and reconcile: never, stores the invalid resource and never writes a status', async () => {
    const api = simClient(sim.cluster('broken'));
    expect((await api.post(RAY, invalid)).status).toBe(201);
    expect((await api.post(RAY, valid)).status).toBe(201);
    await new Promise(r => setTimeout(r, 200));
    expect((await api.get(`${RAY}/valid`)).json.status).toBeUndefined();
    expect((await api.get(`${RAY}/invalid`)).json.status).toBeUndefined();
  });
});
