import type { Entity } from '@backstage/catalog-model';

/** The entity filter of the new frontend system's tab and card. */
export const clusterEntityFilter = {
  kind: 'resource',
  'spec.type': 'kubernetes-cluster',
};

/**
 * True for catalog entities that describe a Kubernetes cluster
 * (`kind: Resource`, `spec.type: kubernetes-cluster`).
 * @public
 */
export function isAiConformanceAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === 'kubernetes-cluster'
  );
}
