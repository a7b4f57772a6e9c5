import { stringify } from 'yaml';
import { GkeClusterPlan } from '../gke/planGkeCluster';

/** Label the AI Conformance plugins read for the target checklist version. */
export const TARGET_VERSION_LABEL = 'ai-conformance.io/target-version';

/** The catalog `Resource` of the new cluster. */
export function catalogEntityOf(plan: GkeClusterPlan) {
  const { spec, gpuPool } = plan;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: spec.name,
      description: `GKE Standard cluster in ${spec.region} (${spec.projectId}) on ${spec.gkeVersion}, ${gpuPool.accelerator} pool, targeting AI Conformance ${spec.checklistVersion}.`,
      tags: ['gke', 'gpu'],
      labels: { [TARGET_VERSION_LABEL]: spec.checklistVersion },
      annotations: {
        'kubernetes.io/auth-provider': 'google',
        'ai-conformance.io/gke-project': spec.projectId,
        'ai-conformance.io/gke-location': spec.region,
      },
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: spec.owner,
      lifecycle: 'production',
    },
  };
}

export function renderCatalogInfo(plan: GkeClusterPlan): string {
  return stringify(catalogEntityOf(plan), { lineWidth: 0 });
}
