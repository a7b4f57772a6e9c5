import { startKubeSim } from '@ai-conformance/kube-sim';
import { connectToCluster } from '../../cluster/connectToCluster';
import { KubeApiClient } from '../../cluster/KubeApiClient';
import { loadClientNode } from '../../cluster/loadClientNode';
import { ACTIVE_RUN_SELECTOR } from '../runLabels';

export type Sim = Awaited<ReturnType<typeof startKubeSim>>;

/** A kube-sim with these clusters, once the Kubernetes client library is loaded. */
export async function startActiveSim(
  clusters: Parameters<typeof startKubeSim>[0]['clusters'],
): Promise<Sim> {
  await loadClientNode();
  return startKubeSim({ clusters });
}

/** A connection to one cluster of a running kube-sim, with its own token. */
export function simConnection(sim: Sim, name: string) {
  const c = sim.cluster(name);
  return connectToCluster({
    type: 'explicit',
    name,
    url: c.server,
    caData: c.caData,
    token: c.token,
  });
}

/** An API client of one cluster of a running kube-sim. */
export async function simApiClient(sim: Sim, name: string) {
  return KubeApiClient.create(await simConnection(sim, name));
}

/** `<path> <name>` of every object carrying the active-run label under each list path. */
export async function labelledObjects(
  sim: Sim,
  name: string,
  paths: string[],
): Promise<string[]> {
  const c = await simApiClient(sim, name);
  const found: string[] = [];
  for (const path of paths) {
    const res = await c.request({
      path,
      query: { labelSelector: ACTIVE_RUN_SELECTOR },
      timeoutMs: 5000,
    });
    if (res.status !== 200)
      throw new Error(`list ${path}: HTTP ${res.status} ${res.body}`);
    found.push(
      ...JSON.parse(res.body).items.map(
        (o: any) => `${path} ${o.metadata.name}`,
      ),
    );
  }
  return found;
}
