import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import {
  isAcceleratorResource,
  POOL_LABELS,
  firstLabel,
} from '../accelerators/acceleratorLabels';
import { ActiveInconclusive, ActiveObject } from './KubeOps';
import {
  buildPod,
  describePod,
  freeOn,
  isReady,
  isUnschedulable,
  podsPath,
} from './pods';
import type { ActiveCheck, ActiveCheckContext } from './types';

const ID = 'cluster_autoscaling';
const POD_PREFIX = 'aic-scale-';
/** The most pods the check creates to exhaust a pool's free accelerators. */
export const MAX_SCALE_PODS = 16;

interface Pool {
  key: string;
  value: string;
  resource: string;
  nodes: ActiveObject[];
}

function acceleratorOf(node: ActiveObject): string | undefined {
  return Object.keys(node.status?.allocatable ?? {}).find(
    r => isAcceleratorResource(r) && Number(node.status.allocatable[r]) > 0,
  );
}

async function findPool(ctx: ActiveCheckContext): Promise<Pool> {
  const configured = ctx.options.autoscalingPool;
  let key: string;
  let value: string;
  if (configured) {
    const i = configured.indexOf('=');
    if (i <= 0) {
      throw new ActiveInconclusive(
        `autoscaling pool "${configured}" is not a node label key=value`,
      );
    }
    key = configured.slice(0, i);
    value = configured.slice(i + 1);
  } else {
    const nodes = await ctx.kube.list('/api/v1/nodes');
    const gpuNode = nodes.find(n => isReady(n) && acceleratorOf(n));
    const label =
      gpuNode && firstLabel(gpuNode.metadata.labels ?? {}, POOL_LABELS);
    if (!label) {
      throw new ActiveInconclusive(
        'no accelerator node with a pool label was found; name the autoscaled pool with a node label key=value (CLI --autoscaling-pool)',
      );
    }
    key = label.key;
    value = label.value;
  }
  const nodes = await ctx.kube.list('/api/v1/nodes', {
    labelSelector: `${key}=${value}`,
  });
  const resource = nodes.map(acceleratorOf).find(Boolean);
  if (!resource) {
    throw new ActiveInconclusive(
      nodes.length === 0
        ? `no node carries ${key}=${value}`
        : `the nodes of pool ${key}=${value} publish no accelerator resource`,
    );
  }
  return { key, value, resource, nodes };
}

/**
 * Deletes the test pods and waits for the added node to go: evidence
 * either way (scale-down timing is the autoscaler's policy, so not seeing
 * it within the deadline does not fail the scale-up that was seen).
 */
async function observeScaleDown(
  ctx: ActiveCheckContext,
  pool: Pool,
  added: ActiveObject,
  names: string[],
): Promise<Evidence> {
  ctx.step(
    'scale-down',
    `deleting the test pods, waiting for ${added.metadata.name} to go`,
  );
  for (const name of names)
    await ctx.kube.delete(`${podsPath(ctx.namespace)}/${name}`);
  const started = Date.now();
  const gone = await ctx.kube.waitWithin(ctx.remainingMs(), async () => {
    const nodes = await ctx.kube.list('/api/v1/nodes', {
      labelSelector: `${pool.key}=${pool.value}`,
    });
    return nodes.some(n => n.metadata.name === added.metadata.name)
      ? undefined
      : true;
  });
  const waited = Date.now() - started;
  return gone
    ? {
        description: `Scale-down: node ${added.metadata.name} left the pool ${
          Math.round(waited / 100) / 10
        } s after the test pods were deleted`,
        object: { apiVersion: 'v1', kind: 'Node', name: added.metadata.name },
        fields: { scaleDownMs: waited },
      }
    : {
        description: `Scale-down not observed: node ${
          added.metadata.name
        } was still in the pool ${Math.round(
          waited / 1000,
        )} s after the test pods were deleted (the autoscaler's scale-down delay may be longer than the check's deadline)`,
        object: { apiVersion: 'v1', kind: 'Node', name: added.metadata.name },
      };
}

/**
 * cluster_autoscaling: pods asking for more accelerators than the pool has
 * free stay pending only until the autoscaler adds a node to the pool.
 *
 * @public
 */
export const clusterAutoscalingActive: ActiveCheck = {
  id: ID,
  creates: [
    `Pods ${POD_PREFIX}0, ${POD_PREFIX}1, …: one more than the pool's free accelerators, each asking for one accelerator, pinned to the pool by its node label, sleeping (at most ${MAX_SCALE_PODS})`,
  ],
  permissions: [
    { group: '', resource: 'nodes', verbs: ['list'], scope: 'cluster' },
    { group: '', resource: 'pods', verbs: ['list'], scope: 'all' },
    { group: '', resource: 'pods', verbs: ['create', 'delete'], scope: 'run' },
    { group: '', resource: 'events', verbs: ['list'], scope: 'run' },
  ],
  deadlineMs: 15 * 60_000,
  async run(ctx) {
    const evidence: Evidence[] = [];
    ctx.step('detect', 'finding the autoscaled pool');
    const pool = await findPool(ctx);
    const before = new Set(pool.nodes.map(n => n.metadata.name));
    let free = 0;
    for (const node of pool.nodes)
      free += await freeOn(ctx, node, pool.resource);
    const count = free + 1;
    if (count > MAX_SCALE_PODS) {
      throw new ActiveInconclusive(
        `pool ${pool.key}=${pool.value} has ${free} free ${pool.resource}; exhausting it would take more than ${MAX_SCALE_PODS} pods`,
      );
    }
    evidence.push({
      description: `Pool ${pool.key}=${pool.value}: ${pool.nodes.length} node(s), ${free} free ${pool.resource}; ${count} pod(s) of one ${pool.resource} each`,
      fields: {
        pool: `${pool.key}=${pool.value}`,
        nodes: pool.nodes.length,
        free,
        pods: count,
      },
    });
    ctx.step(
      'create',
      `${count} pod(s) asking for one ${pool.resource} each on ${pool.key}=${pool.value}`,
    );
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = `${POD_PREFIX}${i}`;
      names.push(name);
      await ctx.kube.create(
        podsPath(ctx.namespace),
        buildPod(ctx, name, {
          nodeSelector: { [pool.key]: pool.value },
          containers: [
            {
              name: 'load',
              image: ctx.images.toolbox,
              command: ['sleep', '3600'],
              limits: { [pool.resource]: '1' },
            },
          ],
        }),
      );
    }
    const started = Date.now();
    ctx.step('wait', `waiting for a new node in ${pool.key}=${pool.value}`);
    let pending: ActiveObject[] = [];
    let sawUnschedulable = false;
    const added = await ctx.kube.waitWithin(ctx.remainingMs(), async () => {
      const pods = await ctx.kube.list(podsPath(ctx.namespace), {
        labelSelector: `ai-conformance.io/run-id=${ctx.runId}`,
      });
      pending = pods.filter(
        p => names.includes(p.metadata.name) && !p.spec?.nodeName,
      );
      if (pending.some(isUnschedulable)) sawUnschedulable = true;
      const nodes = await ctx.kube.list('/api/v1/nodes', {
        labelSelector: `${pool.key}=${pool.value}`,
      });
      return nodes.find(n => !before.has(n.metadata.name) && isReady(n));
    });
    const events = await ctx.kube
      .list(`/api/v1/namespaces/${ctx.namespace}/events`)
      .catch(() => [] as ActiveObject[]);
    const scaleEvents = events.filter(e =>
      /ScaleUp/.test(String(e.reason ?? '')),
    );
    for (const e of scaleEvents.slice(0, 5)) {
      evidence.push({
        description: `Event ${e.reason} on ${e.involvedObject?.kind ?? ''} ${
          e.involvedObject?.name ?? ''
        }: ${String(e.message ?? '').slice(0, 300)}`,
        fields: { reason: String(e.reason), type: String(e.type ?? '') },
      });
    }
    const waited = Date.now() - started;
    if (added) {
      evidence.push({
        description: `Node ${added.metadata.name} joined pool ${pool.key}=${
          pool.value
        } and is Ready after ${Math.round(waited / 100) / 10} s`,
        object: { apiVersion: 'v1', kind: 'Node', name: added.metadata.name },
        fields: { scaleUpMs: waited },
      });
      if (ctx.options.observeScaleDown) {
        evidence.push(await observeScaleDown(ctx, pool, added, names));
      }
      return {
        id: ID,
        status: 'pass',
        summary: `Pods beyond the free ${pool.resource} of pool ${pool.key}=${
          pool.value
        } brought a new node (${added.metadata.name}) in ${Math.round(
          waited / 1000,
        )} s.`,
        evidence,
      };
    }
    if (ctx.boundByRunDeadline()) {
      throw new ActiveInconclusive(
        `the run's deadline ended the wait for a new node after ${Math.round(
          waited / 1000,
        )} s`,
      );
    }
    if (!sawUnschedulable) {
      throw new ActiveInconclusive(
        `no test pod was reported Unschedulable (${
          pending
            .map(p => `${p.metadata.name}: ${describePod(p)}`)
            .join('; ') || 'all were scheduled'
        }): there was no demand for a new node`,
      );
    }
    const maxed = scaleEvents.find(
      e => e.reason === 'NotTriggerScaleUp' && /max/i.test(String(e.message)),
    );
    if (maxed) {
      throw new ActiveInconclusive(
        `the autoscaler did not scale up because the pool is at its maximum: ${maxed.message}`,
      );
    }
    return {
      id: ID,
      status: 'fail',
      summary: `No node was added to pool ${pool.key}=${
        pool.value
      } within ${Math.round(waited / 1000)} s while ${pending
        .map(p => `pod ${p.metadata.name} stayed ${describePod(p)}`)
        .join('; ')}.`,
      evidence,
    };
  },
};
