import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { podManifest, simClient } from '../__testUtils__/simClient';

const L4_NODES =
  '/api/v1/nodes?labelSelector=cloud.google.com/gke-nodepool=l4-pool';

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('ClusterAutoscaler', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'working', scenario: 'gke-1.34-conformant' },
        {
          name: 'stuck',
          scenario: 'gke-1.34-conformant',
          workloads: { autoscaler: 'stuck' },
        },
      ],
      metrics: false,
      workloads: {
        startDelayMs: 20,
        scaleUpDelayMs: 100,
        nodeReadyDelayMs: 50,
        scaleDownDelayMs: 300,
      },
    });
    await simClient(sim.cluster('working')).namespace('scale');
    await simClient(sim.cluster('stuck')).namespace('scale');
  }, 60_000);
  afterAll(() => sim?.stop());

  async function twoGpuPods(api: ReturnType<typeof simClient>) {
    for (const name of ['first', 'second'])
      await api.post(
        '/api/v1/namespaces/scale/pods',
        podManifest(
          name,
          [{ name: 'main', command: ['sleep', '60'], gpus: 1 }],
          {
            nodeSelector: { 'cloud.google.com/gke-nodepool': 'l4-pool' },
          },
        ),
      );
  }

  it('adds a node to the pool for a pod left Unschedulable, which then runs there, and removes it once empty', async () => {
    const api = simClient(sim.cluster('working'));
    await twoGpuPods(api);
    const nodes = await api.waitFor(L4_NODES, list => list.items.length === 4);
    const added = nodes.items[3];
    expect(added.metadata.name).toMatch(
      /^gke-ai-prod-l4-pool-[0-9a-f]{8}-[a-z0-9]{4}$/,
    );
    expect(added.metadata.labels['cloud.google.com/gke-accelerator']).toBe(
      'nvidia-l4',
    );
    expect(added.status.allocatable['nvidia.com/gpu']).toBe('1');
    const pods = await api.waitFor('/api/v1/namespaces/scale/pods', list =>
      list.items.every((p: any) => p.status.phase === 'Running'),
    );
    const waiting = pods.items.find(
      (p: any) => p.spec.nodeName === added.metadata.name,
    );
    expect(waiting).toBeDefined();
    const events = await api.events('scale', waiting.metadata.name);
    expect(
      events.find((e: any) => e.reason === 'TriggeredScaleUp'),
    ).toMatchObject({
      source: { component: 'cluster-autoscaler' },
      message: 'pod triggered scale-up: [{l4-pool 3->4 (max: 4)}]',
    });
    await api.del(`/api/v1/namespaces/scale/pods/${waiting.metadata.name}`);
    await api.waitFor(L4_NODES, list => list.items.length === 3, 5000);
  }, 15_000);

  it('with autoscaler: stuck, never adds a node', async () => {
    const api = simClient(sim.cluster('stuck'));
    await twoGpuPods(api);
    await api.waitFor('/api/v1/namespaces/scale/pods', list =>
      list.items.some((p: any) =>
        p.status?.conditions?.some((c: any) => c.reason === 'Unschedulable'),
      ),
    );
    await new Promise(r => setTimeout(r, 400));
    expect((await api.get(L4_NODES)).json.items).toHaveLength(3);
    const pods = (await api.get('/api/v1/namespaces/scale/pods')).json.items;
    expect(pods.map((p: any) => p.status.phase).sort()).toEqual([
      'Pending',
      'Running',
    ]);
  });
});
