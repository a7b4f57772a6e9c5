import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import { getProbeDefinition } from '../probes/probeDefinitions';
import { classifyDryRun } from '../probes/runProbes';
import { ActiveInconclusive, ActiveObject } from './KubeOps';
import { podSpec } from './pods';
import { StepOutcome, verdictOfSteps } from './stepVerdict';
import type { ActiveCheck, ActiveCheckContext } from './types';

const ID = 'robust_controller';
const INVALID = 'aic-invalid';
const VALID = 'aic-valid';

/** An operator the check can drive: a valid object its controller reconciles. */
interface OperatorTarget {
  group: string;
  resource: string;
  kind: string;
  valid(ctx: ActiveCheckContext): Record<string, unknown>;
}

const container = (name: string, image: string) =>
  podSpec({ containers: [{ name, image, command: ['sleep', '30'] }] });

/** Operators in the order they are tried; the invalid objects are the dry-run probes'. */
export const ACTIVE_OPERATORS: OperatorTarget[] = [
  {
    group: 'ray.io',
    resource: 'rayclusters',
    kind: 'RayCluster',
    valid: ctx => ({
      rayVersion: '2.49.0',
      headGroupSpec: {
        rayStartParams: {},
        template: { spec: container('ray-head', ctx.images.ray) },
      },
      workerGroupSpecs: [],
    }),
  },
  {
    group: 'jobset.x-k8s.io',
    resource: 'jobsets',
    kind: 'JobSet',
    valid: ctx => ({
      replicatedJobs: [
        {
          name: 'workers',
          replicas: 1,
          template: {
            spec: {
              template: { spec: container('worker', ctx.images.toolbox) },
            },
          },
        },
      ],
    }),
  },
  {
    group: 'leaderworkerset.x-k8s.io',
    resource: 'leaderworkersets',
    kind: 'LeaderWorkerSet',
    valid: ctx => ({
      replicas: 1,
      leaderWorkerTemplate: {
        size: 1,
        workerTemplate: { spec: container('worker', ctx.images.toolbox) },
      },
    }),
  },
];

function body(
  ctx: ActiveCheckContext,
  op: OperatorTarget,
  version: string,
  name: string,
  spec: unknown,
): ActiveObject {
  return {
    apiVersion: `${op.group}/${version}`,
    kind: op.kind,
    metadata: { name, namespace: ctx.namespace, labels: ctx.labels },
    spec,
  };
}

async function servedOperator(
  ctx: ActiveCheckContext,
): Promise<{ op: OperatorTarget; version: string } | undefined> {
  for (const op of ACTIVE_OPERATORS) {
    const group = await ctx.kube.get(`/apis/${op.group}`);
    const version: string | undefined = group?.preferredVersion?.version;
    if (!version) continue;
    const resources = await ctx.kube.get(`/apis/${op.group}/${version}`);
    if ((resources?.resources ?? []).some((r: any) => r.name === op.resource)) {
      return { op, version };
    }
  }
  return undefined;
}

/**
 * robust_controller: a real create of an invalid custom resource is
 * rejected by the operator's webhook; a valid one is reconciled (the
 * controller writes its status) and goes away when deleted.
 *
 * @public
 */
export const robustControllerActive: ActiveCheck = {
  id: ID,
  creates: [
    `${ACTIVE_OPERATORS.map(o => o.kind).join(
      ' / ',
    )} ${INVALID}: invalid (the first served operator's), expected to be refused`,
    `${ACTIVE_OPERATORS.map(o => o.kind).join(
      ' / ',
    )} ${VALID}: valid, small, deleted after its status appears`,
  ],
  permissions: ACTIVE_OPERATORS.map(o => ({
    group: o.group,
    resource: o.resource,
    verbs: ['create', 'get', 'delete'],
    scope: 'run' as const,
  })),
  deadlineMs: 3 * 60_000,
  async run(ctx) {
    const evidence: Evidence[] = [];
    ctx.step('detect', 'looking for an AI operator');
    const served = await servedOperator(ctx);
    if (!served) {
      throw new ActiveInconclusive(
        `none of the operators the check can drive is served (${ACTIVE_OPERATORS.map(
          o => o.group,
        ).join(', ')})`,
      );
    }
    const { op, version } = served;
    const path = `/apis/${op.group}/${version}/namespaces/${ctx.namespace}/${op.resource}`;
    const subs: StepOutcome[] = [];

    ctx.step('invalid', `creating an invalid ${op.kind}`);
    const probe = getProbeDefinition(`robust_controller:${op.group}`);
    const invalidSpec =
      (probe?.build(version) as { spec?: unknown })?.spec ?? {};
    const answer = await ctx.kube.post(
      path,
      body(ctx, op, version, INVALID, invalidSpec),
    );
    const verdict = classifyDryRun(
      answer.status,
      JSON.stringify(answer.json ?? {}),
    );
    evidence.push({
      description: `Create of invalid ${op.kind} ${INVALID}: HTTP ${answer.status} — ${answer.message}`,
      object: {
        apiVersion: `${op.group}/${version}`,
        kind: op.kind,
        name: INVALID,
        namespace: ctx.namespace,
      },
      fields: { httpStatus: answer.status, outcome: verdict.outcome },
    });
    if (verdict.outcome === 'rejected') {
      subs.push({
        name: 'InvalidRejected',
        outcome: 'pass',
        detail: `the webhook refused the invalid ${op.kind}: ${answer.message}`,
      });
    } else if (verdict.outcome === 'accepted') {
      subs.push({
        name: 'InvalidRejected',
        outcome: 'fail',
        detail: `the invalid ${op.kind} ${INVALID} was stored: no admission webhook refused it`,
      });
      await ctx.kube.delete(`${path}/${INVALID}`);
    } else {
      subs.push({
        name: 'InvalidRejected',
        outcome: 'unknown',
        detail: verdict.message,
      });
    }

    ctx.step('valid', `creating a valid ${op.kind} and waiting for its status`);
    const started = Date.now();
    await ctx.kube.create(path, body(ctx, op, version, VALID, op.valid(ctx)));
    const window = Math.max(
      0,
      ctx.remainingMs() - Math.min(30_000, ctx.remainingMs() / 4),
    );
    const reconciled = await ctx.kube.waitWithin(window, async () => {
      const o = await ctx.kube.get(`${path}/${VALID}`);
      return o?.status && Object.keys(o.status).length > 0 ? o : undefined;
    });
    const waited = Date.now() - started;
    if (reconciled) {
      const fields: Record<string, string | number> = { reconcileMs: waited };
      const cond = (reconciled.status.conditions ?? [])[0];
      if (cond) fields[`status.conditions[${cond.type}]`] = String(cond.status);
      if (reconciled.status.state)
        fields['status.state'] = String(reconciled.status.state);
      evidence.push({
        description: `Valid ${
          op.kind
        } ${VALID} got a status from its controller after ${
          Math.round(waited / 100) / 10
        } s`,
        object: {
          apiVersion: `${op.group}/${version}`,
          kind: op.kind,
          name: VALID,
          namespace: ctx.namespace,
        },
        fields,
      });
      subs.push({
        name: 'ValidReconciled',
        outcome: 'pass',
        detail: 'status written',
      });
    } else if (ctx.boundByRunDeadline()) {
      subs.push({
        name: 'ValidReconciled',
        outcome: 'unknown',
        detail: `the run's deadline ended the wait after ${Math.round(
          waited / 1000,
        )} s`,
      });
    } else {
      subs.push({
        name: 'ValidReconciled',
        outcome: 'fail',
        detail: `valid ${op.kind} ${VALID} got no status within ${Math.round(
          waited / 1000,
        )} s: its controller did not reconcile it`,
      });
    }

    ctx.step('delete', `deleting ${op.kind} ${VALID}`);
    await ctx.kube.delete(`${path}/${VALID}`);
    const gone = await ctx.kube.waitWithin(
      Math.min(60_000, Math.max(0, ctx.remainingMs())),
      async () => ((await ctx.kube.get(`${path}/${VALID}`)) ? undefined : true),
    );
    if (gone) {
      subs.push({
        name: 'Deleted',
        outcome: 'pass',
        detail: 'gone after delete',
      });
    } else {
      subs.push({
        name: 'Deleted',
        outcome: 'unknown',
        detail: `${op.kind} ${VALID} still exists after delete (finalizers pending)`,
      });
    }
    return verdictOfSteps(ID, subs, evidence, {
      failPrefix: `${op.kind} (${op.group}): `,
      unknownPrefix: `${op.kind} (${op.group}): could not tell: `,
      pass: `${op.kind} (${
        op.group
      }): the webhook refused an invalid object; a valid one was reconciled in ${
        Math.round(waited / 100) / 10
      } s and deleted.`,
    });
  },
};
