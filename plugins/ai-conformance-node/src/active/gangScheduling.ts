import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import { ActiveInconclusive, ActiveObject } from './KubeOps';
import { freeOn, NVIDIA_GPU as GPU, podSpec } from './pods';
import type { ActiveCheck, ActiveCheckContext } from './types';

const ID = 'gang_scheduling';
const KUEUE = 'kueue.x-k8s.io';
const QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
const GANG_LABEL = 'ai-conformance.io/gang';
const TOO_BIG = 'aic-gang-too-big';
const FITS = 'aic-gang-fits';
const OWN_QUEUE = 'aic-queue';
/** Quota of the ClusterQueue the check makes: the too-big gang needs 1.5 CPU. */
const OWN_QUOTA_MILLICPU = 1000;

interface Queue {
  namespace: string;
  name: string;
  version: string;
  /** CPU quota in millicores the gangs are sized against. */
  quotaMilliCpu: number;
  own: boolean;
  /** Accelerators the queue admits (own queue on a cluster with free ones). */
  accelerators?: { resource: string; quota: number };
}

/** Millicores of a CPU quantity ('1', '500m', 2). */
export function milliCpu(value: unknown): number | undefined {
  const text = String(value ?? '').trim();
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) : Math.round(Number(m[1]) * 1000);
}

function runName(ctx: ActiveCheckContext): string {
  return ctx.namespace; // aic-run-<8>: unique per run, valid for any kind
}

async function ownQueue(
  ctx: ActiveCheckContext,
  version: string,
  accelerators?: Queue['accelerators'],
): Promise<Queue> {
  const base = `/apis/${KUEUE}/${version}`;
  const name = runName(ctx);
  ctx.step(
    'queue',
    `creating ResourceFlavor, ClusterQueue ${name} and LocalQueue ${OWN_QUEUE}`,
  );
  await ctx.kube.create(`${base}/resourceflavors`, {
    apiVersion: `${KUEUE}/${version}`,
    kind: 'ResourceFlavor',
    metadata: { name, labels: ctx.labels },
    spec: {},
  });
  await ctx.kube.create(`${base}/clusterqueues`, {
    apiVersion: `${KUEUE}/${version}`,
    kind: 'ClusterQueue',
    metadata: { name, labels: ctx.labels },
    spec: {
      namespaceSelector: {
        matchLabels: { 'ai-conformance.io/run-id': ctx.runId },
      },
      queueingStrategy: 'BestEffortFIFO',
      resourceGroups: [
        {
          coveredResources: [
            'cpu',
            'memory',
            ...(accelerators ? [accelerators.resource] : []),
          ],
          flavors: [
            {
              name,
              resources: [
                { name: 'cpu', nominalQuota: `${OWN_QUOTA_MILLICPU}m` },
                { name: 'memory', nominalQuota: '1Gi' },
                ...(accelerators
                  ? [
                      {
                        name: accelerators.resource,
                        nominalQuota: String(accelerators.quota),
                      },
                    ]
                  : []),
              ],
            },
          ],
        },
      ],
    },
  });
  await ctx.kube.create(`${base}/namespaces/${ctx.namespace}/localqueues`, {
    apiVersion: `${KUEUE}/${version}`,
    kind: 'LocalQueue',
    metadata: { name: OWN_QUEUE, namespace: ctx.namespace, labels: ctx.labels },
    spec: { clusterQueue: name },
  });
  return {
    namespace: ctx.namespace,
    name: OWN_QUEUE,
    version,
    quotaMilliCpu: OWN_QUOTA_MILLICPU,
    own: true,
    accelerators,
  };
}

async function configuredQueue(
  ctx: ActiveCheckContext,
  version: string,
  ref: string,
): Promise<Queue> {
  const [namespace, name] = ref.split('/');
  const base = `/apis/${KUEUE}/${version}`;
  const lq = await ctx.kube.get(
    `${base}/namespaces/${namespace}/localqueues/${name}`,
  );
  if (!lq) throw new ActiveInconclusive(`LocalQueue ${ref} does not exist`);
  const cqName = lq.spec?.clusterQueue;
  const cq = cqName
    ? await ctx.kube.get(`${base}/clusterqueues/${cqName}`)
    : undefined;
  if (!cq) {
    throw new ActiveInconclusive(
      `ClusterQueue ${cqName ?? '(none)'} of LocalQueue ${ref} does not exist`,
    );
  }
  let quota: number | undefined;
  for (const group of cq.spec?.resourceGroups ?? []) {
    for (const flavor of group.flavors ?? []) {
      for (const r of flavor.resources ?? []) {
        if (r.name === 'cpu' && quota === undefined)
          quota = milliCpu(r.nominalQuota);
      }
    }
  }
  if (!quota) {
    throw new ActiveInconclusive(
      `ClusterQueue ${cqName} has no CPU quota to size the gangs against`,
    );
  }
  return { namespace, name, version, quotaMilliCpu: quota, own: false };
}

/** Free NVIDIA GPUs of the cluster, when there are some (at most 15). */
async function freeAccelerators(
  ctx: ActiveCheckContext,
): Promise<Queue['accelerators']> {
  const nodes = await ctx.kube.list('/api/v1/nodes');
  let free = 0;
  for (const node of nodes) {
    if (Number(node.status?.allocatable?.[GPU] ?? 0) > 0) {
      free += await freeOn(ctx, node, GPU);
    }
  }
  return free >= 1 && free < 16 ? { resource: GPU, quota: free } : undefined;
}

function gangJob(
  ctx: ActiveCheckContext,
  queue: Queue,
  name: string,
  members: number,
  resources: {
    requests: Record<string, string>;
    limits?: Record<string, string>;
  },
  seconds: number,
): ActiveObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: queue.namespace,
      labels: { ...ctx.labels, [QUEUE_LABEL]: queue.name },
    },
    spec: {
      suspend: true,
      parallelism: members,
      completions: members,
      backoffLimit: 0,
      template: {
        metadata: { labels: { ...ctx.labels, [GANG_LABEL]: name } },
        spec: podSpec({
          containers: [
            {
              name: 'member',
              image: ctx.images.toolbox,
              command: ['sleep', String(seconds)],
              requests: resources.requests,
              limits: resources.limits,
            },
          ],
        }),
      },
    },
  };
}

async function gangPods(ctx: ActiveCheckContext, queue: Queue, job: string) {
  return ctx.kube.list(`/api/v1/namespaces/${queue.namespace}/pods`, {
    labelSelector: `${GANG_LABEL}=${job}`,
  });
}

async function workloadOf(
  ctx: ActiveCheckContext,
  queue: Queue,
  job: string,
): Promise<ActiveObject | undefined> {
  const items = await ctx.kube.list(
    `/apis/${KUEUE}/${queue.version}/namespaces/${queue.namespace}/workloads`,
  );
  return items.find(w =>
    (w.metadata.ownerReferences ?? []).some(
      o => o.kind === 'Job' && o.name === job,
    ),
  );
}

function conditionText(w: ActiveObject | undefined): string {
  if (!w) return 'no Workload';
  const conds = (w.status?.conditions ?? []).filter((c: any) =>
    ['QuotaReserved', 'Admitted'].includes(c.type),
  );
  if (conds.length === 0)
    return `Workload ${w.metadata.name}: no admission condition yet`;
  return `Workload ${w.metadata.name}: ${conds
    .map(
      (c: any) => `${c.type}=${c.status}${c.message ? ` (${c.message})` : ''}`,
    )
    .join(', ')}`;
}

const running = (p: ActiveObject) => p.status?.phase === 'Running';
const started = (p: ActiveObject) =>
  ['Running', 'Succeeded'].includes(p.status?.phase);

function podStates(pods: ActiveObject[]): string {
  return pods
    .map(p => `${p.metadata.name} ${p.status?.phase ?? 'Pending'}`)
    .join(', ');
}

/**
 * gang_scheduling with Kueue: a gang larger than the queue's quota never
 * partially runs (no member Running while others wait); a gang that fits
 * starts all its members (NegativeGangScheduling / PositiveGangScheduling).
 *
 * @public
 */
export const gangSchedulingActive: ActiveCheck = {
  id: ID,
  creates: [
    'ResourceFlavor and ClusterQueue named like the run namespace (1 CPU quota, only for the run namespace) and LocalQueue aic-queue, unless a LocalQueue is configured',
    `Job ${TOO_BIG}: one member more than the cluster's free NVIDIA GPUs, each asking for one (the run's queue admits exactly the free ones); without free GPUs, 3 members of just over half the CPU quota each; sleeping`,
    `Job ${FITS}: 2 members of 100m CPU each, sleeping`,
  ],
  permissions: [
    {
      group: KUEUE,
      resource: 'resourceflavors',
      verbs: ['create', 'get', 'list', 'delete'],
      scope: 'cluster',
    },
    {
      group: KUEUE,
      resource: 'clusterqueues',
      verbs: ['create', 'get', 'list', 'delete'],
      scope: 'cluster',
    },
    {
      group: KUEUE,
      resource: 'localqueues',
      verbs: ['create', 'get', 'delete'],
      scope: 'run',
    },
    { group: KUEUE, resource: 'workloads', verbs: ['list'], scope: 'run' },
    {
      group: 'batch',
      resource: 'jobs',
      verbs: ['create', 'get', 'delete'],
      scope: 'run',
    },
    { group: 'batch', resource: 'jobs', verbs: ['list'], scope: 'all' },
    { group: '', resource: 'pods', verbs: ['list'], scope: 'run' },
  ],
  deadlineMs: 5 * 60_000,
  async run(ctx) {
    const evidence: Evidence[] = [];
    ctx.step('detect', 'looking for Kueue');
    const group = await ctx.kube.get(`/apis/${KUEUE}`);
    const version: string | undefined = group?.preferredVersion?.version;
    if (!version) {
      throw new ActiveInconclusive(
        'Kueue (kueue.x-k8s.io) is not served; the active gang check drives Kueue only',
      );
    }
    const queue = ctx.options.localQueue
      ? await configuredQueue(ctx, version, ctx.options.localQueue)
      : await ownQueue(ctx, version, await freeAccelerators(ctx));
    evidence.push({
      description: `Gangs submitted to LocalQueue ${queue.namespace}/${
        queue.name
      } (${queue.own ? 'made for this run' : 'configured'}), CPU quota ${
        queue.quotaMilliCpu
      }m${
        queue.accelerators
          ? `, ${queue.accelerators.resource} quota ${queue.accelerators.quota} (the free ones)`
          : ''
      }`,
      fields: {
        localQueue: `${queue.namespace}/${queue.name}`,
        quotaMilliCpu: queue.quotaMilliCpu,
      },
    });
    const jobs = `/apis/batch/v1/namespaces/${queue.namespace}/jobs`;

    // Negative: more than the quota; no member may run. With free
    // accelerators the gang asks for one more than the cluster has free, so
    // a scheduler that admitted it anyway would run some members only.
    let members: number;
    let resources: Parameters<typeof gangJob>[4];
    if (queue.accelerators) {
      members = queue.accelerators.quota + 1;
      resources = {
        requests: { cpu: '10m', memory: '16Mi' },
        limits: { [queue.accelerators.resource]: '1' },
      };
      ctx.step(
        'negative',
        `Job ${TOO_BIG}: ${members} × one ${queue.accelerators.resource}, against ${queue.accelerators.quota} free and in quota`,
      );
    } else {
      members = 3;
      const perPod = Math.ceil((queue.quotaMilliCpu + 1) / (members - 1));
      resources = { requests: { cpu: `${perPod}m`, memory: '32Mi' } };
      ctx.step(
        'negative',
        `Job ${TOO_BIG}: ${members} × ${perPod}m CPU against ${queue.quotaMilliCpu}m`,
      );
    }
    await ctx.kube.create(
      jobs,
      gangJob(ctx, queue, TOO_BIG, members, resources, 300),
    );
    const observeMs = ctx.options.gangObserveMs ?? 10_000;
    let partial: ActiveObject[] | undefined;
    let allRan = false;
    let seen = 0;
    await ctx.kube.waitWithin(
      Math.min(observeMs, ctx.remainingMs() / 3),
      async () => {
        const pods = await gangPods(ctx, queue, TOO_BIG);
        seen = Math.max(seen, pods.length);
        const up = pods.filter(running);
        if (up.length > 0 && up.length < members) {
          partial = pods;
          return true;
        }
        if (up.length === members) {
          allRan = true;
          return true;
        }
        return undefined;
      },
    );
    const bigWorkload = await workloadOf(ctx, queue, TOO_BIG);
    evidence.push({
      description: `${TOO_BIG}: ${conditionText(bigWorkload)}`,
      object: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: TOO_BIG,
        namespace: queue.namespace,
      },
      fields: { members, podsCreated: seen },
    });
    if (partial) {
      const up = partial.filter(running).map(p => p.metadata.name);
      const waiting = partial
        .filter(p => !running(p))
        .map(p => p.metadata.name);
      const missing = members - partial.length;
      return {
        id: ID,
        status: 'fail',
        summary: `Gang ${TOO_BIG} ran partially: ${up.join(
          ', ',
        )} Running while ${[
          ...waiting,
          ...(missing > 0 ? [`${missing} member(s) not created`] : []),
        ].join(', ')} waited (${podStates(partial)}).`,
        evidence,
      };
    }
    if (allRan) {
      throw new ActiveInconclusive(
        `every member of ${TOO_BIG} ran although the gang exceeds the queue's quota: the quota is not enforced, so all-or-nothing admission could not be tested`,
      );
    }
    evidence.push({
      description: `NegativeGangScheduling: pass — no member of ${TOO_BIG} ran during ${Math.round(
        observeMs / 1000,
      )} s (${seen} pod(s) created)`,
      fields: { step: 'NegativeGangScheduling', outcome: 'pass' },
    });
    await ctx.kube.delete(`${jobs}/${TOO_BIG}`);

    // Positive: fits; every member starts.
    const fits = 2;
    ctx.step('positive', `Job ${FITS}: ${fits} × 100m CPU`);
    await ctx.kube.create(
      jobs,
      gangJob(
        ctx,
        queue,
        FITS,
        fits,
        { requests: { cpu: '100m', memory: '32Mi' } },
        60,
      ),
    );
    let last: ActiveObject[] = [];
    await ctx.kube.waitFor(
      `every member of ${FITS} to start`,
      async () => {
        last = await gangPods(ctx, queue, FITS);
        return last.length === fits && last.every(started) ? last : undefined;
      },
      () => `${podStates(last) || 'no pod'}`,
    );
    const fitsWorkload = await workloadOf(ctx, queue, FITS);
    evidence.push({
      description: `PositiveGangScheduling: pass — all ${fits} members of ${FITS} started (${podStates(
        last,
      )}); ${conditionText(fitsWorkload)}`,
      object: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: FITS,
        namespace: queue.namespace,
      },
      fields: { step: 'PositiveGangScheduling', outcome: 'pass' },
    });
    return {
      id: ID,
      status: 'pass',
      summary: `Kueue held back a gang larger than the quota (no member ran) and started every member of a gang that fits.`,
      evidence,
    };
  },
};
