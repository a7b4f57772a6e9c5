import {
  gkeCertification,
  isMet,
  type ClusterSummary,
} from '@ai-conformance/plugin-ai-conformance-common';
import { DateTime } from 'luxon';

/**
 * Fact values of one cluster, following `aiConformanceFactSchema`.
 *
 * @public
 */
export type ClusterFacts = Record<string, string | number | boolean | DateTime>;

/**
 * Turns a cluster's stored summary (from the AI Conformance service's
 * `listSummaries`; no report is read) into facts. A cluster without a
 * succeeded run is `unchecked` and not conformant.
 *
 * @public
 */
export function buildClusterFacts(
  summary: ClusterSummary | undefined,
): ClusterFacts {
  if (!summary?.verdict) {
    return {
      verdict: 'unchecked',
      conformant: false,
      level: 'none',
      mustPassed: 0,
      mustTotal: 0,
      shouldPassed: 0,
      shouldTotal: 0,
      acceleratorCount: 0,
      gkeVersionCertified: false,
    };
  }
  const checkedAt = summary.checkedAt ?? summary.lastRunAt;
  const facts: ClusterFacts = {
    verdict: summary.verdict,
    conformant: summary.verdict === 'conformant',
    ...(summary.requirementsVersion
      ? { requirementsVersion: summary.requirementsVersion }
      : {}),
    mustPassed: summary.mustPassed,
    mustTotal: summary.mustTotal,
    shouldPassed: summary.shouldPassed,
    shouldTotal: summary.shouldTotal,
    level: summary.level ?? 'none',
    acceleratorCount: summary.acceleratorCount ?? 0,
    gkeVersionCertified:
      summary.platform === 'gke' &&
      gkeCertification(summary.kubernetesVersion).status === 'certified',
    ...(checkedAt ? { lastCheckedAt: DateTime.fromISO(checkedAt) } : {}),
  };
  for (const [id, status] of Object.entries(summary.statuses ?? {})) {
    facts[id] = isMet(status as Parameters<typeof isMet>[0]);
  }
  return facts;
}
