import type { KubeSim } from '@ai-conformance/kube-sim';
import {
  ACTIVE_RUN_SELECTOR,
  connectToCluster,
  EXPIRES_ANNOTATION,
  KubeApiClient,
  runLabels,
  runNamespace,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ClusterTarget } from '../service/ClusterTarget';

/** `aiConformance.clusters` entries that reach every cluster of a kube-sim. */
export function simClustersConfig(sim: KubeSim) {
  return sim.clusters.map(c => ({
    name: c.name,
    url: c.server,
    caData: c.caData,
    serviceAccountToken: c.token,
  }));
}

/** The {@link ClusterTarget} of a kube-sim cluster (as config would resolve it). */
export function simTarget(sim: KubeSim, name: string): ClusterTarget {
  const c = sim.cluster(name);
  return {
    name,
    url: c.server,
    caData: c.caData,
    token: c.token,
    authProvider: 'serviceAccount',
    source: 'aiConformance.clusters',
  };
}

/** A Kubernetes client of a kube-sim cluster, for what a test checks on it. */
export async function simKubeClient(
  sim: KubeSim,
  name: string,
): Promise<KubeApiClient> {
  const c = sim.cluster(name);
  return KubeApiClient.create(
    await connectToCluster({
      type: 'explicit',
      name,
      url: c.server,
      caData: c.caData,
      token: c.token,
    }),
  );
}

/** Names of the objects at `path` that carry an active run's labels. */
export async function activeRunObjects(
  client: KubeApiClient,
  path = '/api/v1/namespaces',
): Promise<string[]> {
  const res = await client.request({
    path,
    query: { labelSelector: ACTIVE_RUN_SELECTOR },
    timeoutMs: 5000,
  });
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return JSON.parse(res.body).items.map(
    (o: { metadata: { name: string } }) => o.metadata.name,
  );
}

/**
 * Creates the namespace an active run `runId` makes, as a killed run leaves
 * it: labelled with the run id, its deadline an hour away (so only a sweep
 * by run id removes it). Returns its name.
 */
export async function createRunNamespace(
  client: KubeApiClient,
  runId: string,
): Promise<string> {
  const name = runNamespace(runId);
  const res = await client.request({
    method: 'POST',
    path: '/api/v1/namespaces',
    body: {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        labels: runLabels(runId),
        annotations: {
          [EXPIRES_ANNOTATION]: new Date(Date.now() + 3_600_000).toISOString(),
        },
      },
    },
    timeoutMs: 5000,
  });
  if (res.status !== 201) throw new Error(`create ${name}: HTTP ${res.status}`);
  return name;
}
