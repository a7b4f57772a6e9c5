/**
 * gang_scheduling: an all-or-nothing scheduler is installed and running.
 *
 * Known solutions: Kueue, Volcano, KAI Scheduler, scheduler-plugins
 * coscheduling (API group served + controller Deployment).
 * - pass: a solution's API group is served and its controller is Available.
 * - partial: the API group is served but no controller Deployment is found
 *   under a known name (it may run elsewhere; the engine cannot tell).
 * - fail: no solution installed, or every installed controller is unavailable.
 * - unknown: discovery failed, or a solution is installed but Deployments
 *   cannot be listed.
 */
import type { Check } from './types';
import { READS } from './lib/reads';
import { discoveryError, lookup } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import {
  GANG_SCHEDULERS,
  installedSolutions,
  solutionEvidence,
} from './lib/solutions';

const ID = 'gang_scheduling';

export const gangSchedulingCheck: Check = {
  id: ID,
  reads: [READS.deployments],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    if (dErr)
      return unknownOutcome([dErr], 'whether a gang scheduler is installed', {
        remediation,
        links,
      });
    const deployments = lookup(ctx, READS.deployments);
    const items = deployments.state === 'ok' ? deployments.items : undefined;
    const found = installedSolutions(ctx, GANG_SCHEDULERS, items);
    if (!found.length) {
      return outcome(
        'fail',
        `No gang scheduling solution is installed (looked for ${GANG_SCHEDULERS.map(
          s => s.name,
        ).join(', ')}).`,
        { remediation, links },
      );
    }
    if (deployments.state === 'failed') {
      return unknownOutcome(
        [deployments.error],
        `whether the ${found
          .map(f => f.solution.name)
          .join(', ')} controller is running`,
        { evidence: found.flatMap(solutionEvidence), remediation, links },
      );
    }
    const evidence = found.flatMap(solutionEvidence);
    const running = found.filter(f => f.state === 'running');
    if (running.length) {
      return outcome(
        'pass',
        `${running
          .map(r => r.solution.name)
          .join(', ')} is installed and its controller is available.`,
        { evidence, links },
      );
    }
    const unseen = found.filter(f => f.state === 'no-controller');
    if (unseen.length) {
      return outcome(
        'partial',
        `${unseen
          .map(u => u.solution.name)
          .join(
            ', ',
          )} APIs are installed but no controller Deployment was found under a known name.`,
        { evidence, remediation, links },
      );
    }
    return outcome(
      'fail',
      `${found
        .map(f => f.solution.name)
        .join(', ')} is installed but its controller is not available.`,
      { evidence, remediation, links },
    );
  },
};
