/**
 * robust_controller: at least one complex AI operator (KubeRay, Kubeflow
 * Trainer / Training Operator, KServe, LeaderWorkerSet, JobSet) is installed
 * and works: CRDs Established, controller Available, webhooks configured.
 *
 * - pass: one operator meets all three. An optional dry-run probe (a
 *   server-side dryRun=All create of an invalid object, only with probes
 *   enabled and SelfSubjectAccessReview allowing it) that is rejected makes
 *   the method 'dry-run'.
 * - partial: the best operator lacks a webhook, a recognised controller, or
 *   its invalid object was accepted by the dry-run (webhook not operational).
 * - fail: no operator installed, or its controller / CRDs are not healthy.
 * - unknown: discovery failed, or an installed operator's CRDs, Deployments
 *   or webhook configurations could not be read.
 */
import type { KubeObject } from '../snapshot/types';
import type { Check } from './types';
import { READS } from './lib/reads';
import { discoveryError, groupServed, lookup } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import {
  AI_OPERATORS,
  assessOperator,
  probeId,
  type Grade,
} from './lib/operators';

const ID = 'robust_controller';
const RANK: Record<Grade, number> = {
  pass: 0,
  partial: 1,
  unknown: 2,
  fail: 3,
};

export const robustControllerCheck: Check = {
  id: ID,
  reads: [READS.crds, READS.deployments, READS.validatingwebhooks],
  probes: AI_OPERATORS.map(op => ({
    id: probeId(op.group),
    description: `Server-side dry-run create of an invalid ${op.name} object (${op.group}); the operator's validating webhook should reject it.`,
  })),
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    if (dErr)
      return unknownOutcome([dErr], 'whether an AI operator is installed', {
        remediation,
        links,
      });
    const installed = AI_OPERATORS.filter(
      op => groupServed(ctx, op.group).served,
    );
    if (!installed.length) {
      return outcome(
        'fail',
        `No complex AI operator is installed (looked for ${AI_OPERATORS.map(
          o => o.name,
        ).join(', ')}).`,
        { remediation, links },
      );
    }
    const crds = lookup(ctx, READS.crds);
    const deployments = lookup(ctx, READS.deployments);
    const webhooks = lookup(ctx, READS.validatingwebhooks);
    let webhookItems: KubeObject[] | undefined;
    if (webhooks.state === 'ok') webhookItems = webhooks.items;
    else if (webhooks.state === 'absent') webhookItems = [];
    const assessed = installed
      .map(op =>
        assessOperator(op, {
          crds: crds.state === 'ok' ? crds.items : undefined,
          deployments:
            deployments.state === 'ok' ? deployments.items : undefined,
          webhooks: webhookItems,
          errors: {
            crds: crds.state === 'failed' ? crds.error : undefined,
            deployments:
              deployments.state === 'failed' ? deployments.error : undefined,
            webhooks: webhooks.state === 'failed' ? webhooks.error : undefined,
          },
          probe: ctx.probe(probeId(op.group)),
        }),
      )
      .sort((a, b) => RANK[a.grade] - RANK[b.grade]);
    const best = assessed[0];
    const evidence = assessed.flatMap(a => a.evidence);
    const notes = assessed
      .slice(1)
      .map(a => `${a.operator.name}: ${a.grade} (${a.reason}).`);
    if (
      best.probe?.outcome === 'forbidden' ||
      best.probe?.outcome === 'error'
    ) {
      notes.push(
        `The dry-run probe for ${best.operator.group} was not conclusive (${best.probe.outcome}: ${best.probe.message}); the result rests on passive evidence.`,
      );
    }
    const method = best.probe?.outcome === 'rejected' ? 'dry-run' : 'passive';
    if (best.grade === 'unknown') {
      return unknownOutcome(
        best.errors,
        `whether ${best.operator.name} works`,
        { evidence, remediation, links, notes },
      );
    }
    const summary = `${best.operator.name} (${best.operator.group}): ${
      best.reason
    }${
      best.probe?.outcome === 'rejected'
        ? '; an invalid object was rejected by its webhook in a server-side dry-run'
        : ''
    }.`;
    return outcome(best.grade, summary, {
      evidence,
      remediation: best.grade === 'pass' ? [] : remediation,
      links,
      notes,
      method,
    });
  },
};
