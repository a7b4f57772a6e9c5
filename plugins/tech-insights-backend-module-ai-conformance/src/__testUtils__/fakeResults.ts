import {
  computeConformanceLevel,
  isMet,
  type ClusterSummary,
  type ConformanceReport,
  type RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { AiConformanceService } from '@ai-conformance/plugin-ai-conformance-node';

/**
 * A stored cluster summary with the given requirement statuses, as the
 * backend's `listSummaries` builds it (level measured now).
 */
export function latestResult(options: {
  entityRef: string;
  verdict: ConformanceReport['verdict'];
  statuses: Array<[string, 'MUST' | 'SHOULD', RequirementStatus]>;
  platform?: ConformanceReport['cluster']['platform'];
  kubernetesVersion?: string;
  gpus?: number;
  lastRunAt: string;
  now?: Date;
}): ClusterSummary {
  const platform = options.platform ?? 'gke';
  const kubernetesVersion = options.kubernetesVersion ?? 'v1.34.1-gke.1829001';
  const requirements = options.statuses.map(([id, level, status]) => ({
    id,
    level,
    status,
  }));
  const count = (level: 'MUST' | 'SHOULD', met?: boolean) =>
    requirements.filter(r => r.level === level && (!met || isMet(r.status)))
      .length;
  const level = computeConformanceLevel(
    {
      verdict: options.verdict,
      requirements,
      cluster: { platform, kubernetesVersion },
    },
    { checkedAt: options.lastRunAt, now: options.now },
  );
  return {
    entityRef: options.entityRef,
    verdict: options.verdict,
    requirementsVersion: '1.34',
    mustPassed: count('MUST', true),
    mustTotal: count('MUST'),
    shouldPassed: count('SHOULD', true),
    shouldTotal: count('SHOULD'),
    platform,
    kubernetesVersion,
    lastRunAt: options.lastRunAt,
    checkedAt: options.lastRunAt,
    statuses: Object.fromEntries(requirements.map(r => [r.id, r.status])),
    level: level.level,
    levelMissing: level.missing,
    acceleratorCount: options.gpus ?? 0,
  };
}

/**
 * An AiConformanceService that serves fixed summaries; reading reports
 * (`getLatest`, `listLatest`) fails, as facts must never need them.
 */
export function fakeService(results: ClusterSummary[]): AiConformanceService {
  return {
    getLatest: async () => {
      throw new Error('facts read no report');
    },
    listLatest: async () => {
      throw new Error('facts read no report');
    },
    listSummaries: async () => results,
    requestRun: async () => {
      throw new Error('not used');
    },
    getRun: async () => undefined,
    onRunFinished: () => () => {},
  };
}
