import type { KubeObject } from '../types';
import type { StoreChange } from '../store/ClusterStore';
import { suffixOf } from '../scenario/objectIds';
import {
  WorkloadController,
  conditionOf,
  withCondition,
} from './WorkloadController';
import { recordEvent } from './recordEvent';
import { podRequests } from './podResources';
import { addResources, formatQuantity, quantityValue } from './quantity';

export const KUEUE = 'kueue.x-k8s.io';
export const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';

type Flavor = {
  name: string;
  resources?: Array<{ name: string; nominalQuota?: unknown }>;
};
type ClusterQueueSpec = {
  resourceGroups?: Array<{ coveredResources?: string[]; flavors?: Flavor[] }>;
};

/** Whether the cluster serves Kueue's Workload API. */
export function servesKueue(store: { get: KubeObjectGetter }): boolean {
  return !!store.get(
    'apiextensions.k8s.io',
    'customresourcedefinitions',
    undefined,
    `workloads.${KUEUE}`,
  );
}
type KubeObjectGetter = (
  g: string,
  r: string,
  ns: string | undefined,
  n: string,
) => KubeObject | undefined;

/** Kueue's Job webhook: a Job naming a queue is created suspended. */
export function suspendQueuedJob(object: KubeObject): KubeObject {
  if (!object.metadata.labels?.[QUEUE_LABEL]) return object;
  return { ...object, spec: { ...(object.spec as object), suspend: true } };
}

function isFinished(w: KubeObject) {
  return conditionOf(w, 'Finished')?.status === 'True';
}

function isAdmitted(w: KubeObject) {
  return conditionOf(w, 'QuotaReserved')?.status === 'True';
}

/**
 * Kueue's job integration and quota admission: a Workload per queued Job, admitted only when the
 * ClusterQueue's nominal quota minus what admitted Workloads use fits all of its pods (with
 * `gang: partial`, admitted without that check).
 */
export class KueueController extends WorkloadController {
  readonly name = 'kueue';

  protected interested(c: StoreChange): boolean {
    return (c.group === 'batch' && c.resource === 'jobs') || c.group === KUEUE;
  }

  protected pass(): void {
    if (!servesKueue(this.store)) return;
    const version = this.version();
    const workloads = this.list(KUEUE, 'workloads');
    for (const job of this.listAdded('batch', 'jobs')) {
      const queue = job.metadata.labels?.[QUEUE_LABEL];
      if (!queue) continue;
      const mine = workloads.find(w => this.ownedBy(w, job));
      if (!mine) workloads.push(this.createWorkload(job, queue, version));
      else if (!isFinished(mine) && this.jobFinished(job)) {
        this.writeStatus(KUEUE, 'workloads', mine, {
          ...(mine.status as object),
          conditions: withCondition(
            (mine.status as { conditions?: unknown })?.conditions,
            {
              type: 'Finished',
              status: 'True',
              reason: 'Succeeded',
              message: 'Job finished',
            },
          ),
        });
      }
    }
    const live = this.list(KUEUE, 'workloads');
    for (const w of live) {
      if (isAdmitted(w) || isFinished(w)) continue;
      this.tryAdmit(w, live);
    }
  }

  private version(): string {
    const crd = this.store.get(
      'apiextensions.k8s.io',
      'customresourcedefinitions',
      undefined,
      `workloads.${KUEUE}`,
    );
    const versions =
      (crd?.spec as { versions?: Array<{ name: string; storage?: boolean }> })
        ?.versions ?? [];
    return (versions.find(v => v.storage) ?? versions[0])?.name ?? 'v1beta1';
  }

  private ownedBy(w: KubeObject, job: KubeObject) {
    return (
      (w.metadata.ownerReferences as Array<{ uid?: unknown }> | undefined) ?? []
    ).some(r => r.uid === job.metadata.uid);
  }

  private jobFinished(job: KubeObject) {
    return (
      conditionOf(job, 'Complete')?.status === 'True' ||
      conditionOf(job, 'Failed')?.status === 'True'
    );
  }

  private createWorkload(
    job: KubeObject,
    queue: string,
    version: string,
  ): KubeObject {
    const spec = (job.spec ?? {}) as {
      parallelism?: number;
      template?: { spec?: unknown };
    };
    const w = this.store.create(KUEUE, 'workloads', {
      apiVersion: `${KUEUE}/${version}`,
      kind: 'Workload',
      metadata: {
        name: `job-${job.metadata.name}-${suffixOf(
          String(job.metadata.uid),
          5,
        )}`,
        namespace: job.metadata.namespace,
        labels: { 'kueue.x-k8s.io/job-uid': String(job.metadata.uid) },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: job.metadata.name,
            uid: job.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        queueName: queue,
        active: true,
        podSets: [
          {
            name: 'main',
            count: spec.parallelism ?? 1,
            template: spec.template ?? {},
          },
        ],
      },
    });
    recordEvent(this.store, job, {
      reason: 'CreatedWorkload',
      message: `Created Workload: ${w.metadata.namespace}/${w.metadata.name}`,
      component: 'kueue-controller',
    });
    return w;
  }

  private needs(w: KubeObject): Record<string, number> {
    const total: Record<string, number> = {};
    for (const ps of (
      w.spec as {
        podSets?: Array<{ count?: number; template?: { spec?: unknown } }>;
      }
    )?.podSets ?? []) {
      const perPod = podRequests({
        metadata: { name: '' },
        spec: ps.template?.spec ?? {},
      });
      delete perPod.pods;
      addResources(total, perPod, ps.count ?? 1);
    }
    return total;
  }

  private tryAdmit(w: KubeObject, all: KubeObject[]) {
    const queueName = (w.spec as { queueName?: string }).queueName ?? '';
    const lq = this.store.get(
      KUEUE,
      'localqueues',
      w.metadata.namespace,
      queueName,
    );
    const cqName = (lq?.spec as { clusterQueue?: string } | undefined)
      ?.clusterQueue;
    const cq = cqName
      ? this.store.get(KUEUE, 'clusterqueues', undefined, cqName)
      : undefined;
    if (!lq || !cq) {
      this.pending(
        w,
        'Inadmissible',
        lq
          ? `ClusterQueue ${cqName} doesn't exist`
          : `LocalQueue ${queueName} doesn't exist`,
      );
      return;
    }
    const groups = (cq.spec as ClusterQueueSpec).resourceGroups ?? [];
    const flavor = groups[0]?.flavors?.[0];
    const quota: Record<string, number> = {};
    for (const g of groups)
      for (const f of g.flavors ?? [])
        for (const r of f.resources ?? [])
          quota[r.name] = (quota[r.name] ?? 0) + quantityValue(r.nominalQuota);
    const used: Record<string, number> = {};
    for (const other of all) {
      if (other === w || !isAdmitted(other) || isFinished(other)) continue;
      if (
        (other.status as { admission?: { clusterQueue?: string } })?.admission
          ?.clusterQueue !== cqName
      )
        continue;
      addResources(used, this.needs(other));
    }
    const needs = this.needs(w);
    if (this.settings.gang !== 'partial') {
      for (const [res, amount] of Object.entries(needs)) {
        if (!amount) continue;
        const free = (quota[res] ?? 0) - (used[res] ?? 0);
        if (!(res in quota)) {
          this.pending(
            w,
            'Pending',
            `couldn't assign flavors to pod set main: resource ${res} unavailable in ClusterQueue`,
          );
          return;
        }
        if (amount > free + 1e-9) {
          this.pending(
            w,
            'Pending',
            `couldn't assign flavors to pod set main: insufficient unused quota for ${res} in flavor ${
              flavor?.name ?? ''
            }, ${formatQuantity(amount - free)} more needed`,
          );
          return;
        }
      }
    }
    const count =
      ((w.spec as { podSets?: Array<{ count?: number }> }).podSets ?? [])[0]
        ?.count ?? 1;
    let conditions = withCondition(
      (w.status as { conditions?: unknown })?.conditions,
      {
        type: 'QuotaReserved',
        status: 'True',
        reason: 'QuotaReserved',
        message: `Quota reserved in ClusterQueue ${cqName}`,
      },
    );
    conditions = withCondition(conditions, {
      type: 'Admitted',
      status: 'True',
      reason: 'Admitted',
      message: 'The workload is admitted',
    });
    const admitted = this.writeStatus(KUEUE, 'workloads', w, {
      ...(w.status as object),
      conditions,
      admission: {
        clusterQueue: cqName,
        podSetAssignments: [
          {
            name: 'main',
            count,
            flavors: Object.fromEntries(
              Object.keys(needs).map(r => [r, flavor?.name ?? 'default']),
            ),
            resourceUsage: Object.fromEntries(
              Object.entries(needs).map(([r, v]) => [r, formatQuantity(v)]),
            ),
          },
        ],
      },
    });
    if (admitted) this.unsuspend(admitted, flavor?.name);
  }

  private unsuspend(w: KubeObject, flavorName: string | undefined) {
    const owner = ((w.metadata.ownerReferences as
      | Array<{ name: string }>
      | undefined) ?? [])[0];
    const job = owner
      ? this.store.get('batch', 'jobs', w.metadata.namespace, owner.name)
      : undefined;
    if (!job) return;
    const flavor = flavorName
      ? this.store.get(KUEUE, 'resourceflavors', undefined, flavorName)
      : undefined;
    const fspec = (flavor?.spec ?? {}) as {
      nodeLabels?: Record<string, string>;
      tolerations?: unknown[];
    };
    const spec = (job.spec ?? {}) as {
      template?: {
        spec?: {
          nodeSelector?: Record<string, string>;
          tolerations?: unknown[];
        };
      };
    };
    const tspec = spec.template?.spec ?? {};
    this.store.update('batch', 'jobs', {
      ...job,
      spec: {
        ...spec,
        suspend: false,
        template: {
          ...spec.template,
          spec: {
            ...tspec,
            ...(fspec.nodeLabels
              ? { nodeSelector: { ...tspec.nodeSelector, ...fspec.nodeLabels } }
              : {}),
            ...(fspec.tolerations
              ? {
                  tolerations: [
                    ...(tspec.tolerations ?? []),
                    ...fspec.tolerations,
                  ],
                }
              : {}),
          },
        },
      },
    });
    recordEvent(this.store, w, {
      reason: 'Admitted',
      message: `Admitted by ClusterQueue ${
        (w.status as { admission?: { clusterQueue?: string } }).admission
          ?.clusterQueue
      }`,
      component: 'kueue-admission',
    });
    recordEvent(this.store, job, {
      reason: 'Started',
      message: `Admitted by clusterQueue ${
        (w.status as { admission?: { clusterQueue?: string } }).admission
          ?.clusterQueue
      }`,
      component: 'kueue-controller',
    });
  }

  private pending(w: KubeObject, reason: string, message: string) {
    const old = conditionOf(w, 'QuotaReserved');
    if (old?.status === 'False' && old.message === message) return;
    const updated = this.writeStatus(KUEUE, 'workloads', w, {
      ...(w.status as object),
      conditions: withCondition(
        (w.status as { conditions?: unknown })?.conditions,
        { type: 'QuotaReserved', status: 'False', reason, message },
      ),
    });
    if (updated)
      recordEvent(this.store, updated, {
        type: 'Warning',
        reason,
        message,
        component: 'kueue-admission',
      });
  }
}
