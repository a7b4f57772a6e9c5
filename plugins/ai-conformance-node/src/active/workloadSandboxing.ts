import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import { ActiveInconclusive, ActiveObject } from './KubeOps';
import {
  buildPod,
  exitCode,
  logEvidence,
  POD_PERMISSIONS,
  podsPath,
  waitForPodBound,
  waitForPodDone,
} from './pods';
import type { ActiveCheck, ActiveCheckContext } from './types';

const ID = 'workload_sandboxing';
const SANDBOXED = 'aic-sandboxed';
const CONTROL = 'aic-control';
/** RuntimeClass handlers of sandboxes with their own kernel. */
export const SANDBOX_HANDLER = /^(gvisor|runsc|kata.*)$/;

async function kernelOf(
  ctx: ActiveCheckContext,
  pod: ActiveObject,
  evidence: Evidence[],
  what: string,
): Promise<string> {
  const log = await ctx.kube.logs(ctx.namespace, pod.metadata.name, 'uname');
  const kernel = log.trim().split('\n')[0]?.trim() ?? '';
  evidence.push(
    logEvidence(
      pod,
      'uname',
      log,
      `${what} pod ${pod.metadata.name} reports kernel ${
        kernel || '(nothing)'
      }`,
    ),
  );
  if (exitCode(pod, 'uname') !== 0 || !/^\d+\.\d+/.test(kernel)) {
    throw new ActiveInconclusive(
      `${what} pod ${pod.metadata.name} printed no kernel release (exit ${
        exitCode(pod, 'uname') ?? 'unknown'
      })`,
    );
  }
  return kernel;
}

/**
 * workload_sandboxing (SHOULD from 1.37): a pod with the sandbox
 * RuntimeClass reports a different kernel than a control pod on the same
 * node.
 *
 * @public
 */
export const workloadSandboxingActive: ActiveCheck = {
  id: ID,
  creates: [
    `Pod ${SANDBOXED}: the sandbox RuntimeClass (handler gvisor, runsc or kata…), running uname -r`,
    `Pod ${CONTROL}: same node, default runtime, running uname -r`,
  ],
  permissions: [
    {
      group: 'node.k8s.io',
      resource: 'runtimeclasses',
      verbs: ['list'],
      scope: 'cluster',
    },
    ...POD_PERMISSIONS,
  ],
  deadlineMs: 3 * 60_000,
  async run(ctx) {
    const evidence: Evidence[] = [];
    ctx.step('detect', 'looking for a sandbox RuntimeClass');
    const classes = await ctx.kube.list('/apis/node.k8s.io/v1/runtimeclasses');
    const rc = classes.find(c => SANDBOX_HANDLER.test(String(c.handler ?? '')));
    if (!rc) {
      throw new ActiveInconclusive(
        `no RuntimeClass with a sandbox handler (gvisor, runsc, kata*) among ${classes.length} RuntimeClass(es)`,
      );
    }
    const scheduling = rc.scheduling ?? {};
    ctx.step(
      'create',
      `pod ${SANDBOXED} with RuntimeClass ${rc.metadata.name} (handler ${rc.handler})`,
    );
    await ctx.kube.create(
      podsPath(ctx.namespace),
      buildPod(ctx, SANDBOXED, {
        runtimeClassName: rc.metadata.name,
        nodeSelector: scheduling.nodeSelector,
        containers: [
          {
            name: 'uname',
            image: ctx.images.toolbox,
            command: ['uname', '-r'],
          },
        ],
      }),
    );
    const bound = await waitForPodBound(ctx, SANDBOXED);
    const node = bound.spec.nodeName as string;
    ctx.step('create', `control pod ${CONTROL} on node ${node}`);
    await ctx.kube.create(
      podsPath(ctx.namespace),
      buildPod(ctx, CONTROL, {
        nodeSelector: { 'kubernetes.io/hostname': node },
        containers: [
          {
            name: 'uname',
            image: ctx.images.toolbox,
            command: ['uname', '-r'],
          },
        ],
      }),
    );
    const sandboxed = await waitForPodDone(ctx, SANDBOXED);
    const control = await waitForPodDone(ctx, CONTROL);
    if (control.spec?.nodeName !== node) {
      throw new ActiveInconclusive(
        `control pod ran on ${
          control.spec?.nodeName ?? 'no node'
        }, not on ${node}`,
      );
    }
    const sk = await kernelOf(
      ctx,
      sandboxed,
      evidence,
      `Sandboxed (${rc.metadata.name})`,
    );
    const ck = await kernelOf(ctx, control, evidence, 'Control');
    if (sk === ck) {
      return {
        id: ID,
        status: 'fail',
        summary: `Container uname of pod ${SANDBOXED} (RuntimeClass ${rc.metadata.name}, handler ${rc.handler}) reports the node's kernel ${sk}, the same as control pod ${CONTROL} on node ${node}: no separate kernel.`,
        evidence,
      };
    }
    return {
      id: ID,
      status: 'pass',
      summary: `Pod ${SANDBOXED} (RuntimeClass ${rc.metadata.name}) reports kernel ${sk}, control pod ${CONTROL} on the same node ${node} reports ${ck}.`,
      evidence,
    };
  },
};
