import type { KubeObject } from '../types';
import type { ClusterStore, StoreChange } from '../store/ClusterStore';
import { ChangeDrivenController } from '../server/controllers/ChangeDrivenController';
import type { WorkloadSettings } from './WorkloadSettings';

/** Now as the API server writes it (RFC 3339, seconds). */
export function nowTimestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A condition list with `condition` set (lastTransitionTime kept when the status did not change). */
export function withCondition(
  conditions: unknown,
  condition: {
    type: string;
    status: string;
    reason?: string;
    message?: string;
    [key: string]: unknown;
  },
): Array<Record<string, unknown>> {
  const list = Array.isArray(conditions)
    ? (conditions as Array<Record<string, unknown>>)
    : [];
  const old = list.find(c => c.type === condition.type);
  const next = {
    ...condition,
    lastTransitionTime:
      old && old.status === condition.status
        ? old.lastTransitionTime
        : nowTimestamp(),
  };
  return old
    ? list.map(c => (c.type === condition.type ? next : c))
    : [...list, next];
}

/** The condition of that type, if any. */
export function conditionOf(
  o: KubeObject | undefined,
  type: string,
): Record<string, unknown> | undefined {
  const list = (o?.status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(list)
    ? (list as Array<Record<string, unknown>>).find(c => c.type === type)
    : undefined;
}

/**
 * The base of the simulated workload controllers: it reacts to store changes with one pass on the
 * next tick (as a controller draining its work queue after watch events); a pass that throws leaves
 * the controller running, as a reconcile that returned an error.
 */
export abstract class WorkloadController extends ChangeDrivenController {
  private passQueued = false;
  private stopped = false;
  /** The last error a reconcile pass threw (kept for tests and debugging). */
  lastError?: Error;

  constructor(protected readonly settings: WorkloadSettings) {
    super();
  }

  protected get store(): ClusterStore {
    return this.cluster.store;
  }

  protected changed(change: StoreChange): void {
    if (this.interested(change)) this.queuePass();
  }

  stop(): void {
    this.stopped = true;
    super.stop();
  }

  /** Whether a change should trigger a pass. */
  protected abstract interested(change: StoreChange): boolean;

  /** One reconcile pass over the store. */
  protected abstract pass(): void;

  /** Runs `fn` after `ms` unless the controller stopped first. */
  protected after(ms: number, fn: () => void): void {
    if (this.stopped) return;
    this.later(ms, () => {
      if (this.stopped) return;
      try {
        fn();
      } catch (e) {
        this.lastError = e as Error;
      }
    });
  }

  /** Queues one pass (several changes in a row cause one pass). */
  protected queuePass(delayMs = 0): void {
    if (this.passQueued && delayMs === 0) return;
    if (delayMs === 0) this.passQueued = true;
    this.after(delayMs, () => {
      if (delayMs === 0) this.passQueued = false;
      this.pass();
    });
  }

  /** Every object of a collection (optionally of one namespace). */
  protected list(
    group: string,
    resource: string,
    namespace?: string,
  ): KubeObject[] {
    const out: KubeObject[] = [];
    for (const [, o] of this.store.iterate(group, resource))
      if (namespace === undefined || o.metadata.namespace === namespace)
        out.push(o);
    return out;
  }

  /** The stored version of `o` (undefined when it is gone or was replaced by a namesake). */
  protected fresh(
    group: string,
    resource: string,
    o: KubeObject,
  ): KubeObject | undefined {
    const current = this.store.get(
      group,
      resource,
      o.metadata.namespace,
      o.metadata.name,
    );
    return current && current.metadata.uid === o.metadata.uid
      ? current
      : undefined;
  }

  /** The objects of a collection created at run time (optionally of one namespace). */
  protected listAdded(
    group: string,
    resource: string,
    namespace?: string,
  ): KubeObject[] {
    const out: KubeObject[] = [];
    for (const o of this.store.iterateAdded(group, resource))
      if (namespace === undefined || o.metadata.namespace === namespace)
        out.push(o);
    return out;
  }

  /** Writes `status` (the status subresource: spec and generation stay). */
  protected writeStatus(
    group: string,
    resource: string,
    o: KubeObject,
    status: Record<string, unknown>,
  ): KubeObject | undefined {
    const current = this.fresh(group, resource, o);
    return current
      ? this.store.update(group, resource, { ...current, status })
      : undefined;
  }
}
