import type { KubeObject, NodePoolSpec } from '../types';
import type { StoreChange } from '../store/ClusterStore';
import { generateNodes } from '../scenario/generateNodes';
import {
  WorkloadController,
  conditionOf,
  nowTimestamp,
} from './WorkloadController';
import { recordEvent } from './recordEvent';
import { isActivePod, podRequests, specOf } from './podResources';
import { quantityValue } from './quantity';
import { poolOfNode } from './nodeDevices';
import { resourceSlicesFor } from '../scenario/resourceSlices';
import { RESOURCE_GROUP } from './resourceClaims';

const NOT_READY = 'node.kubernetes.io/not-ready';

/**
 * The cluster autoscaler: a pod Unschedulable for longer than `scaleUpDelayMs` that would fit a
 * new node of an autoscaled pool gets one (Ready after `nodeReadyDelayMs`), up to the pool's max;
 * added nodes left empty for `scaleDownDelayMs` are removed.
 */
export class ClusterAutoscaler extends WorkloadController {
  readonly name = 'cluster-autoscaler';
  private readonly added = new Map<
    string,
    { pool: string; emptySince?: number }
  >();
  private readonly triggered = new Set<string>();
  private readonly unschedulableSince = new Map<string, number>();
  private ticking = false;

  protected interested(c: StoreChange): boolean {
    return c.group === '' && (c.resource === 'pods' || c.resource === 'nodes');
  }

  private pools(): NodePoolSpec[] {
    return (this.cluster.model.scenario.nodePools ?? []).filter(
      p => p.autoscaling,
    );
  }

  protected pass(): void {
    if (!this.pools().length) return;
    const now = Date.now();
    const nodes = this.list('', 'nodes');
    const pods = this.listAdded('', 'pods');
    let waiting = false;
    if (this.settings.autoscaler !== 'stuck') {
      for (const pod of pods) {
        const c = conditionOf(pod, 'PodScheduled');
        if (
          specOf(pod).nodeName ||
          c?.reason !== 'Unschedulable' ||
          this.triggered.has(String(pod.metadata.uid))
        )
          continue;
        const uid = String(pod.metadata.uid);
        const since = this.unschedulableSince.get(uid) ?? now;
        this.unschedulableSince.set(uid, since);
        if (now - since < this.settings.scaleUpDelayMs) {
          waiting = true;
          continue;
        }
        this.scaleUpFor(pod, nodes);
      }
    }
    const present = new Set(pods.map(p => String(p.metadata.uid)));
    for (const uid of [...this.unschedulableSince.keys()])
      if (!present.has(uid)) this.unschedulableSince.delete(uid);
    for (const uid of [...this.triggered])
      if (!present.has(uid)) this.triggered.delete(uid);
    const current = this.list('', 'nodes');
    for (const [name, info] of this.added) {
      const node = current.find(n => n.metadata.name === name);
      if (!node) {
        this.added.delete(name);
        continue;
      }
      const busy = pods.some(
        p =>
          specOf(p).nodeName === name && isActivePod(p) && !this.isDaemonPod(p),
      );
      if (busy || conditionOf(node, 'Ready')?.status !== 'True')
        info.emptySince = undefined;
      else if (info.emptySince === undefined) info.emptySince = now;
      else if (now - info.emptySince >= this.settings.scaleDownDelayMs)
        this.removeNode(node);
      if (!busy) waiting = true;
    }
    if (waiting && !this.ticking) {
      this.ticking = true;
      this.after(
        Math.max(
          50,
          Math.min(
            this.settings.scaleUpDelayMs,
            this.settings.scaleDownDelayMs,
          ) / 4,
        ),
        () => {
          this.ticking = false;
          this.pass();
        },
      );
    }
  }

  private isDaemonPod(p: KubeObject) {
    return (
      (p.metadata.ownerReferences as Array<{ kind?: string }> | undefined) ?? []
    ).some(r => r.kind === 'DaemonSet');
  }

  private scaleUpFor(pod: KubeObject, nodes: KubeObject[]) {
    const scenario = this.cluster.model.scenario;
    for (const pool of this.pools()) {
      const members = nodes.filter(
        n => poolOfNode(scenario, n)?.name === pool.name,
      );
      const max = pool.autoscaling!.maxNodeCount;
      // A node of this pool on its way up absorbs the pod.
      if (
        members.some(
          n =>
            this.added.has(n.metadata.name) &&
            conditionOf(n, 'Ready')?.status !== 'True' &&
            this.fitsTemplate(pod, n),
        )
      ) {
        this.triggered.add(String(pod.metadata.uid));
        return;
      }
      if (members.length >= max) continue;
      const template = this.templateOf(pool, members, members.length);
      if (!this.fitsTemplate(pod, template)) continue;
      const node = this.store.create('', 'nodes', template);
      this.added.set(node.metadata.name, { pool: pool.name });
      for (const slice of resourceSlicesFor(this.cluster.model, pool, node))
        this.store.create(RESOURCE_GROUP, 'resourceslices', slice);
      this.triggered.add(String(pod.metadata.uid));
      recordEvent(this.store, pod, {
        reason: 'TriggeredScaleUp',
        message: `pod triggered scale-up: [{${pool.name} ${members.length}->${
          members.length + 1
        } (max: ${max})}]`,
        component: 'cluster-autoscaler',
      });
      this.after(this.settings.nodeReadyDelayMs, () =>
        this.markReady(node.metadata.name),
      );
      return;
    }
  }

  /** A new node of the pool: like its existing nodes (or the pool's declaration), NotReady. */
  private templateOf(
    pool: NodePoolSpec,
    members: KubeObject[],
    index: number,
  ): KubeObject {
    const kubelet = String(
      (
        this.cluster.model.nodes[0]?.object.status as {
          nodeInfo?: { kubeletVersion?: string };
        }
      )?.nodeInfo?.kubeletVersion ?? 'v1.34.0',
    );
    const taken = new Set(this.list('', 'nodes').map(n => n.metadata.name));
    let generated = generateNodes([{ ...pool, count: index + 1 }], kubelet)[
      index
    ];
    for (let i = index + 1; taken.has(generated.name); i++)
      generated = generateNodes([{ ...pool, count: i + 1 }], kubelet)[i];
    const object = structuredClone(generated.object);
    const status = object.status as {
      conditions: Array<Record<string, unknown>>;
      allocatable?: unknown;
      capacity?: unknown;
    };
    if (members[0]) {
      const s = members[0].status as {
        allocatable?: unknown;
        capacity?: unknown;
      };
      status.allocatable = structuredClone(s.allocatable);
      status.capacity = structuredClone(s.capacity);
    }
    const now = nowTimestamp();
    status.conditions = status.conditions.map(c =>
      c.type === 'Ready'
        ? {
            ...c,
            status: 'False',
            reason: 'KubeletNotReady',
            message: 'container runtime network not ready',
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          }
        : { ...c, lastHeartbeatTime: now, lastTransitionTime: now },
    );
    const spec = object.spec as { taints?: Array<Record<string, unknown>> };
    spec.taints = [
      ...(spec.taints ?? []),
      { key: NOT_READY, effect: 'NoSchedule' },
    ];
    delete object.metadata.uid;
    delete object.metadata.resourceVersion;
    delete object.metadata.creationTimestamp;
    return object;
  }

  /** Whether the pod would fit an empty, ready node made from this template. */
  private fitsTemplate(pod: KubeObject, node: KubeObject): boolean {
    const spec = specOf(pod);
    const labels = node.metadata.labels ?? {};
    for (const [k, v] of Object.entries(spec.nodeSelector ?? {}))
      if (labels[k] !== v) return false;
    const taints = (
      (
        node.spec as {
          taints?: Array<{ key: string; value?: string; effect: string }>;
        }
      )?.taints ?? []
    ).filter(t => t.key !== NOT_READY);
    for (const t of taints) {
      if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
      const ok = (spec.tolerations ?? []).some(
        x =>
          (!x.effect || x.effect === t.effect) &&
          (x.operator === 'Exists'
            ? !x.key || x.key === t.key
            : x.key === t.key && (x.value ?? '') === (t.value ?? '')),
      );
      if (!ok) return false;
    }
    const allocatable =
      (node.status as { allocatable?: Record<string, string> })?.allocatable ??
      {};
    for (const [resource, amount] of Object.entries(podRequests(pod))) {
      const has = quantityValue(allocatable[resource]);
      if (amount > (Number.isFinite(has) ? has : 0)) return false;
    }
    return true;
  }

  private markReady(name: string) {
    const node = this.store.get('', 'nodes', undefined, name);
    if (!node) return;
    const now = nowTimestamp();
    const status = node.status as {
      conditions: Array<Record<string, unknown>>;
    };
    const spec = node.spec as { taints?: Array<{ key: string }> };
    const taints = (spec.taints ?? []).filter(t => t.key !== NOT_READY);
    this.store.update('', 'nodes', {
      ...node,
      spec: { ...spec, taints: taints.length ? taints : undefined },
      status: {
        ...status,
        conditions: status.conditions.map(c =>
          c.type === 'Ready'
            ? {
                ...c,
                status: 'True',
                reason: 'KubeletReady',
                message: 'kubelet is posting ready status',
                lastHeartbeatTime: now,
                lastTransitionTime: now,
              }
            : c,
        ),
      },
    });
    recordEvent(this.store, node, {
      reason: 'NodeReady',
      message: `Node ${name} status is now: NodeReady`,
      component: 'kubelet',
    });
  }

  private removeNode(node: KubeObject) {
    recordEvent(this.store, node, {
      reason: 'ScaleDown',
      message: 'marked the node as toBeDeleted/unschedulable',
      component: 'cluster-autoscaler',
    });
    for (const [, slice] of [
      ...this.store.iterate(RESOURCE_GROUP, 'resourceslices'),
    ])
      if ((slice.spec as { nodeName?: string }).nodeName === node.metadata.name)
        this.store.delete(
          RESOURCE_GROUP,
          'resourceslices',
          undefined,
          slice.metadata.name,
        );
    this.store.delete('', 'nodes', undefined, node.metadata.name);
    this.added.delete(node.metadata.name);
  }
}
