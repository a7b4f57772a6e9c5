import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { kubeConfigFor } from '../__testUtils__/kubeConfigFor';

async function until<T>(
  read: () => Promise<T>,
  ok: (t: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise(r => setTimeout(r, 25));
  }
}

// Waits for simulated controllers under a full run sharing two cores.
jest.setTimeout(60_000);

// The real @kubernetes/client-node runs a workload against kube-sim over HTTPS.
describe('workloads with @kubernetes/client-node', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'gke', scenario: 'gke-1.34-conformant' },
        { name: 'restricted', scenario: 'restricted-rbac' },
      ],
      metrics: false,
      workloads: { startDelayMs: 20 },
    });
  }, 60_000);
  afterAll(() => sim?.stop());

  it('creates a namespace, runs a GPU pod, reads its log and events, and deletes the namespace with it', async () => {
    const kc = kubeConfigFor(sim.cluster('gke'));
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const namespace = 'aic-run-0a1b2c3d';
    await core.createNamespace({
      body: {
        metadata: {
          name: namespace,
          labels: {
            'app.kubernetes.io/managed-by': 'ai-conformance',
            'ai-conformance.io/run-id': '0a1b2c3d-run',
          },
        },
      },
    });
    await core.createNamespacedPod({
      namespace,
      body: {
        metadata: { name: 'gpu-probe' },
        spec: {
          restartPolicy: 'Never',
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
          containers: [
            {
              name: 'probe',
              image: 'nvcr.io/nvidia/cuda:12.9.0-base-ubuntu24.04',
              command: ['nvidia-smi', '-L'],
              resources: { limits: { 'nvidia.com/gpu': '1' } },
            },
          ],
        },
      },
    });
    const pod = await until(
      () => core.readNamespacedPod({ name: 'gpu-probe', namespace }),
      p => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed',
    );
    expect(pod.status?.phase).toBe('Succeeded');
    expect(pod.status?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(
      0,
    );
    const log = await core.readNamespacedPodLog({
      name: 'gpu-probe',
      namespace,
      container: 'probe',
    });
    expect(log).toMatch(/^GPU 0: NVIDIA L4 \(UUID: GPU-[0-9a-f-]{36}\)\n$/);
    const events = await core.listNamespacedEvent({
      namespace,
      fieldSelector: 'involvedObject.name=gpu-probe',
    });
    expect(events.items.map(e => e.reason)).toEqual(
      expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started']),
    );
    await core.deleteNamespace({ name: namespace });
    const left = await until(
      () =>
        core.listNamespace({
          labelSelector: 'app.kubernetes.io/managed-by=ai-conformance',
        }),
      l => l.items.length === 0,
    );
    expect(left.items).toEqual([]);
    const writes = sim
      .cluster('gke')
      .requestLog()
      .filter(e => e.method !== 'GET')
      .map(e => [e.method, e.path, e.status]);
    expect(writes).toEqual([
      ['POST', '/api/v1/namespaces', 201],
      ['POST', `/api/v1/namespaces/${namespace}/pods`, 201],
      ['DELETE', `/api/v1/namespaces/${namespace}`, 200],
    ]);
  });

  it('on a restricted cluster, a create is denied and the request log shows nothing was written', async () => {
    const cluster = sim.cluster('restricted');
    cluster.resetCounters();
    const core = kubeConfigFor(cluster).makeApiClient(k8s.CoreV1Api);
    await expect(
      core.createNamespace({ body: { metadata: { name: 'aic-run-denied' } } }),
    ).rejects.toMatchObject({ code: 403 });
    const list = await core.listNamespace();
    expect(list.items.map(n => n.metadata?.name)).not.toContain(
      'aic-run-denied',
    );
    expect(
      cluster
        .requestLog()
        .filter(e => e.method !== 'GET')
        .map(e => [e.method, e.path, e.status]),
    ).toEqual([['POST', '/api/v1/namespaces', 403]]);
  });
});
