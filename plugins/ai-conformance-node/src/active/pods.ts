import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { ActiveObject } from './KubeOps';
import type { ActiveCheckContext, ActivePermission } from './types';

/** What a check that runs pods and reads their output needs in its namespace. */
export const POD_PERMISSIONS: ActivePermission[] = [
  {
    group: '',
    resource: 'pods',
    verbs: ['create', 'get', 'delete'],
    scope: 'run',
  },
  {
    group: '',
    resource: 'pods',
    subresource: 'log',
    verbs: ['get'],
    scope: 'run',
  },
];

/** The NVIDIA device plugin's resource (what nvidia-smi lists). */
export const NVIDIA_GPU = 'nvidia.com/gpu';

/** Small requests: every test container asks for this much. */
export const SMALL_REQUESTS = { cpu: '10m', memory: '16Mi' };

/** Tolerates every taint (accelerator and sandbox pools are tainted). */
export const TOLERATE_ALL = [{ operator: 'Exists' }];

export interface ContainerSpec {
  name: string;
  image: string;
  command: string[];
  /** Extended-resource limits, e.g. `{ 'nvidia.com/gpu': '1' }`. */
  limits?: Record<string, string>;
  /** Requests beyond the small defaults. */
  requests?: Record<string, string>;
  /** DRA claim names of the pod this container uses. */
  claims?: string[];
}

export interface PodSpecInput {
  containers: ContainerSpec[];
  nodeSelector?: Record<string, string>;
  tolerations?: unknown[];
  runtimeClassName?: string;
  resourceClaims?: Array<{ name: string; resourceClaimName: string }>;
  labels?: Record<string, string>;
}

/** The container part of a pod spec (also a Job's template). */
export function podSpec(input: PodSpecInput): Record<string, unknown> {
  return {
    restartPolicy: 'Never',
    terminationGracePeriodSeconds: 1,
    automountServiceAccountToken: false,
    ...(input.nodeSelector ? { nodeSelector: input.nodeSelector } : {}),
    tolerations: input.tolerations ?? TOLERATE_ALL,
    ...(input.runtimeClassName
      ? { runtimeClassName: input.runtimeClassName }
      : {}),
    ...(input.resourceClaims ? { resourceClaims: input.resourceClaims } : {}),
    containers: input.containers.map(c => ({
      name: c.name,
      image: c.image,
      command: c.command,
      resources: {
        requests: { ...SMALL_REQUESTS, ...c.requests, ...c.limits },
        limits: { ...(c.requests ?? SMALL_REQUESTS), ...c.limits },
        ...(c.claims ? { claims: c.claims.map(name => ({ name })) } : {}),
      },
      securityContext: { allowPrivilegeEscalation: false },
    })),
  };
}

/** A labelled test pod in the run's namespace. */
export function buildPod(
  ctx: ActiveCheckContext,
  name: string,
  input: PodSpecInput,
): ActiveObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ctx.namespace,
      labels: { ...ctx.labels, ...input.labels },
    },
    spec: podSpec(input),
  };
}

export function podsPath(namespace: string): string {
  return `/api/v1/namespaces/${namespace}/pods`;
}

/** One phrase: phase, and why a pending pod waits. */
export function describePod(pod: ActiveObject | undefined): string {
  if (!pod) return 'not found';
  const phase = pod.status?.phase ?? 'Pending';
  const scheduled = (pod.status?.conditions ?? []).find(
    (c: any) => c.type === 'PodScheduled',
  );
  if (scheduled?.status === 'False') {
    return `${phase} (${scheduled.reason ?? 'not scheduled'}: ${
      scheduled.message ?? ''
    })`;
  }
  const node = pod.spec?.nodeName ? ` on ${pod.spec.nodeName}` : '';
  return `${phase}${node}`;
}

export function isDone(pod: ActiveObject | undefined): boolean {
  const phase = pod?.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function isUnschedulable(pod: ActiveObject | undefined): boolean {
  return (pod?.status?.conditions ?? []).some(
    (c: any) =>
      c.type === 'PodScheduled' &&
      c.status === 'False' &&
      c.reason === 'Unschedulable',
  );
}

/** Waits until the pod's containers have all ended; inconclusive at the deadline. */
export async function waitForPodDone(
  ctx: ActiveCheckContext,
  name: string,
): Promise<ActiveObject> {
  let last: ActiveObject | undefined;
  return ctx.kube.waitFor(
    `pod ${name} to finish`,
    async () => {
      last = await ctx.kube.get(`${podsPath(ctx.namespace)}/${name}`);
      return isDone(last) ? last : undefined;
    },
    () => describePod(last),
  );
}

/** Waits until the pod is bound to a node; inconclusive at the deadline. */
export async function waitForPodBound(
  ctx: ActiveCheckContext,
  name: string,
): Promise<ActiveObject> {
  let last: ActiveObject | undefined;
  return ctx.kube.waitFor(
    `pod ${name} to be scheduled`,
    async () => {
      last = await ctx.kube.get(`${podsPath(ctx.namespace)}/${name}`);
      return last?.spec?.nodeName ? last : undefined;
    },
    () => describePod(last),
  );
}

/** Exit code of a container, when it terminated. */
export function exitCode(
  pod: ActiveObject,
  container: string,
): number | undefined {
  const status = (pod.status?.containerStatuses ?? []).find(
    (s: any) => s.name === container,
  );
  const code = status?.state?.terminated?.exitCode;
  return typeof code === 'number' ? code : undefined;
}

/** The first lines of a log, short enough for a report. */
export function excerpt(text: string, maxLines = 6, maxChars = 400): string {
  const lines = text
    .replace(/\r/g, '')
    .trimEnd()
    .split('\n')
    .slice(0, maxLines);
  const joined = lines.join('\n');
  return joined.length > maxChars ? `${joined.slice(0, maxChars)}…` : joined;
}

/** Evidence of what one container printed. */
export function logEvidence(
  pod: ActiveObject,
  container: string,
  log: string,
  description: string,
): Evidence {
  const code = exitCode(pod, container);
  return {
    description,
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
    },
    fields: {
      container,
      ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}),
      ...(code !== undefined ? { exitCode: code } : {}),
      log: excerpt(log),
    },
  };
}

/** A node selector pinning a pod to one node. */
export function onNode(node: ActiveObject): Record<string, string> {
  const hostname = node.metadata.labels?.['kubernetes.io/hostname'];
  return { 'kubernetes.io/hostname': hostname ?? node.metadata.name };
}

export function isReady(node: ActiveObject): boolean {
  return (node.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
}

/** Units of an extended resource a node has not yet given to running or pending pods. */
export async function freeOn(
  ctx: ActiveCheckContext,
  node: ActiveObject,
  resource: string,
): Promise<number> {
  if (!isReady(node) || node.spec?.unschedulable) return 0;
  const pods = await ctx.kube.list('/api/v1/pods', {
    fieldSelector: `spec.nodeName=${node.metadata.name}`,
  });
  let used = 0;
  for (const p of pods) {
    if (['Succeeded', 'Failed'].includes(p.status?.phase)) continue;
    for (const c of p.spec?.containers ?? []) {
      used += Number(
        c.resources?.requests?.[resource] ??
          c.resources?.limits?.[resource] ??
          0,
      );
    }
  }
  return Math.max(0, Number(node.status?.allocatable?.[resource] ?? 0) - used);
}
