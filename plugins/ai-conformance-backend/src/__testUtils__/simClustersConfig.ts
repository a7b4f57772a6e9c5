import type { KubeSim } from '@ai-conformance/kube-sim';

/** `aiConformance.clusters` entries that reach every cluster of a kube-sim. */
export function simClustersConfig(sim: KubeSim) {
  return sim.clusters.map(c => ({
    name: c.name,
    url: c.server,
    caData: c.caData,
    serviceAccountToken: c.token,
  }));
}
