import {
  computeConformanceLevel,
  type ClusterSummary,
  type GoldLevelRules,
  type Platform,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { StoredOutcome, StoredRun } from '../database/ConformanceStore';
import type { ClusterSummaryRecord } from '../database/ClusterSummaryStore';
import { levelOfRun } from './levelOfRun';

/**
 * A cluster's summary (the broker's `ClusterLatestResult.summary`) from its
 * latest succeeded run, that run's per-requirement outcomes and the time of
 * its newest run of any status.
 */
export function summarizeCluster(
  entityRef: string,
  latest: StoredRun | undefined,
  outcomes: StoredOutcome[] | undefined,
  options: {
    /** Creation time of the cluster's newest run (any status). */
    lastRunAt?: string;
    /** `aiConformance.levels.gold`; defaults when empty. */
    goldRules?: Partial<GoldLevelRules>;
    /** The clock levels are measured against. */
    now?: Date;
  } = {},
): ClusterSummary {
  const level = levelOfRun(latest, outcomes, {
    rules: options.goldRules,
    now: options.now,
  });
  return {
    entityRef,
    verdict: latest?.verdict ?? null,
    requirementsVersion: latest?.requirementsVersion ?? null,
    mustPassed: latest?.counts?.mustPassed ?? 0,
    mustTotal: latest?.counts?.mustTotal ?? 0,
    shouldPassed: latest?.counts?.shouldPassed ?? 0,
    shouldTotal: latest?.counts?.shouldTotal ?? 0,
    platform: (latest?.platform as ClusterSummary['platform']) ?? null,
    kubernetesVersion: latest?.kubernetesVersion ?? null,
    lastRunAt: options.lastRunAt ?? latest?.finishedAt ?? null,
    ...(latest
      ? {
          statuses: Object.fromEntries(
            (outcomes ?? []).map(o => [o.id, o.status]),
          ),
        }
      : {}),
    level: level?.level ?? null,
    levelMissing: level?.missing ?? [],
  };
}

/**
 * A `GET /clusters` row (and the summaries Tech Insights and catalog labels
 * read) from the cluster's stored summary; the level is measured at `now`.
 */
export function summarizeRecord(
  record: ClusterSummaryRecord,
  options: { goldRules?: Partial<GoldLevelRules>; now?: Date } = {},
): ClusterSummary {
  const level = record.verdict
    ? computeConformanceLevel(
        {
          verdict: record.verdict,
          requirements: record.outcomes,
          cluster: {
            platform: (record.platform ?? 'generic') as Platform,
            kubernetesVersion: record.kubernetesVersion ?? undefined,
          },
        },
        {
          checkedAt: record.lastSucceededAt ?? record.updatedAt,
          now: options.now,
          rules: options.goldRules,
        },
      )
    : null;
  return {
    entityRef: record.entityRef,
    verdict: record.verdict,
    requirementsVersion: record.requirementsVersion,
    mustPassed: record.mustPassed,
    mustTotal: record.mustTotal,
    shouldPassed: record.shouldPassed,
    shouldTotal: record.shouldTotal,
    platform: record.platform as ClusterSummary['platform'],
    kubernetesVersion: record.kubernetesVersion,
    lastRunAt: record.lastRunCreatedAt ?? record.lastSucceededAt,
    ...(record.verdict
      ? {
          statuses: Object.fromEntries(
            record.outcomes.map(o => [o.id, o.status]),
          ),
        }
      : {}),
    level: level?.level ?? null,
    levelMissing: level?.missing ?? [],
    checkedAt: record.lastSucceededAt,
    lastRunId: record.lastRunId,
    lastRunStatus: record.lastRunStatus,
    acceleratorCount: record.acceleratorCount,
    owner: record.owner,
    title: record.title,
  };
}
