import type {
  ClusterSummary,
  GoldLevelRules,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { StoredOutcome, StoredRun } from '../database/ConformanceStore';
import { levelOfRun } from './levelOfRun';

/**
 * A cluster's summary (a `GET /clusters` row, and the broker's
 * `ClusterLatestResult.summary`) from its latest succeeded run, that run's
 * per-requirement outcomes and the time of its newest run of any status.
 * The only place summaries are built.
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
