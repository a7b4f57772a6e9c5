import type {
  CertifiedVersions,
  ConformanceReport,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterConnection } from '../cluster/ClusterConnection';
import { evaluate, EvaluateOptions } from '../evaluate/evaluate';
import type { ClusterSnapshot } from '../snapshot/types';
import {
  collectClusterSnapshot,
  CollectClusterSnapshotOptions,
} from './collectClusterSnapshot';
import type { CollectProgress } from './collectSnapshot';

/**
 * Progress of a run: the collection's phases, then `evaluate`.
 *
 * @public
 */
export interface RunConformanceCheckProgress {
  phase: CollectProgress['phase'] | 'evaluate';
  done: number;
  total: number;
}

/** @public */
export type RunConformanceCheckOptions = Omit<
  CollectClusterSnapshotOptions,
  'onProgress'
> &
  Omit<EvaluateOptions, 'checks' | 'certifiedVersions'> & {
    onProgress?(progress: RunConformanceCheckProgress): void;
    /**
     * Certified platform versions (`loadCertifiedVersions`), or their
     * lookup, awaited after the collection so both run at once.
     */
    certifiedVersions?:
      | CertifiedVersions
      | Promise<CertifiedVersions | undefined>;
  };

/**
 * The run pipeline: collects a snapshot of a cluster while sampling its
 * metrics source, then evaluates it against the checklist (with the
 * certified versions and declared solutions given). The backend's live runs
 * and the CLI go through it.
 *
 * @public
 */
export async function runConformanceCheck(
  connection: ClusterConnection,
  options: RunConformanceCheckOptions = {},
): Promise<{ snapshot: ClusterSnapshot; report: ConformanceReport }> {
  const {
    requirementsVersion,
    artifacts,
    solutions,
    certifiedVersions,
    onProgress,
    ...collectOptions
  } = options;
  // a lookup that fails while the collection runs is reported after it
  if (certifiedVersions instanceof Promise) certifiedVersions.catch(() => {});
  let requests = 0;
  const snapshot = await collectClusterSnapshot(connection, {
    ...collectOptions,
    onProgress: onProgress
      ? p => {
          requests = Math.max(requests, p.total);
          onProgress(p);
        }
      : undefined,
  });
  onProgress?.({ phase: 'evaluate', done: requests, total: requests });
  const report = evaluate(snapshot, {
    requirementsVersion,
    checks: options.checks,
    artifacts,
    solutions,
    certifiedVersions: await certifiedVersions,
  });
  return { snapshot, report };
}
