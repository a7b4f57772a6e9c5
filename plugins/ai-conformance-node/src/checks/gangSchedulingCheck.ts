/**
 * gang_scheduling: an all-or-nothing scheduler is installed and running.
 *
 * Recognised by shape: a served API group with PodGroup, ClusterQueue or
 * LocalQueue resources and a running controller or scheduler linked to it
 * (behind its webhook Service, its CRDs' Helm release or part-of label, a
 * declaration, or a known name). Known products (Kueue, Volcano, KAI
 * Scheduler, scheduler-plugins coscheduling, YuniKorn) and declared
 * `gang-scheduling` components are graded the same way.
 *
 * - pass: such a group is served and a linked controller is available.
 * - partial: the group is served but no linked controller was seen (it may
 *   run outside the cluster; the engine cannot tell).
 * - fail: no served group has those kinds, or the linked controller is
 *   unavailable, or its CRDs are not Established.
 * - unknown: discovery failed, or the workloads could not be read.
 */
import type { Check } from './types';
import { COMPONENT_READS } from './lib/components';
import { discoveryError } from './lib/readAccess';
import { unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { GANG_KINDS, GANG_SCHEDULERS } from './lib/solutions';
import { capabilityOutcome } from './lib/capabilityOutcome';

const ID = 'gang_scheduling';

export const gangSchedulingCheck: Check = {
  id: ID,
  reads: COMPONENT_READS,
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    if (dErr)
      return unknownOutcome([dErr], 'whether a gang scheduler is installed', {
        remediation,
        links,
      });
    return capabilityOutcome(ctx, {
      capability: 'gang-scheduling',
      known: GANG_SCHEDULERS,
      kinds: GANG_KINDS,
      noun: 'gang scheduling solution',
      remediation,
      links,
    });
  },
};
