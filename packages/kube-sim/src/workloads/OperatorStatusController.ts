import type { KubeObject } from '../types';
import type { StoreChange } from '../store/ClusterStore';
import { WorkloadController, nowTimestamp } from './WorkloadController';

/**
 * The operators of the scenario (the kinds its admission rules or `operatorStatus` name): a custom
 * resource created or changed gets its status written after `reconcileDelayMs`, with
 * `observedGeneration`. With `reconcile: never` nothing is ever written.
 */
export class OperatorStatusController extends WorkloadController {
  readonly name = 'operators';
  private readonly written = new Map<string, number>();

  private kinds(): Array<{ group: string; resource: string }> {
    const scenario = this.cluster.model.scenario;
    return [
      ...(scenario.admission ?? []).map(r => ({
        group: r.group,
        resource: r.resource,
      })),
      ...(this.settings.operatorStatus ?? []),
    ];
  }

  protected interested(c: StoreChange): boolean {
    if (this.settings.reconcile === 'never' || c.verb === 'delete')
      return false;
    if (
      !this.kinds().some(k => k.group === c.group && k.resource === c.resource)
    )
      return false;
    const o = c.object;
    const generation = Number(o.metadata.generation ?? 1);
    const key = `${c.group}/${c.resource}/${String(o.metadata.uid)}`;
    if ((this.written.get(key) ?? 0) >= generation) return false;
    if (
      !this.store.isAdded(
        c.group,
        c.resource,
        o.metadata.namespace,
        o.metadata.name,
      )
    )
      return false;
    this.after(this.settings.reconcileDelayMs, () =>
      this.reconcile(c.group, c.resource, o, key, generation),
    );
    return false;
  }

  protected pass(): void {}

  private reconcile(
    group: string,
    resource: string,
    o: KubeObject,
    key: string,
    generation: number,
  ) {
    const current = this.store.get(
      group,
      resource,
      o.metadata.namespace,
      o.metadata.name,
    );
    if (!current || current.metadata.uid !== o.metadata.uid) return;
    if ((this.written.get(key) ?? 0) >= generation) return;
    this.written.set(key, Number(current.metadata.generation ?? generation));
    const declared = (this.settings.operatorStatus ?? []).find(
      k => k.group === group && k.resource === resource,
    )?.status;
    const now = nowTimestamp();
    const status = declared
      ? structuredClone(declared)
      : {
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'Reconciled',
              message: `${current.kind} reconciled`,
              lastTransitionTime: now,
            },
          ],
        };
    const conditions = (
      status as { conditions?: Array<Record<string, unknown>> }
    ).conditions;
    conditions?.forEach(c => {
      c.lastTransitionTime ??= now;
      c.observedGeneration ??= current.metadata.generation;
    });
    this.writeStatus(group, resource, current, {
      ...status,
      observedGeneration: current.metadata.generation,
    });
  }
}
