import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { simClient } from '../__testUtils__/simClient';

const KUEUE = '/apis/kueue.x-k8s.io/v1beta1';

function job(name: string, parallelism: number, command: string[]) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      labels: { 'kueue.x-k8s.io/queue-name': 'gang' },
    },
    spec: {
      parallelism,
      completions: parallelism,
      template: {
        spec: {
          restartPolicy: 'Never',
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
          containers: [
            {
              name: 'main',
              image: 'busybox',
              command,
              resources: { limits: { 'nvidia.com/gpu': '1' } },
            },
          ],
        },
      },
    },
  };
}

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('Kueue admission and the Job controller', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'whole', scenario: 'gke-1.34-conformant' },
        {
          name: 'partial',
          scenario: 'gke-1.34-conformant',
          workloads: { gang: 'partial' },
        },
      ],
      metrics: false,
      workloads: { startDelayMs: 20, autoscaler: 'stuck' },
    });
    for (const name of ['whole', 'partial']) {
      const api = simClient(sim.cluster(name));
      await api.namespace('gang');
      // One GPU of quota: what the cluster has free (two of three L4s serve vLLM).
      await api.post(`${KUEUE}/clusterqueues`, {
        metadata: { name: 'gang-cq' },
        spec: {
          namespaceSelector: {},
          resourceGroups: [
            {
              coveredResources: ['nvidia.com/gpu'],
              flavors: [
                {
                  name: 'nvidia-l4',
                  resources: [{ name: 'nvidia.com/gpu', nominalQuota: 1 }],
                },
              ],
            },
          ],
        },
      });
      await api.post(`${KUEUE}/namespaces/gang/localqueues`, {
        metadata: { name: 'gang' },
        spec: { clusterQueue: 'gang-cq' },
      });
    }
  }, 60_000);
  afterAll(() => sim?.stop());

  const workloadOf = async (
    api: ReturnType<typeof simClient>,
    jobName: string,
  ) =>
    api
      .waitFor(`${KUEUE}/namespaces/gang/workloads`, list =>
        list.items.some(
          (w: any) =>
            w.metadata.ownerReferences[0].name === jobName &&
            w.status?.conditions?.some((c: any) => c.type === 'QuotaReserved'),
        ),
      )
      .then(list =>
        list.items.find(
          (w: any) => w.metadata.ownerReferences[0].name === jobName,
        ),
      );

  it('keeps a gang larger than the free quota suspended with no pod; deleting the Job deletes its Workload', async () => {
    const api = simClient(sim.cluster('whole'));
    const created = await api.post(
      '/apis/batch/v1/namespaces/gang/jobs',
      job('too-big', 2, ['sleep', '5']),
    );
    expect(created.json.spec.suspend).toBe(true);
    const workload = await workloadOf(api, 'too-big');
    expect(workload.spec.podSets[0].count).toBe(2);
    expect(
      workload.status.conditions.find((c: any) => c.type === 'QuotaReserved'),
    ).toMatchObject({
      status: 'False',
      reason: 'Pending',
      message:
        "couldn't assign flavors to pod set main: insufficient unused quota for nvidia.com/gpu in flavor nvidia-l4, 1 more needed",
    });
    await new Promise(r => setTimeout(r, 150));
    const pods = await api.get('/api/v1/namespaces/gang/pods');
    expect(pods.json.items).toEqual([]);
    const current = await api.get(
      '/apis/batch/v1/namespaces/gang/jobs/too-big',
    );
    expect(current.json.spec.suspend).toBe(true);
    expect(current.json.status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Suspended', status: 'True' }),
      ]),
    );
    await api.del('/apis/batch/v1/namespaces/gang/jobs/too-big');
    await api.waitFor(
      `${KUEUE}/namespaces/gang/workloads`,
      l => l.items.length === 0,
    );
  });

  it('admits a gang that fits, starts all of its pods and completes the Job', async () => {
    const api = simClient(sim.cluster('whole'));
    await api.post(
      '/apis/batch/v1/namespaces/gang/jobs',
      job('fits', 1, ['true']),
    );
    const done = await api.waitFor(
      '/apis/batch/v1/namespaces/gang/jobs/fits',
      j => j.status?.conditions?.some((c: any) => c.type === 'Complete'),
    );
    expect(done.spec.suspend).toBe(false);
    expect(done.spec.template.spec.nodeSelector).toEqual({
      'cloud.google.com/gke-accelerator': 'nvidia-l4',
    });
    expect(done.status).toMatchObject({ succeeded: 1, failed: 0, active: 0 });
    const workload = await workloadOf(api, 'fits');
    expect(workload.status.admission).toMatchObject({
      clusterQueue: 'gang-cq',
      podSetAssignments: [
        { name: 'main', count: 1, flavors: { 'nvidia.com/gpu': 'nvidia-l4' } },
      ],
    });
    expect(
      workload.status.conditions
        .filter((c: any) => c.status === 'True')
        .map((c: any) => c.type),
    ).toEqual(['QuotaReserved', 'Admitted', 'Finished']);
    const pods = await api.get(
      '/api/v1/namespaces/gang/pods?labelSelector=job-name=fits',
    );
    expect(pods.json.items.map((p: any) => p.status.phase)).toEqual([
      'Succeeded',
    ]);
  });

  it('with gang: partial, admits the whole gang anyway: one pod runs while the other waits', async () => {
    const api = simClient(sim.cluster('partial'));
    await api.post(
      '/apis/batch/v1/namespaces/gang/jobs',
      job('too-big', 2, ['sleep', '5']),
    );
    const pods = await api.waitFor(
      '/api/v1/namespaces/gang/pods?labelSelector=job-name=too-big',
      list =>
        list.items.length === 2 &&
        list.items.some((p: any) => p.status?.phase === 'Running') &&
        list.items.some((p: any) =>
          p.status?.conditions?.some((c: any) => c.reason === 'Unschedulable'),
        ),
    );
    expect(pods.items.map((p: any) => p.status.phase).sort()).toEqual([
      'Pending',
      'Running',
    ]);
    const workload = await workloadOf(api, 'too-big');
    expect(
      workload.status.conditions.find((c: any) => c.type === 'Admitted').status,
    ).toBe('True');
  });
});
