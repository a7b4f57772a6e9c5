import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../types';
import type { StoreChange } from '../../store/ClusterStore';
import { hexOf } from '../../scenario/objectIds';
import { podIpFor } from '../../scenario/podFactory';
import { ChangeDrivenController } from './ChangeDrivenController';
import { matchesAffinity, tolerates } from '../../workloads/Scheduler';
import type { PodSpec } from '../../workloads/podResources';

const KINDS: Record<string, string> = {
  deployments: 'Deployment',
  daemonsets: 'DaemonSet',
  statefulsets: 'StatefulSet',
};
const MAX_PODS = 200;

type Template = {
  metadata?: { labels?: Record<string, string> };
  spec?: {
    nodeSelector?: Record<string, string>;
    tolerations?: Array<{ key?: string; operator?: string; effect?: string }>;
    [key: string]: unknown;
  };
};

function stripTimes(status: Record<string, unknown>): unknown {
  return JSON.parse(
    JSON.stringify(status, (k, v) =>
      k === 'lastUpdateTime' || k === 'lastTransitionTime' ? undefined : v,
    ),
  );
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isReady(pod: KubeObject): boolean {
  const status = pod.status as
    | { phase?: string; conditions?: Array<{ type: string; status: string }> }
    | undefined;
  return (
    status?.phase === 'Running' &&
    (status.conditions ?? []).some(
      c => c.type === 'Ready' && c.status === 'True',
    )
  );
}

/**
 * What the controller manager does for an apps/v1 workload created or changed through the API:
 * after `delayMs` it makes the pods (one per matching node for a DaemonSet, `spec.replicas`
 * otherwise), and writes the workload's status from its pods — `Available`/ready once they run.
 * Pods go to the cluster's scheduler and kubelet when it has them; otherwise this controller
 * places them on a node that fits the selector and taints and reports them Running and Ready.
 */
export class WorkloadAvailabilityController extends ChangeDrivenController {
  readonly name = 'workload-availability';
  private readonly pending = new Set<string>();

  constructor(private readonly delayMs = 1000) {
    super();
  }

  protected changed(change: StoreChange) {
    const o = change.object;
    if (change.group === 'apps' && KINDS[change.resource]) {
      if (change.verb === 'delete') {
        this.once(change.resource, o, 0, () => this.deletePods(o));
        return;
      }
      // a status or metadata write is not a new desired state
      if (
        change.verb === 'update' &&
        JSON.stringify(change.previous?.spec) === JSON.stringify(o.spec)
      )
        return;
      this.once(change.resource, o, this.delayMs, () =>
        this.reconcile(change.resource, o),
      );
    } else if (change.group === '' && change.resource === 'pods') {
      const owner = this.ownerOf(o);
      if (owner)
        this.once(owner[0], owner[1], 0, () => this.writeStatus(...owner));
    }
  }

  /** `later`, once per object and delay however many changes arrive meanwhile. */
  private once(resource: string, o: KubeObject, ms: number, fn: () => void) {
    const key = `${ms}/${resource}/${o.metadata.namespace}/${o.metadata.name}`;
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.later(ms, () => {
      this.pending.delete(key);
      fn();
    });
  }

  private current(resource: string, o: KubeObject) {
    return this.cluster.store.get(
      'apps',
      resource,
      o.metadata.namespace,
      o.metadata.name,
    );
  }

  private ownerOf(pod: KubeObject): [string, KubeObject] | undefined {
    const ref = (
      pod.metadata.ownerReferences as
        | Array<{ kind: string; name: string }>
        | undefined
    )?.find(r => r.kind in { Deployment: 1, DaemonSet: 1, StatefulSet: 1 });
    const annotation = pod.metadata.annotations?.['kube-sim/owner'];
    if (!ref && !annotation) return undefined;
    const [kind, name] = annotation
      ? annotation.split('/')
      : [ref!.kind, ref!.name];
    const resource = Object.keys(KINDS).find(r => KINDS[r] === kind);
    if (!resource) return undefined;
    const owner = this.cluster.store.get(
      'apps',
      resource,
      pod.metadata.namespace,
      name,
    );
    return owner ? [resource, owner] : undefined;
  }

  private podsOf(o: KubeObject): KubeObject[] {
    const kind = o.kind ?? '';
    const out: KubeObject[] = [];
    for (const [, pod] of this.cluster.store.iterate('', 'pods')) {
      if (pod.metadata.namespace !== o.metadata.namespace) continue;
      if (
        pod.metadata.annotations?.['kube-sim/owner'] ===
        `${kind}/${o.metadata.name}`
      )
        out.push(pod);
    }
    return out;
  }

  private deletePods(o: KubeObject) {
    for (const pod of this.podsOf(o).filter(
      p =>
        (p.metadata.ownerReferences as Array<{ uid?: string }> | undefined)?.[0]
          ?.uid === o.metadata.uid,
    ))
      this.cluster.store.delete(
        '',
        'pods',
        pod.metadata.namespace,
        pod.metadata.name,
      );
  }

  /** Nodes a pod of the template may run on: selector, required affinity, NoSchedule/NoExecute taints. */
  private nodes(template: Template): KubeObject[] {
    const spec = (template.spec ?? {}) as PodSpec;
    const out: KubeObject[] = [];
    for (const [, node] of this.cluster.store.iterate('', 'nodes')) {
      if (!matchesAffinity(spec, node.metadata.labels ?? {})) continue;
      const taints =
        (
          node.spec as {
            taints?: Array<{ key: string; value?: string; effect: string }>;
          }
        )?.taints ?? [];
      if (
        taints
          .filter(t => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
          .every(t => tolerates(spec, t))
      )
        out.push(node);
    }
    return out;
  }

  private reconcile(resource: string, stale: KubeObject) {
    const o = this.current(resource, stale);
    if (!o) return;
    const spec = o.spec as
      | { replicas?: number; template?: Template }
      | undefined;
    const template = spec?.template ?? {};
    const kind = KINDS[resource];
    const nodes = this.nodes(template);
    const existing = this.podsOf(o);
    const hash = hexOf(JSON.stringify(template), 10);
    // pods of an older template are replaced
    for (const pod of existing)
      if (pod.metadata.labels?.['pod-template-hash'] !== hash)
        this.cluster.store.delete(
          '',
          'pods',
          pod.metadata.namespace,
          pod.metadata.name,
        );
    const current = this.podsOf(o);
    const wanted =
      kind === 'DaemonSet'
        ? nodes.length
        : Math.min(spec?.replicas ?? 1, MAX_PODS);
    const hasKubelet = !!this.cluster.controller('kubelet');
    const names = new Set(current.map(p => p.metadata.name));
    const placed = new Set(
      current.map(p => String((p.spec as { nodeName?: string })?.nodeName)),
    );
    for (let i = 0; current.length < wanted && i < MAX_PODS * 2; i++) {
      const node =
        kind === 'DaemonSet'
          ? nodes.find(n => !placed.has(n.metadata.name))
          : nodes[i % Math.max(nodes.length, 1)];
      if (node) placed.add(node.metadata.name);
      const suffix = randomBytes(3).toString('hex').slice(0, 5);
      let name = `${o.metadata.name}-${suffix}`;
      if (kind === 'StatefulSet') name = `${o.metadata.name}-${i}`;
      else if (kind === 'Deployment')
        name = `${o.metadata.name}-${hash}-${suffix}`;
      if (names.has(name)) continue;
      names.add(name);
      // a DaemonSet pod is bound to its node; other pods go to the scheduler when there is one
      const bind = kind === 'DaemonSet' || !hasKubelet ? node : undefined;
      current.push(this.createPod(o, template, hash, name, bind, !hasKubelet));
    }
    for (const pod of current.slice(wanted))
      this.cluster.store.delete(
        '',
        'pods',
        pod.metadata.namespace,
        pod.metadata.name,
      );
    this.writeStatus(resource, o);
  }

  private createPod(
    o: KubeObject,
    template: Template,
    hash: string,
    name: string,
    node: KubeObject | undefined,
    run: boolean,
  ): KubeObject {
    const kind = o.kind ?? '';
    const at = now();
    const running = run && node !== undefined;
    const spec = { ...(template.spec ?? {}) } as Record<string, unknown>;
    if (node) spec.nodeName = node.metadata.name;
    const containers =
      (spec.containers as Array<{ name: string; image?: string }>) ?? [];
    return this.cluster.store.create('', 'pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: o.metadata.namespace,
        labels: {
          ...(template.metadata?.labels ?? {}),
          'pod-template-hash': hash,
        },
        annotations: { 'kube-sim/owner': `${kind}/${o.metadata.name}` },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind,
            name: o.metadata.name,
            uid: o.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec,
      status: running
        ? {
            phase: 'Running',
            hostIP: (node!.status as { addresses?: Array<{ address: string }> })
              ?.addresses?.[0]?.address,
            podIP: podIpFor(Math.floor(Math.random() * 60000)),
            startTime: at,
            conditions: [
              'PodScheduled',
              'Initialized',
              'ContainersReady',
              'Ready',
            ].map(type => ({
              type,
              status: 'True',
              lastTransitionTime: at,
            })),
            containerStatuses: containers.map(c => ({
              name: c.name,
              image: c.image,
              ready: true,
              started: true,
              restartCount: 0,
              state: { running: { startedAt: at } },
            })),
          }
        : { phase: 'Pending' },
    });
  }

  private writeStatus(resource: string, stale: KubeObject) {
    const o = this.current(resource, stale);
    if (!o) return;
    const pods = this.podsOf(o);
    const ready = pods.filter(isReady).length;
    const total = pods.length;
    const generation = o.metadata.generation;
    const spec = o.spec as { replicas?: number } | undefined;
    let status: Record<string, unknown>;
    if (resource === 'daemonsets') {
      status = {
        observedGeneration: generation,
        desiredNumberScheduled: total,
        currentNumberScheduled: total,
        updatedNumberScheduled: total,
        numberReady: ready,
        numberAvailable: ready,
        ...(total - ready ? { numberUnavailable: total - ready } : {}),
        numberMisscheduled: 0,
      };
    } else {
      const desired = spec?.replicas ?? 1;
      status = {
        observedGeneration: generation,
        replicas: total,
        updatedReplicas: total,
        readyReplicas: ready,
        availableReplicas: ready,
        ...(resource === 'statefulsets' ? { currentReplicas: total } : {}),
        ...(resource !== 'statefulsets' && total > ready
          ? { unavailableReplicas: total - ready }
          : {}),
      };
      if (resource === 'deployments') {
        const at = now();
        const available = ready >= desired;
        status.conditions = [
          {
            type: 'Available',
            status: available ? 'True' : 'False',
            reason: available
              ? 'MinimumReplicasAvailable'
              : 'MinimumReplicasUnavailable',
            message: available
              ? 'Deployment has minimum availability.'
              : 'Deployment does not have minimum availability.',
            lastUpdateTime: at,
            lastTransitionTime: at,
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: available ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
            message: `ReplicaSet "${o.metadata.name}" ${
              available ? 'has successfully progressed' : 'is progressing'
            }.`,
            lastUpdateTime: at,
            lastTransitionTime: at,
          },
        ];
      }
    }
    const { observedGeneration: _seen, ...rest } = status;
    const { observedGeneration: _was, ...before } = (o.status ?? {}) as Record<
      string,
      unknown
    >;
    if (JSON.stringify(stripTimes(before)) === JSON.stringify(stripTimes(rest)))
      return;
    this.cluster.store.update('apps', resource, { ...o, status });
  }
}
