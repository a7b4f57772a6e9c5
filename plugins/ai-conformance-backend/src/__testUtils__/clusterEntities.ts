import type { Entity } from '@backstage/catalog-model';

/** A cluster entity as the Kubernetes plugin's catalog locator expects it. */
export function clusterEntity(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  };
}
