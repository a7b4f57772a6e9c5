import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import type { StoredRun } from '../database/ConformanceStore';

/** The public shape of a stored run. */
export function toRunRecord(run: StoredRun): RunRecord {
  const {
    dryRunProbes,
    platform,
    kubernetesVersion,
    ownerReplica,
    leaseExpiresAt,
    mode,
    ...record
  } = run;
  // Absent means passive, as for runs stored before modes existed.
  return mode === 'active' ? { ...record, mode } : record;
}

/**
 * A run's identity and status without anything read from the cluster
 * (no report, verdict, counts, checklist version or error): what a caller
 * who may not read the cluster's reports gets back from a write.
 */
export function toRunStatus(run: RunRecord): RunRecord {
  const {
    runId,
    entityRef,
    status,
    trigger,
    progress,
    createdAt,
    startedAt,
    finishedAt,
    createdBy,
  } = run;
  return {
    runId,
    entityRef,
    status,
    trigger,
    progress,
    createdAt,
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    ...(createdBy ? { createdBy } : {}),
  };
}
