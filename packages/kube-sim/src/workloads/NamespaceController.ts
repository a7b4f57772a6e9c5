import type { StoreChange } from '../store/ClusterStore';
import { WorkloadController, withCondition } from './WorkloadController';

/** Kinds whose deletion may leave dependents among pods, Workloads and ResourceClaims. */
const OWNER_KINDS = new Set([
  'Pod',
  'Job',
  'CronJob',
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
  'StatefulSet',
]);

/**
 * The namespace controller: a namespace marked for deletion stays `Terminating` for
 * `namespaceDeletionDelayMs`, then everything in it is deleted and the namespace goes.
 * With it runs the garbage collector: objects whose owner is gone are deleted (background).
 */
export class NamespaceController extends WorkloadController {
  readonly name = 'namespace-controller';
  private readonly terminating = new Set<string>();

  protected interested(c: StoreChange): boolean {
    if (c.verb === 'delete') {
      const uid = c.object.metadata.uid;
      if (uid && OWNER_KINDS.has(String(c.object.kind)))
        this.after(0, () =>
          this.collect(String(uid), c.object.metadata.namespace),
        );
      return false;
    }
    if (c.group !== '' || c.resource !== 'namespaces') return false;
    const ns = c.object;
    if (
      !ns.metadata.deletionTimestamp ||
      this.terminating.has(ns.metadata.name)
    )
      return false;
    this.terminating.add(ns.metadata.name);
    this.after(this.settings.namespaceDeletionDelayMs, () =>
      this.finish(ns.metadata.name),
    );
    return false;
  }

  protected pass(): void {}

  private finish(name: string) {
    this.terminating.delete(name);
    const ns = this.store.get('', 'namespaces', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    const status = (ns.status ?? {}) as Record<string, unknown>;
    this.store.update('', 'namespaces', {
      ...ns,
      status: {
        ...status,
        conditions: withCondition(status.conditions, {
          type: 'NamespaceContentRemaining',
          status: 'False',
          reason: 'ContentRemoved',
          message: 'All content successfully removed',
        }),
      },
    });
    this.store.deleteNamespaceContents(name);
    this.store.delete('', 'namespaces', undefined, name);
  }

  /** Deletes the dependents of a deleted owner (same namespace, or cluster-scoped). */
  private collect(ownerUid: string, namespace: string | undefined) {
    for (const [group, resource] of [
      ['', 'pods'],
      ['kueue.x-k8s.io', 'workloads'],
      ['resource.k8s.io', 'resourceclaims'],
    ]) {
      const doomed = this.list(group, resource, namespace).filter(o =>
        (
          (o.metadata.ownerReferences as
            | Array<{ uid?: unknown }>
            | undefined) ?? []
        ).some(r => r.uid === ownerUid),
      );
      doomed.forEach(o =>
        this.store.delete(
          group,
          resource,
          o.metadata.namespace,
          o.metadata.name,
        ),
      );
    }
  }
}
