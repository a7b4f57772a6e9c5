import type { StoreChange } from '../../store/ClusterStore';
import { ChangeDrivenController } from './ChangeDrivenController';

/**
 * What the apiextensions controller does when a CustomResourceDefinition goes: every custom
 * resource of it is deleted too, so that a CRD created again under the same name starts empty.
 */
export class CrdCleanupController extends ChangeDrivenController {
  readonly name = 'crd-cleanup';

  protected changed(change: StoreChange): void {
    if (
      change.verb !== 'delete' ||
      change.group !== 'apiextensions.k8s.io' ||
      change.resource !== 'customresourcedefinitions'
    )
      return;
    const spec = change.object.spec as
      | { group?: string; names?: { plural?: string } }
      | undefined;
    const group = spec?.group;
    const plural = spec?.names?.plural;
    if (!group || !plural) return;
    this.later(0, () => {
      const doomed = [...this.cluster.store.iterate(group, plural)].map(
        ([, o]) => o.metadata,
      );
      for (const m of doomed)
        this.cluster.store.delete(group, plural, m.namespace, m.name);
    });
  }
}
