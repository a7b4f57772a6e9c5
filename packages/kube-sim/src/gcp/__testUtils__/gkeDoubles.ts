import { v1 } from '@google-cloud/container';
import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from '../../server/startKubeSim';
import type { KubeSim } from '../../types';
import {
  startContainerApiSim,
  type ContainerApiSim,
} from '../startContainerApiSim';

export const PARENT = 'projects/ai-platform-dev/locations/us-central1';
/** The trailing arguments of KubernetesObjectApi.patch for a forced server-side apply. */
export const SSA = [
  undefined,
  undefined,
  'addons',
  true,
  k8s.PatchStrategy.ServerSideApply,
] as const;

/** A kubeconfig for a created cluster, from its endpoint and CA, with a bearer token. */
export function kubeConfigAt(
  cluster: {
    endpoint?: string | null;
    masterAuth?: { clusterCaCertificate?: string | null } | null;
  },
  token: string,
) {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'c',
        server: `https://${cluster.endpoint}`,
        caData: cluster.masterAuth!.clusterCaCertificate!,
      },
    ],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
    currentContext: 'c',
  });
  return kc;
}

export async function waitDone(client: v1.ClusterManagerClient, name: string) {
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    const [op] = await client.getOperation({
      name: `${PARENT}/operations/${name}`,
    });
    seen.push(String(op.status));
    if (op.status === 'DONE') return { op, seen };
    await new Promise(r => setTimeout(r, 20));
  }
  throw new Error(`operation ${name} never finished: ${seen.join(',')}`);
}

/** A kube-sim with one seed cluster, the Container API double on it (short delays) and the real client. */
export async function startGkeDoubles(): Promise<{
  kubeSim: KubeSim;
  sim: ContainerApiSim;
  client: v1.ClusterManagerClient;
  stop(): Promise<void>;
}> {
  const kubeSim = await startKubeSim({
    clusters: [{ name: 'seed', scenario: 'vanilla-1.36-cpu' }],
    metrics: false,
  });
  const sim = await startContainerApiSim({
    kubeSim,
    delays: { pendingMs: 60, createMs: 200, deleteMs: 100, nodePoolMs: 100 },
    workloadDelayMs: 100,
  });
  const client = new v1.ClusterManagerClient(sim.clientOptions());
  return {
    kubeSim,
    sim,
    client,
    async stop() {
      await client.close();
      await sim.stop();
      await kubeSim.stop();
    },
  };
}
