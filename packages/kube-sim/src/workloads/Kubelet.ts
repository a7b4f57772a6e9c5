import type { KubeObject } from '../types';
import type { StoreChange } from '../store/ClusterStore';
import type { PodLogAnswer } from '../api/RequestHandler';
import {
  WorkloadController,
  nowTimestamp,
  withCondition,
} from './WorkloadController';
import { recordEvent } from './recordEvent';
import {
  containerRequests,
  isActivePod,
  specOf,
  type Container,
} from './podResources';
import { gpusOfNode, poolOfNode, type NodeGpu } from './nodeDevices';
import { runProgram, type ProgramResult } from './runProgram';
import {
  allocationOf,
  claimNamesOfPod,
  deviceAttribute,
  RESOURCE_GROUP,
} from './resourceClaims';

type ContainerRun = {
  name: string;
  result?: ProgramResult;
  startedAt?: string;
  finishedAt?: string;
};

type Tracked = {
  pod: KubeObject;
  node: string;
  /** GPU indices the device plugin granted, per container. */
  grants: Map<string, number[]>;
  runs: Map<string, ContainerRun>;
};

/** How a pod's log request is answered. */
export type LogAnswer = PodLogAnswer;

const SANDBOX_PREFIXES = ['kata'];

/**
 * The node side: starts bound pods after `startDelayMs`, runs each container's program against
 * what the container sees (its devices, its kernel), and keeps their output for `pods/log`.
 */
export class Kubelet extends WorkloadController {
  readonly name = 'kubelet';
  private readonly pods = new Map<string, Tracked>();

  protected interested(c: StoreChange): boolean {
    return c.group === '' && c.resource === 'pods';
  }

  /** What `pods/log` answers for one container of a pod this kubelet runs. */
  log(pod: KubeObject, container: string): LogAnswer {
    const tracked = this.pods.get(String(pod.metadata.uid));
    if (!tracked) return { kind: 'unknown' };
    const run = tracked.runs.get(container);
    if (!run?.result) return { kind: 'waiting', reason: 'ContainerCreating' };
    return { kind: 'text', text: run.result.stdout };
  }

  /**
   * The metrics the running containers of a pod expose (undefined when this kubelet does not run
   * it); a container that ended exposes nothing.
   */
  exposedMetrics(pod: KubeObject): Record<string, number> | undefined {
    const tracked = this.pods.get(String(pod.metadata.uid));
    if (!tracked) return undefined;
    const out: Record<string, number> = {};
    for (const run of tracked.runs.values())
      if (run.result?.metrics && !run.finishedAt)
        Object.assign(out, run.result.metrics);
    return out;
  }

  protected pass(): void {
    const seen = new Set<string>();
    for (const pod of this.listAdded('', 'pods')) {
      const uid = String(pod.metadata.uid);
      seen.add(uid);
      const nodeName = specOf(pod).nodeName;
      if (!nodeName || this.pods.has(uid) || !isActivePod(pod)) continue;
      this.admit(pod, nodeName);
    }
    for (const [uid, t] of this.pods) {
      if (!seen.has(uid)) this.pods.delete(uid);
      else {
        const current = this.store.get(
          '',
          'pods',
          t.pod.metadata.namespace,
          t.pod.metadata.name,
        );
        if (current && !isActivePod(current)) t.grants.clear();
      }
    }
  }

  private admit(pod: KubeObject, nodeName: string) {
    const tracked: Tracked = {
      pod,
      node: nodeName,
      grants: new Map(),
      runs: new Map(),
    };
    this.pods.set(String(pod.metadata.uid), tracked);
    const node = this.store.get('', 'nodes', undefined, nodeName);
    if (node) this.grantDevices(tracked, node);
    const containers = specOf(pod).containers ?? [];
    this.patchStatus(pod, s => ({
      ...s,
      phase: 'Pending',
      hostIP: this.hostIp(node),
      startTime: nowTimestamp(),
      containerStatuses: containers.map(c => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
      })),
    }));
    this.after(this.settings.startDelayMs, () => this.startPod(tracked));
  }

  private hostIp(node: KubeObject | undefined): string | undefined {
    const addresses = (
      node?.status as { addresses?: Array<{ type: string; address: string }> }
    )?.addresses;
    return addresses?.find(a => a.type === 'InternalIP')?.address;
  }

  /** The device plugin's Allocate: distinct GPUs of the node per container limit. */
  private grantDevices(t: Tracked, node: KubeObject) {
    const resource = this.settings.acceleratorResource;
    const gpus = gpusOfNode(this.cluster.model.scenario, node, resource);
    const busy = new Set<number>();
    for (const other of this.pods.values())
      if (other !== t && other.node === t.node)
        for (const list of other.grants.values())
          list.forEach(i => busy.add(i));
    // GPUs held by the scenario's own pods on this node come first.
    let baseHeld = 0;
    for (const p of this.list('', 'pods')) {
      if (specOf(p).nodeName !== t.node || !isActivePod(p)) continue;
      if (this.store.isAdded('', 'pods', p.metadata.namespace, p.metadata.name))
        continue;
      for (const c of specOf(p).containers ?? [])
        baseHeld += containerRequests(c)[resource] ?? 0;
    }
    for (let i = 0; i < baseHeld && i < gpus.length; i++) busy.add(i);
    for (const c of specOf(t.pod).containers ?? []) {
      const want = containerRequests(c)[resource] ?? 0;
      if (!want) continue;
      const free = gpus
        .map(g => g.index)
        .filter(i => !busy.has(i))
        .slice(0, want);
      free.forEach(i => busy.add(i));
      t.grants.set(c.name, free);
    }
  }

  /** What a container sees: its grants (device plugin and DRA), or the whole node when isolation leaks. */
  private visibleGpus(
    t: Tracked,
    c: Container,
    node: KubeObject | undefined,
  ): NodeGpu[] {
    if (!node) return [];
    const scenario = this.cluster.model.scenario;
    const all = gpusOfNode(scenario, node, this.settings.acceleratorResource);
    if (this.settings.isolation === 'leaks') {
      const dra = this.draGpus(t, node, undefined);
      return all.length ? all : dra;
    }
    const granted = (t.grants.get(c.name) ?? [])
      .map(i => all[i])
      .filter(Boolean);
    return [...granted, ...this.draGpus(t, node, c)];
  }

  /** GPUs of the DRA claims a container names (every claim of the pod when `c` is undefined). */
  private draGpus(
    t: Tracked,
    node: KubeObject,
    c: Container | undefined,
  ): NodeGpu[] {
    const names = claimNamesOfPod(t.pod);
    const wanted = c
      ? (c.resources?.claims ?? []).map(x => x.name)
      : [...names.keys()];
    const model =
      poolOfNode(this.cluster.model.scenario, node)?.gpuModel ?? 'NVIDIA GPU';
    const out: NodeGpu[] = [];
    const current =
      this.store.get(
        '',
        'pods',
        t.pod.metadata.namespace,
        t.pod.metadata.name,
      ) ?? t.pod;
    const currentNames = claimNamesOfPod(current);
    for (const podClaim of wanted) {
      const claimName = currentNames.get(podClaim);
      const claim = claimName
        ? this.store.get(
            RESOURCE_GROUP,
            'resourceclaims',
            t.pod.metadata.namespace,
            claimName,
          )
        : undefined;
      for (const r of allocationOf(claim) ?? []) {
        const uuid = deviceAttribute(this.store, node.metadata.name, r, 'uuid');
        const index = deviceAttribute(
          this.store,
          node.metadata.name,
          r,
          'index',
        );
        out.push({
          index: typeof index === 'number' ? index : out.length,
          model,
          uuid: typeof uuid === 'string' ? uuid : `GPU-${r.device}`,
        });
      }
    }
    return out;
  }

  /** `uname -r`: the sandbox's kernel under a sandbox RuntimeClass, else the node's. */
  private kernelOf(
    pod: KubeObject,
    node: KubeObject | undefined,
  ): string | { error: string } {
    const nodeKernel =
      (node?.status as { nodeInfo?: { kernelVersion?: string } })?.nodeInfo
        ?.kernelVersion ?? '';
    const className = specOf(pod).runtimeClassName;
    if (!className) return nodeKernel;
    const rc = this.store.get(
      'node.k8s.io',
      'runtimeclasses',
      undefined,
      className,
    );
    if (!rc)
      return { error: `runtimeclass.node.k8s.io "${className}" not found` };
    const handler = String(rc.handler ?? '');
    const kernels = this.settings.sandboxKernels;
    const key =
      handler in kernels
        ? handler
        : SANDBOX_PREFIXES.find(p => handler.startsWith(p) && p in kernels);
    if (!key || this.settings.sandbox === 'shared-kernel') return nodeKernel;
    return kernels[key];
  }

  private startPod(t: Tracked) {
    const pod = this.fresh('', 'pods', t.pod);
    if (!pod) return;
    t.pod = pod;
    const node = this.store.get('', 'nodes', undefined, t.node);
    const kernel = this.kernelOf(pod, node);
    if (typeof kernel !== 'string') {
      recordEvent(this.store, pod, {
        type: 'Warning',
        reason: 'FailedCreatePodSandBox',
        message: `Failed to create pod sandbox: ${kernel.error}`,
        component: 'kubelet',
      });
      return;
    }
    const at = nowTimestamp();
    for (const c of specOf(pod).containers ?? []) {
      const argv = [...(c.command ?? []), ...(c.args ?? [])];
      const result = runProgram(argv, {
        gpus: this.visibleGpus(t, c, node),
        kernel,
      });
      t.runs.set(c.name, {
        name: c.name,
        result,
        startedAt: at,
        finishedAt: result.runMs === 0 ? at : undefined,
      });
      if (!result.reason) {
        recordEvent(this.store, pod, {
          reason: 'Pulled',
          message: `Container image "${c.image}" already present on machine`,
          component: 'kubelet',
        });
        recordEvent(this.store, pod, {
          reason: 'Created',
          message: `Created container: ${c.name}`,
          component: 'kubelet',
        });
        recordEvent(this.store, pod, {
          reason: 'Started',
          message: `Started container ${c.name}`,
          component: 'kubelet',
        });
      } else {
        recordEvent(this.store, pod, {
          type: 'Warning',
          reason: 'Failed',
          message: `Error: ${result.message}`,
          component: 'kubelet',
        });
      }
      if (result.runMs)
        this.after(result.runMs, () => {
          const run = t.runs.get(c.name);
          if (run) run.finishedAt = nowTimestamp();
          this.writeContainers(t);
        });
    }
    this.writeContainers(t);
  }

  /** Writes container states and the pod phase from the runs. */
  private writeContainers(t: Tracked) {
    const pod = this.fresh('', 'pods', t.pod);
    if (!pod) return;
    const spec = specOf(pod);
    const policy = spec.restartPolicy ?? 'Always';
    const statuses = (spec.containers ?? []).map(c => {
      const run = t.runs.get(c.name);
      const r = run?.result;
      const base = {
        name: c.name,
        image: c.image,
        imageID: c.image ? `${c.image}@sha256:${'0'.repeat(64)}` : '',
        containerID: `containerd://${String(pod.metadata.uid).replace(
          /-/g,
          '',
        )}${c.name.length}`,
      };
      if (!r || !run)
        return {
          ...base,
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        };
      if (!run.finishedAt)
        return {
          ...base,
          ready: true,
          restartCount: 0,
          started: true,
          state: { running: { startedAt: run.startedAt } },
        };
      const terminated = {
        exitCode: r.exitCode,
        reason: r.reason ?? (r.exitCode === 0 ? 'Completed' : 'Error'),
        ...(r.message ? { message: r.message } : {}),
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
      };
      const restarts =
        policy === 'Always' || (policy === 'OnFailure' && r.exitCode !== 0);
      if (restarts)
        return {
          ...base,
          ready: false,
          restartCount: 1,
          started: false,
          lastState: { terminated },
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 10s restarting failed container=${
                c.name
              } pod=${pod.metadata.name}_${pod.metadata.namespace}(${String(
                pod.metadata.uid,
              )})`,
            },
          },
        };
      return {
        ...base,
        ready: false,
        restartCount: 0,
        started: false,
        state: { terminated },
      };
    });
    const terminated = statuses.filter(s => 'terminated' in s.state);
    const allDone =
      statuses.length > 0 && terminated.length === statuses.length;
    const failed = terminated.some(
      s =>
        (s.state as { terminated: { exitCode: number } }).terminated
          .exitCode !== 0,
    );
    let phase = 'Running';
    if (allDone) phase = failed ? 'Failed' : 'Succeeded';
    const ready = statuses.every(s => s.ready);
    this.patchStatus(pod, s => {
      let conditions = withCondition(s.conditions, {
        type: 'Initialized',
        status: 'True',
      });
      conditions = withCondition(conditions, {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        ...(ready
          ? {}
          : { reason: allDone ? 'PodCompleted' : 'ContainersNotReady' }),
      });
      conditions = withCondition(conditions, {
        type: 'ContainersReady',
        status: ready ? 'True' : 'False',
        ...(ready
          ? {}
          : { reason: allDone ? 'PodCompleted' : 'ContainersNotReady' }),
      });
      return {
        ...s,
        phase,
        conditions,
        podIP: s.podIP ?? this.podIp(pod),
        containerStatuses: statuses,
      };
    });
    if (allDone) t.grants.clear();
  }

  private podIp(pod: KubeObject): string {
    const h = String(pod.metadata.uid).replace(/[^0-9a-f]/g, '');
    return `10.${64 + (parseInt(h.slice(0, 2), 16) % 8)}.${parseInt(
      h.slice(2, 4),
      16,
    )}.${2 + (parseInt(h.slice(4, 6), 16) % 250)}`;
  }

  private patchStatus(
    pod: KubeObject,
    f: (s: Record<string, unknown>) => Record<string, unknown>,
  ) {
    const current = this.fresh('', 'pods', pod);
    if (!current) return;
    this.store.update('', 'pods', {
      ...current,
      status: f((current.status ?? {}) as Record<string, unknown>),
    });
  }
}
