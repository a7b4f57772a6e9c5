/**
 * robust_controller: at least one complex AI operator is installed and
 * works. Recognised by shape: any served CRD group (other than platform
 * infrastructure such as cert-manager or monitoring) with an admission
 * webhook whose rules name the group and a controller workload linked to
 * it (behind the webhook's Service, a CRD conversion webhook, the CRDs'
 * Helm release or part-of label). Known operators (KubeRay, Kubeflow
 * Trainer, KServe, LWS, JobSet, KAITO, Volcano) and declared ones
 * (`aiConformance.solutions`) are graded by the same rule; a known name
 * only adds a link and names the product.
 *
 * - pass: CRDs Established, a linked controller available, and a
 *   validating or mutating webhook covering the group whose Service has a
 *   ready workload behind it (or an invalid object rejected by a dry-run).
 * - partial: the best operator lacks a webhook, its controller is unseen,
 *   or a dry-run create of an invalid object was accepted.
 * - fail: no CRD group has a webhook or a controller (all reads answered),
 *   or the best operator is broken (CRDs not Established, controller or
 *   webhook backend unavailable, declared controller missing).
 * - unknown: discovery failed, or a read the grade needs was refused.
 * A CRD group with neither webhook nor linked controller does not count.
 */
import type { Check } from './types';
import { discoveryError } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { AI_OPERATORS, isInfrastructureGroup, probeId } from './lib/operators';
import {
  GANG_KINDS,
  GANG_SCHEDULERS,
  METRICS_SYSTEMS,
  MONITORING_KINDS,
} from './lib/solutions';
import { componentInputs, COMPONENT_READS } from './lib/components';
import {
  assessComponent,
  byGrade,
  candidateLabel,
  findCandidates,
  hasAnyKind,
} from './lib/capabilities';

const ID = 'robust_controller';
/** Groups that provide another capability (scheduling queues, monitoring): not the AI operator. */
const OTHER_CAPABILITY_GROUPS = new Set(
  [...GANG_SCHEDULERS, ...METRICS_SYSTEMS].flatMap(k => k.groups),
);
const OTHER_CAPABILITY_KINDS = [...GANG_KINDS, ...MONITORING_KINDS];

export const robustControllerCheck: Check = {
  id: ID,
  reads: COMPONENT_READS,
  probes: AI_OPERATORS.filter(op => op.probe).map(op => ({
    id: probeId(op.groups[0]),
    description: `Server-side dry-run create of an invalid ${op.name} object (${op.groups[0]}); the operator's validating webhook should reject it.`,
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
    const inputs = componentInputs(ctx);
    const candidates = findCandidates(ctx, inputs, {
      capability: 'ai-operator',
      known: AI_OPERATORS,
      shape: (group, names) =>
        !isInfrastructureGroup(group) &&
        !OTHER_CAPABILITY_GROUPS.has(group) &&
        !hasAnyKind(names, OTHER_CAPABILITY_KINDS),
    });
    const assessed = candidates
      .map(c =>
        assessComponent(ctx, inputs, c, {
          requireWebhook: true,
          probe: c.group ? ctx.probe(probeId(c.group)) : undefined,
        }),
      )
      // A CRD group with neither webhook nor linked controller is not an operator.
      .filter(
        a =>
          a.candidate.recognition !== 'shape' ||
          a.hooks.length > 0 ||
          a.controllers.length > 0,
      )
      .sort(byGrade);
    const notes = [...inputs.notes];
    if (!assessed.length) {
      const errors = [
        inputs.errors.crds,
        inputs.errors.deployments,
        inputs.errors.webhooks,
      ].filter(e => e !== undefined);
      if (errors.length)
        return unknownOutcome(errors, 'whether an AI operator is installed', {
          remediation,
          links,
          notes,
        });
      const groups = new Set(
        (inputs.crds ?? []).map(c => String(c.spec?.group ?? '')),
      );
      return outcome(
        'fail',
        `No complex AI operator is installed: none of the ${
          groups.size
        } CRD group(s) has an admission webhook or a controller workload linked to it (known operators looked for: ${AI_OPERATORS.map(
          o => o.name,
        ).join(', ')}).`,
        {
          remediation,
          links,
          notes,
          evidence: [
            {
              description: `Looked at ${groups.size} CRD group(s), ${
                inputs.webhooks?.length ?? 0
              } admission webhook configuration(s) and ${
                inputs.workloads?.length ?? 0
              } workload(s)`,
              fields: {
                crdGroups: [...groups].sort().slice(0, 20).join(','),
              },
            },
          ],
        },
      );
    }
    const best = assessed[0];
    const evidence = assessed.flatMap(a => a.evidence);
    notes.push(
      ...assessed
        .slice(1)
        .map(a => `${candidateLabel(a.candidate)}: ${a.grade} (${a.reason}).`),
    );
    if (best.candidate.recognition === 'shape' && best.grade === 'pass') {
      notes.push(
        `${best.candidate.group} was recognised by its shape (CRDs, admission webhook, controller); declare it in aiConformance.solutions (or --solutions) to name the product.`,
      );
    }
    if (
      best.probe?.outcome === 'forbidden' ||
      best.probe?.outcome === 'error'
    ) {
      notes.push(
        `The dry-run probe for ${best.candidate.group} was not conclusive (${best.probe.outcome}: ${best.probe.message}); the result rests on passive evidence.`,
      );
    }
    const method = best.probe?.outcome === 'rejected' ? 'dry-run' : 'passive';
    if (best.grade === 'unknown') {
      return unknownOutcome(
        best.errors,
        `whether ${candidateLabel(best.candidate)} works`,
        { evidence, remediation, links, notes },
      );
    }
    const summary = `${candidateLabel(best.candidate)}: ${best.reason}${
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
