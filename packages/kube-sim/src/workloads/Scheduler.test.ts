import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { podManifest, simClient } from '../__testUtils__/simClient';

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('Scheduler', () => {
  let sim: KubeSim;
  let api: ReturnType<typeof simClient>;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.34-conformant' }],
      metrics: false,
      workloads: { startDelayMs: 20 },
    });
    api = simClient(sim.cluster('gke'));
    await api.namespace('sched');
  }, 60_000);
  afterAll(() => sim?.stop());

  it('binds a GPU pod that tolerates the taint to a GPU node with a free GPU', async () => {
    await api.post(
      '/api/v1/namespaces/sched/pods',
      podManifest('fits', [
        { name: 'main', command: ['sleep', '30'], gpus: 1 },
      ]),
    );
    const pod = await api.waitFor(
      '/api/v1/namespaces/sched/pods/fits',
      p => p.status?.phase === 'Running',
    );
    const node = await api.get(`/api/v1/nodes/${pod.spec.nodeName}`);
    expect(node.json.metadata.labels['cloud.google.com/gke-nodepool']).toBe(
      'l4-pool',
    );
    expect(pod.status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'PodScheduled', status: 'True' }),
      ]),
    );
    const events = await api.events('sched', 'fits');
    expect(events.map(e => e.reason)).toEqual(
      expect.arrayContaining(['Scheduled', 'Started']),
    );
  });

  it('leaves a GPU pod without the toleration Pending with the Unschedulable reasons per node and a FailedScheduling event', async () => {
    await api.post(
      '/api/v1/namespaces/sched/pods',
      podManifest(
        'too-big',
        [{ name: 'main', command: ['sleep', '1'], gpus: 1 }],
        { tolerations: [] },
      ),
    );
    const pod = await api.waitFor('/api/v1/namespaces/sched/pods/too-big', p =>
      p.status?.conditions?.some(
        (c: any) => c.type === 'PodScheduled' && c.status === 'False',
      ),
    );
    const cond = pod.status.conditions.find(
      (c: any) => c.type === 'PodScheduled',
    );
    expect(pod.status.phase).toBe('Pending');
    expect(pod.spec.nodeName).toBeUndefined();
    expect(cond.reason).toBe('Unschedulable');
    expect(cond.message).toBe(
      '0/6 nodes are available: 3 Insufficient nvidia.com/gpu, 3 node(s) had untolerated taint {nvidia.com/gpu: present}. ' +
        'preemption: 0/6 nodes are available: 3 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
    );
    const events = await api.events('sched', 'too-big');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'Warning',
        reason: 'FailedScheduling',
        message: cond.message,
        source: { component: 'default-scheduler' },
      }),
    ]);
  });

  it('honours nodeSelector, required node affinity and scheduling gates', async () => {
    await api.post(
      '/api/v1/namespaces/sched/pods',
      podManifest('zone-b', [{ name: 'main', command: ['sleep', '30'] }], {
        nodeSelector: { 'cloud.google.com/gke-nodepool': 'default-pool' },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [
                    {
                      key: 'topology.kubernetes.io/zone',
                      operator: 'In',
                      values: ['us-central1-b'],
                    },
                  ],
                },
              ],
            },
          },
        },
      }),
    );
    const pod = await api.waitFor(
      '/api/v1/namespaces/sched/pods/zone-b',
      p => !!p.spec.nodeName,
    );
    const node = await api.get(`/api/v1/nodes/${pod.spec.nodeName}`);
    expect(node.json.metadata.labels).toMatchObject({
      'cloud.google.com/gke-nodepool': 'default-pool',
      'topology.kubernetes.io/zone': 'us-central1-b',
    });

    await api.post(
      '/api/v1/namespaces/sched/pods',
      podManifest('gated', [{ name: 'main', command: ['true'] }], {
        schedulingGates: [{ name: 'example.com/wait' }],
      }),
    );
    const gated = await api.waitFor(
      '/api/v1/namespaces/sched/pods/gated',
      p => !!p.status?.conditions,
    );
    expect(gated.spec.nodeName).toBeUndefined();
    expect(gated.status.conditions[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'SchedulingGated',
    });
  });
});
