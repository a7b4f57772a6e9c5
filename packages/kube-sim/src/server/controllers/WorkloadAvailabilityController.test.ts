import { startKubeSim } from '../startKubeSim';
import type { KubeSim } from '../../types';
import { simClient } from '../../__testUtils__/simClient';
import { kubeConfigFor, rawRequest } from '../../__testUtils__/kubeConfigFor';

const labels = { app: 'agent' };
const template = {
  metadata: { labels },
  spec: {
    containers: [{ name: 'agent', image: 'example.com/agent:1.0' }],
    nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
    tolerations: [
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
    ],
  },
};

/** A Deployment or StatefulSet of `replicas` pods labelled `app: <name>`. */
function replicated(
  kind: string,
  name: string,
  replicas: number,
  image: string,
) {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      ...(kind === 'StatefulSet' ? { serviceName: name } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image }] },
      },
    },
  };
}

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('WorkloadAvailabilityController', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'gke', scenario: 'gke-1.34-conformant', workloadDelayMs: 50 },
      ],
      metrics: false,
    });
  });
  afterAll(() => sim.stop());

  it('gives a DaemonSet one ready pod per matching node, and deletes them with it', async () => {
    const c = simClient(sim.cluster('gke'));
    const nodes = await c.get(
      '/api/v1/nodes?labelSelector=cloud.google.com%2Fgke-accelerator%3Dnvidia-l4',
    );
    const gpuNodes = nodes.json.items.map((n: any) => n.metadata.name).sort();
    expect(gpuNodes.length).toBeGreaterThan(0);
    const created = await c.post(
      '/apis/apps/v1/namespaces/kube-system/daemonsets',
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'gpu-agent', namespace: 'kube-system' },
        spec: { selector: { matchLabels: labels }, template },
      },
    );
    expect(created.status).toBe(201);
    expect(created.json.status).toBeUndefined();
    const ds = await c.waitFor(
      '/apis/apps/v1/namespaces/kube-system/daemonsets/gpu-agent',
      j => j.status?.numberReady === gpuNodes.length,
    );
    expect(ds.status).toMatchObject({
      desiredNumberScheduled: gpuNodes.length,
      numberAvailable: gpuNodes.length,
      observedGeneration: ds.metadata.generation,
    });
    const pods = await c.get(
      '/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dagent',
    );
    expect(pods.json.items.map((p: any) => p.spec.nodeName).sort()).toEqual(
      gpuNodes,
    );
    expect(
      pods.json.items.every((p: any) => p.status.phase === 'Running'),
    ).toBe(true);

    expect(
      (await c.del('/apis/apps/v1/namespaces/kube-system/daemonsets/gpu-agent'))
        .status,
    ).toBe(200);
    await c.waitFor(
      '/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dagent',
      j => j.items?.length === 0,
    );
  });

  it('names StatefulSet pods by ordinal and reports them ready; a Deployment scaled down loses pods', async () => {
    const c = simClient(sim.cluster('gke'));
    await c.post(
      '/apis/apps/v1/namespaces/default/statefulsets',
      replicated('StatefulSet', 'db', 2, 'postgres:17'),
    );
    const sts = await c.waitFor(
      '/apis/apps/v1/namespaces/default/statefulsets/db',
      j => j.status?.readyReplicas === 2,
    );
    expect(sts.status).toMatchObject({
      replicas: 2,
      currentReplicas: 2,
      availableReplicas: 2,
    });
    const pods = await c.get(
      '/api/v1/namespaces/default/pods?labelSelector=app%3Ddb',
    );
    expect(pods.json.items.map((p: any) => p.metadata.name).sort()).toEqual([
      'db-0',
      'db-1',
    ]);

    await c.post(
      '/apis/apps/v1/namespaces/default/deployments',
      replicated('Deployment', 'web', 3, 'nginx:1.27'),
    );
    await c.waitFor(
      '/apis/apps/v1/namespaces/default/deployments/web',
      j => j.status?.availableReplicas === 3,
    );
    const patched = await rawRequest(
      kubeConfigFor(sim.cluster('gke')),
      '/apis/apps/v1/namespaces/default/deployments/web',
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify({ spec: { replicas: 1 } }),
      },
    );
    expect(patched.status).toBe(200);
    const web = await c.waitFor(
      '/apis/apps/v1/namespaces/default/deployments/web',
      j =>
        j.status?.replicas === 1 &&
        j.status?.observedGeneration === j.metadata.generation,
    );
    expect(
      web.status.conditions.find((x: any) => x.type === 'Available').status,
    ).toBe('True');
    const left = await c.get(
      '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb',
    );
    expect(left.json.items).toHaveLength(1);
  });
});
