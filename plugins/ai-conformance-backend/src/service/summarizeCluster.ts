import type {
  ClusterSummary,
  ConformanceLevelResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { StoredRun } from '../database/ConformanceStore';

/** A `GET /clusters` row from a cluster's latest succeeded run (if any). */
export function summarizeRun(
  entityRef: string,
  latest: StoredRun | undefined,
  lastRunAt: string | undefined,
  details: {
    statuses?: Record<string, string>;
    level?: ConformanceLevelResult | null;
  } = {},
): ClusterSummary {
  const { statuses, level } = details;
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
    lastRunAt: lastRunAt ?? latest?.finishedAt ?? null,
    ...(statuses ? { statuses } : {}),
    ...(level !== undefined
      ? { level: level?.level ?? null, levelMissing: level?.missing ?? [] }
      : {}),
  };
}
