import {
  computeConformanceLevel,
  countReport,
  gkeCertification,
  isMet,
  type GoldLevelRules,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterLatestResult } from '@ai-conformance/plugin-ai-conformance-node';
import { DateTime } from 'luxon';

/**
 * Fact values of one cluster, following `aiConformanceFactSchema`.
 *
 * @public
 */
export type ClusterFacts = Record<string, string | number | boolean | DateTime>;

/**
 * Turns the latest stored result of a cluster into facts. A cluster without
 * a stored report is `unchecked` and not conformant.
 *
 * @public
 */
export function buildClusterFacts(
  latest: ClusterLatestResult | undefined,
  options: { now?: Date; goldRules?: Partial<GoldLevelRules> } = {},
): ClusterFacts {
  const report = latest?.report;
  if (!latest || !report) {
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
  const checkedAt = latest.summary.lastRunAt ?? report.generatedAt;
  const counts = countReport(report);
  const { level } = computeConformanceLevel(report, {
    checkedAt,
    now: options.now,
    rules: options.goldRules,
  });
  const facts: ClusterFacts = {
    verdict: report.verdict,
    conformant: report.verdict === 'conformant',
    requirementsVersion: report.requirementsVersion,
    ...counts,
    level,
    acceleratorCount: report.cluster.accelerators.reduce(
      (n, a) => n + a.capacity,
      0,
    ),
    gkeVersionCertified:
      report.cluster.platform === 'gke' &&
      gkeCertification(report.cluster.kubernetesVersion).status === 'certified',
    lastCheckedAt: DateTime.fromISO(checkedAt),
  };
  for (const r of report.requirements) {
    facts[r.id] = isMet(r.status);
  }
  return facts;
}
