/**
 * ai_service_metrics: a monitoring system discovers and scrapes workloads.
 *
 * Recognised by shape: a served API group with workload-discovery kinds
 * (ServiceMonitor, PodMonitor, PodMonitoring, ClusterPodMonitoring,
 * ScrapeConfig, VMServiceScrape, VMPodScrape, OpenTelemetryCollector) and a
 * running collector linked to it (behind its webhook Service, its CRDs'
 * Helm release or part-of label, a declaration, or a known name). Known
 * products (Google Managed Prometheus, Azure Managed Prometheus
 * `azmonitoring.coreos.com`, Prometheus Operator, VictoriaMetrics,
 * OpenTelemetry, Datadog, Dynatrace, Grafana Alloy) and declared
 * `service-metrics` components are graded the same way.
 *
 * - pass: such a group is served and a linked collector/operator is available.
 * - partial: the group is served but no linked collector was seen.
 * - fail: no served group has those kinds and no known agent runs, or the
 *   linked collector is unavailable, or its CRDs are not Established.
 * - unknown: discovery failed, or the workloads could not be read.
 */
import type { Check } from './types';
import { COMPONENT_READS } from './lib/components';
import { discoveryError } from './lib/readAccess';
import { unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { METRICS_SYSTEMS, MONITORING_KINDS } from './lib/solutions';
import { capabilityOutcome } from './lib/capabilityOutcome';

const ID = 'ai_service_metrics';

export const aiServiceMetricsCheck: Check = {
  id: ID,
  reads: COMPONENT_READS,
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
    return capabilityOutcome(ctx, {
      capability: 'service-metrics',
      known: METRICS_SYSTEMS,
      kinds: MONITORING_KINDS,
      noun: 'monitoring system that discovers scrape targets',
      remediation,
      links,
    });
  },
};
