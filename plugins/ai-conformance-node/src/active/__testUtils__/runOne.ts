import { runActiveChecks, RunActiveChecksOptions } from '../runActiveChecks';
import type { ActiveCheck } from '../types';
import type { FakeCluster } from './FakeCluster';

/** Runs one check against a fake, fast (short polls), without the sweep. */
export function runOne(
  cluster: FakeCluster,
  check: ActiveCheck,
  options: RunActiveChecksOptions = {},
) {
  return runActiveChecks(cluster, {
    checks: [check],
    runId: '0123456789abcdef',
    pollIntervalMs: 5,
    checkDeadlineMs: 2000,
    cleanupTimeoutMs: 2000,
    ...options,
  });
}

/** Objects carrying the active-run label that are still stored. */
export function labelled(cluster: FakeCluster) {
  return [...cluster.objects.values()].filter(
    o => o.metadata.labels?.['ai-conformance.io/run-id'],
  );
}
