import type { KubeObject } from '../types';
import type { StoreChange } from '../store/ClusterStore';
import { suffixOf } from '../scenario/objectIds';
import {
  WorkloadController,
  conditionOf,
  withCondition,
} from './WorkloadController';
import { recordEvent } from './recordEvent';
import { isActivePod, podRequests, specOf, type PodSpec } from './podResources';
import { quantityValue } from './quantity';
import {
  RESOURCE_GROUP,
  allocateOnNode,
  allocatedDevices,
  allocatedNode,
  allocatedStatus,
  allocationOf,
  claimNamesOfPod,
} from './resourceClaims';

type Taint = { key: string; value?: string; effect: string };

/** Why one node does not fit; several resources may each be insufficient. */
type NodeVerdict =
  | { fits: true }
  | { fits: false; reasons: string[]; preemptable: boolean };

/** Whether the pod tolerates the taint. */
export function tolerates(spec: PodSpec, taint: Taint): boolean {
  return (spec.tolerations ?? []).some(t => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

function matchesExpression(
  labels: Record<string, string>,
  e: { key: string; operator: string; values?: string[] },
): boolean {
  const v = labels[e.key];
  switch (e.operator) {
    case 'In':
      return v !== undefined && (e.values ?? []).includes(v);
    case 'NotIn':
      return v === undefined || !(e.values ?? []).includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    case 'Gt':
      return v !== undefined && Number(v) > Number(e.values?.[0]);
    case 'Lt':
      return v !== undefined && Number(v) < Number(e.values?.[0]);
    default:
      return false;
  }
}

/** Whether node labels satisfy the pod's nodeSelector and required node affinity. */
export function matchesAffinity(
  spec: PodSpec,
  labels: Record<string, string>,
): boolean {
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {}))
    if (labels[k] !== v) return false;
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms;
  if (!terms?.length) return true;
  return terms.some(t =>
    (t.matchExpressions ?? []).every(e => matchesExpression(labels, e)),
  );
}

/** The node's taints, a NotReady node carrying `node.kubernetes.io/not-ready` as the node controller adds it. */
function taintsOf(node: KubeObject): Taint[] {
  const taints = [...((node.spec as { taints?: Taint[] })?.taints ?? [])];
  const ready = conditionOf(node, 'Ready');
  if (
    ready?.status !== 'True' &&
    !taints.some(t => t.key === 'node.kubernetes.io/not-ready')
  )
    taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
  return taints;
}

/**
 * The pod's scheduling constraints with its RuntimeClass's `scheduling` merged in, as the
 * RuntimeClass admission plugin does.
 */
function effectiveSpec(
  spec: PodSpec,
  runtimeClass: KubeObject | undefined,
): PodSpec {
  const scheduling = runtimeClass?.scheduling as
    | {
        nodeSelector?: Record<string, string>;
        tolerations?: PodSpec['tolerations'];
      }
    | undefined;
  if (!scheduling) return spec;
  return {
    ...spec,
    nodeSelector: { ...spec.nodeSelector, ...scheduling.nodeSelector },
    tolerations: [
      ...(spec.tolerations ?? []),
      ...(scheduling.tolerations ?? []),
    ],
  };
}

/** The name the resourceclaim controller gives a claim made from a template. */
function claimNameFor(pod: KubeObject, podClaim: string): string {
  return `${pod.metadata.name}-${podClaim}-${suffixOf(
    `${String(pod.metadata.uid)}:${podClaim}`,
    5,
  )}`;
}

/**
 * kube-scheduler's default profile, reduced to what workloads need: resources (cpu, memory, pods,
 * extended resources) against allocatable minus bound pods, nodeSelector, required node affinity,
 * NoSchedule/NoExecute taints, scheduling gates and DRA claims.
 */
export class Scheduler extends WorkloadController {
  readonly name = 'scheduler';

  protected interested(c: StoreChange): boolean {
    return (
      (c.group === '' && (c.resource === 'pods' || c.resource === 'nodes')) ||
      (c.group === RESOURCE_GROUP &&
        (c.resource === 'resourceclaims' || c.resource === 'resourceslices'))
    );
  }

  protected pass(): void {
    const added = this.listAdded('', 'pods');
    this.releaseClaims(added);
    const pending = added.filter(
      p =>
        !specOf(p).nodeName &&
        (specOf(p).schedulerName ?? 'default-scheduler') ===
          'default-scheduler' &&
        isActivePod(p) &&
        !p.metadata.deletionTimestamp,
    );
    if (!pending.length) return;
    const pods = this.list('', 'pods');
    const nodes = this.list('', 'nodes');
    const used = new Map<string, Record<string, number>>();
    for (const p of pods) {
      const nodeName = specOf(p).nodeName;
      if (!nodeName || !isActivePod(p)) continue;
      const u = used.get(nodeName) ?? {};
      for (const [k, v] of Object.entries(podRequests(p)))
        u[k] = (u[k] ?? 0) + v;
      used.set(nodeName, u);
    }
    const taken = allocatedDevices(this.store);
    for (const pod of pending) this.schedule(pod, nodes, used, taken);
  }

  private schedule(
    pod: KubeObject,
    nodes: KubeObject[],
    used: Map<string, Record<string, number>>,
    taken: Set<string>,
  ) {
    const spec = specOf(pod);
    if (spec.schedulingGates?.length) {
      this.setScheduled(
        pod,
        'False',
        'SchedulingGated',
        'Scheduling is blocked due to non-empty scheduling gates',
      );
      return;
    }
    const claims = this.claimsOf(pod);
    if (claims === undefined) return;
    const runtimeClass = spec.runtimeClassName
      ? this.store.get(
          'node.k8s.io',
          'runtimeclasses',
          undefined,
          spec.runtimeClassName,
        )
      : undefined;
    const effective = effectiveSpec(spec, runtimeClass);
    const wants = podRequests(pod);
    const counts = new Map<string, number>();
    const preempt = { victims: 0, unhelpful: 0 };
    for (const node of nodes) {
      const verdict = this.fit(node, effective, wants, used, claims, taken);
      if (verdict.fits) {
        this.bind(pod, node, claims, taken);
        const u = used.get(node.metadata.name) ?? {};
        for (const [k, v] of Object.entries(wants)) u[k] = (u[k] ?? 0) + v;
        used.set(node.metadata.name, u);
        return;
      }
      for (const r of verdict.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
      if (verdict.preemptable) preempt.victims++;
      else preempt.unhelpful++;
    }
    const reasons = [...counts.entries()]
      .map(([r, n]) => `${n} ${r}`)
      .sort()
      .join(', ');
    const preemption = [
      preempt.victims
        ? `${preempt.victims} No preemption victims found for incoming pod`
        : '',
      preempt.unhelpful
        ? `${preempt.unhelpful} Preemption is not helpful for scheduling`
        : '',
    ]
      .filter(Boolean)
      .join(', ');
    const message = nodes.length
      ? `0/${nodes.length} nodes are available: ${reasons}. preemption: 0/${nodes.length} nodes are available: ${preemption}.`
      : 'no nodes available to schedule pods';
    this.setScheduled(pod, 'False', 'Unschedulable', message);
  }

  /**
   * The resourceclaim controller's part: a claim stops being reserved for a pod that ended or is
   * gone; a claim made from a template for such a pod is deleted, another claim left without
   * consumers is deallocated.
   */
  private releaseClaims(pods: KubeObject[]) {
    const live = new Set(
      pods.filter(p => isActivePod(p)).map(p => String(p.metadata.uid)),
    );
    for (const claim of this.list(RESOURCE_GROUP, 'resourceclaims')) {
      const status = (claim.status ?? {}) as {
        reservedFor?: Array<{ uid?: unknown }>;
        allocation?: unknown;
      };
      const reserved = status.reservedFor ?? [];
      const kept = reserved.filter(r => live.has(String(r.uid)));
      if (kept.length === reserved.length) continue;
      const owner = (
        (claim.metadata.ownerReferences as
          | Array<{ kind?: string; uid?: unknown }>
          | undefined) ?? []
      ).find(r => r.kind === 'Pod');
      if (owner && !live.has(String(owner.uid))) {
        this.store.delete(
          RESOURCE_GROUP,
          'resourceclaims',
          claim.metadata.namespace,
          claim.metadata.name,
        );
        continue;
      }
      const { allocation, reservedFor, ...rest } = status;
      this.store.update(RESOURCE_GROUP, 'resourceclaims', {
        ...claim,
        status: kept.length ? { ...rest, allocation, reservedFor: kept } : rest,
      });
    }
  }

  /** The pod's claims (created from templates where needed); undefined while one is missing. */
  private claimsOf(pod: KubeObject): KubeObject[] | undefined {
    const out: KubeObject[] = [];
    const names = claimNamesOfPod(pod);
    const statuses: Array<{ name: string; resourceClaimName: string }> = [];
    let changed = false;
    for (const entry of specOf(pod).resourceClaims ?? []) {
      let name = names.get(entry.name);
      if (!name && entry.resourceClaimTemplateName) {
        const template = this.store.get(
          RESOURCE_GROUP,
          'resourceclaimtemplates',
          pod.metadata.namespace,
          entry.resourceClaimTemplateName,
        );
        if (!template) {
          this.setScheduled(
            pod,
            'False',
            'Unschedulable',
            `resourceclaimtemplate.resource.k8s.io "${entry.resourceClaimTemplateName}" not found`,
          );
          return undefined;
        }
        name = claimNameFor(pod, entry.name);
        if (
          !this.store.get(
            RESOURCE_GROUP,
            'resourceclaims',
            pod.metadata.namespace,
            name,
          )
        ) {
          const tspec = template.spec as {
            spec?: unknown;
            metadata?: KubeObject['metadata'];
          };
          this.store.create(RESOURCE_GROUP, 'resourceclaims', {
            apiVersion: template.apiVersion,
            kind: 'ResourceClaim',
            metadata: {
              ...tspec.metadata,
              name,
              namespace: pod.metadata.namespace,
              annotations: {
                ...tspec.metadata?.annotations,
                'resource.kubernetes.io/pod-claim-name': entry.name,
              },
              ownerReferences: [
                {
                  apiVersion: 'v1',
                  kind: 'Pod',
                  name: pod.metadata.name,
                  uid: pod.metadata.uid,
                  controller: true,
                  blockOwnerDeletion: true,
                },
              ],
            },
            spec: tspec.spec,
          });
        }
        changed = true;
      }
      if (!name) continue;
      statuses.push({ name: entry.name, resourceClaimName: name });
      const claim = this.store.get(
        RESOURCE_GROUP,
        'resourceclaims',
        pod.metadata.namespace,
        name,
      );
      if (!claim) {
        this.setScheduled(
          pod,
          'False',
          'Unschedulable',
          `0/0 nodes are available: waiting for resource claim: resourceclaim.resource.k8s.io "${name}" not found.`,
        );
        return undefined;
      }
      out.push(claim);
    }
    if (changed) {
      const current = this.store.get(
        '',
        'pods',
        pod.metadata.namespace,
        pod.metadata.name,
      );
      if (current)
        this.store.update('', 'pods', {
          ...current,
          status: {
            ...(current.status as object),
            resourceClaimStatuses: statuses,
          },
        });
    }
    return out;
  }

  private fit(
    node: KubeObject,
    spec: PodSpec,
    wants: Record<string, number>,
    used: Map<string, Record<string, number>>,
    claims: KubeObject[],
    taken: Set<string>,
  ): NodeVerdict {
    if ((node.spec as { unschedulable?: boolean })?.unschedulable)
      return {
        fits: false,
        reasons: ['node(s) were unschedulable'],
        preemptable: false,
      };
    const untolerated = taintsOf(node).find(
      t =>
        (t.effect === 'NoSchedule' || t.effect === 'NoExecute') &&
        !tolerates(spec, t),
    );
    if (untolerated)
      return {
        fits: false,
        reasons: [
          `node(s) had untolerated taint {${untolerated.key}: ${
            untolerated.value ?? ''
          }}`,
        ],
        preemptable: false,
      };
    if (!matchesAffinity(spec, node.metadata.labels ?? {}))
      return {
        fits: false,
        reasons: ["node(s) didn't match Pod's node affinity/selector"],
        preemptable: false,
      };
    const allocatable =
      (node.status as { allocatable?: Record<string, string> })?.allocatable ??
      {};
    const u = used.get(node.metadata.name) ?? {};
    const short: string[] = [];
    for (const [k, v] of Object.entries(wants)) {
      if (!v) continue;
      const has = quantityValue(allocatable[k]);
      const free = (Number.isFinite(has) ? has : 0) - (u[k] ?? 0);
      if (v > free + 1e-9)
        short.push(k === 'pods' ? 'Too many pods' : `Insufficient ${k}`);
    }
    if (short.length) return { fits: false, reasons: short, preemptable: true };
    if (claims.length) {
      const trial = new Set(taken);
      for (const claim of claims) {
        if (allocationOf(claim)) {
          if (allocatedNode(claim) !== node.metadata.name)
            return {
              fits: false,
              reasons: ["node(s) didn't match Pod's node affinity/selector"],
              preemptable: false,
            };
          continue;
        }
        if (!allocateOnNode(this.store, claim, node.metadata.name, trial))
          return {
            fits: false,
            reasons: ['cannot allocate all claims'],
            preemptable: false,
          };
      }
    }
    return { fits: true };
  }

  private bind(
    pod: KubeObject,
    node: KubeObject,
    claims: KubeObject[],
    taken: Set<string>,
  ) {
    const nodeName = node.metadata.name;
    for (const claim of claims) {
      const current =
        this.store.get(
          RESOURCE_GROUP,
          'resourceclaims',
          claim.metadata.namespace,
          claim.metadata.name,
        ) ?? claim;
      if (allocationOf(current)) {
        const reserved = ((current.status as { reservedFor?: unknown[] })
          ?.reservedFor ?? []) as Array<{ uid?: unknown }>;
        if (!reserved.some(r => r.uid === pod.metadata.uid))
          this.store.update(RESOURCE_GROUP, 'resourceclaims', {
            ...current,
            status: {
              ...(current.status as object),
              reservedFor: [
                ...reserved,
                {
                  resource: 'pods',
                  name: pod.metadata.name,
                  uid: pod.metadata.uid,
                },
              ],
            },
          });
        continue;
      }
      const results =
        allocateOnNode(this.store, current, nodeName, taken) ?? [];
      this.store.update(RESOURCE_GROUP, 'resourceclaims', {
        ...current,
        status: allocatedStatus(current, results, nodeName, pod),
      });
    }
    const current = this.fresh('', 'pods', pod);
    if (!current) return;
    const status = (current.status ?? {}) as Record<string, unknown>;
    const bound = this.store.update('', 'pods', {
      ...current,
      spec: { ...(current.spec as object), nodeName },
      status: {
        ...status,
        phase: 'Pending',
        conditions: withCondition(status.conditions, {
          type: 'PodScheduled',
          status: 'True',
        }),
      },
    });
    recordEvent(this.store, bound, {
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
      component: 'default-scheduler',
    });
  }

  private setScheduled(
    pod: KubeObject,
    status: string,
    reason: string,
    message: string,
  ) {
    const current = this.fresh('', 'pods', pod);
    if (!current) return;
    const old = conditionOf(current, 'PodScheduled');
    if (
      old?.status === status &&
      old.reason === reason &&
      old.message === message
    )
      return;
    const s = (current.status ?? {}) as Record<string, unknown>;
    const updated = this.store.update('', 'pods', {
      ...current,
      status: {
        ...s,
        phase: 'Pending',
        conditions: withCondition(s.conditions, {
          type: 'PodScheduled',
          status,
          reason,
          message,
        }),
      },
    });
    if (reason === 'Unschedulable')
      recordEvent(this.store, updated, {
        type: 'Warning',
        reason: 'FailedScheduling',
        message,
        component: 'default-scheduler',
      });
  }
}
