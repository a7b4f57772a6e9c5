import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterConnection } from '../cluster/ClusterConnection';
import { evaluate, EvaluateOptions } from '../evaluate/evaluate';
import type { ClusterSnapshot } from '../snapshot/types';
import { collectSnapshot, CollectOptions } from './collectSnapshot';

/** @public */
export type RunConformanceCheckOptions = CollectOptions &
  Pick<EvaluateOptions, 'requirementsVersion' | 'artifacts'>;

/**
 * Collects a snapshot of a cluster and evaluates it.
 *
 * @public
 */
export async function runConformanceCheck(
  connection: ClusterConnection,
  options: RunConformanceCheckOptions = {},
): Promise<{ snapshot: ClusterSnapshot; report: ConformanceReport }> {
  const snapshot = await collectSnapshot(connection, options);
  const report = evaluate(snapshot, {
    requirementsVersion: options.requirementsVersion,
    checks: options.checks,
    artifacts: options.artifacts,
  });
  return { snapshot, report };
}
