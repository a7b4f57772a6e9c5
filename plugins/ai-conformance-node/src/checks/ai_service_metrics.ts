/**
 * ai_service_metrics: a monitoring system discovers and scrapes workloads
 * (Google Managed Prometheus, Prometheus Operator, OpenTelemetry Operator).
 *
 * - pass: the system's API group (PodMonitoring, ServiceMonitor…) is served
 *   and its operator Deployment is Available.
 * - partial: the API group is served but its operator was not found under
 *   a known name.
 * - fail: no such system is installed, or its operator is unavailable.
 * - unknown: discovery failed, or a system is installed but Deployments
 *   cannot be listed.
 */
import type { Check } from './types';
import { READS } from './lib/reads';
import { discoveryError, lookup } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import {
  METRICS_SYSTEMS,
  installedSolutions,
  solutionEvidence,
} from './lib/solutions';

const ID = 'ai_service_metrics';

export const aiServiceMetricsCheck: Check = {
  id: ID,
  reads: [READS.deployments],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    if (dErr)
      return unknownOutcome(
        [dErr],
        'whether a monitoring system is installed',
        { remediation, links },
      );
    const deployments = lookup(ctx, READS.deployments);
    const found = installedSolutions(
      ctx,
      METRICS_SYSTEMS,
      deployments.state === 'ok' ? deployments.items : undefined,
    );
    if (!found.length) {
      return outcome(
        'fail',
        `No monitoring system that discovers scrape targets is installed (looked for ${METRICS_SYSTEMS.map(
          s => s.name,
        ).join(', ')}).`,
        { remediation, links },
      );
    }
    const evidence = found.flatMap(solutionEvidence);
    if (deployments.state === 'failed') {
      return unknownOutcome(
        [deployments.error],
        `whether the ${found
          .map(f => f.solution.name)
          .join(', ')} operator is running`,
        { evidence, remediation, links },
      );
    }
    const running = found.filter(f => f.state === 'running');
    if (running.length) {
      return outcome(
        'pass',
        `${running
          .map(r => r.solution.name)
          .join(
            ', ',
          )} is installed and running; it discovers scrape targets through its monitoring resources.`,
        { evidence, links },
      );
    }
    if (found.some(f => f.state === 'no-controller')) {
      return outcome(
        'partial',
        `${found
          .map(f => f.solution.name)
          .join(
            ', ',
          )} APIs are installed but no operator Deployment was found under a known name.`,
        { evidence, remediation, links },
      );
    }
    return outcome(
      'fail',
      `${found
        .map(f => f.solution.name)
        .join(', ')} is installed but its operator is not available.`,
      { evidence, remediation, links },
    );
  },
};
