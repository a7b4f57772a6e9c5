import type {
  ConformanceReport,
  RunProgress,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterTarget } from './ClusterTarget';

/** Options of one check run against a live cluster. */
export interface ConformanceRunOptions {
  dryRunProbes: boolean;
  /** Timeout of each API request. */
  requestTimeoutMs: number;
  /** Time left for the whole run; the runner should stop by then. */
  deadlineMs: number;
  /** Aborted when the deadline passes or the backend stops. */
  signal: AbortSignal;
  onProgress(progress: Required<RunProgress>): void;
}

/**
 * Connects to a cluster, collects a snapshot and evaluates it. The backend
 * depends on this interface only; {@link EngineConformanceRunner} wires it
 * to the engine of the node package.
 */
export interface ConformanceRunner {
  run(
    target: ClusterTarget,
    options: ConformanceRunOptions,
  ): Promise<ConformanceReport>;
}
