import type {
  ConformanceReport,
  RunMode,
  RunProgress,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterTarget } from './ClusterTarget';

/** Options of one check run against a live cluster. */
export interface ConformanceRunOptions {
  /** Catalog entity of the cluster (selects its configured metrics source). */
  entityRef?: string;
  /** The run's id: an active run labels what it creates with it. */
  runId?: string;
  /** `active` runs the active checks after the passive one. Default passive. */
  mode?: RunMode;
  dryRunProbes: boolean;
  /** Checklist version to evaluate against (default: the cluster's minor). */
  requirementsVersion?: string;
  /** Timeout of each API request. */
  requestTimeoutMs: number;
  /** Time left for the whole run; the runner should stop by then. */
  deadlineMs: number;
  /** Aborted when the deadline passes or the backend stops. */
  signal: AbortSignal;
  onProgress(progress: Required<RunProgress>): void;
}

/** An uploaded official-suite artifact. */
export interface UploadedArtifact {
  kind: 'junit' | 'go-test-json' | 'e2e-log';
  content: string;
}

/**
 * The engine as the backend uses it: live runs, evaluation of uploaded
 * snapshots, and results of uploaded official-suite artifacts. The backend
 * depends on this interface only; {@link EngineConformanceRunner} wires it
 * to the node package.
 */
export interface ConformanceRunner {
  /** Connects to a cluster, collects a snapshot and evaluates it. */
  run(
    target: ClusterTarget,
    options: ConformanceRunOptions,
  ): Promise<ConformanceReport>;
  /**
   * Deletes what an active run left on the cluster (found by its run-id
   * label), e.g. after the backend executing it stopped.
   */
  cleanupActiveRun?(
    target: ClusterTarget,
    runId: string,
  ): Promise<{ deleted: string[]; errors: string[] }>;
  /** Evaluates an uploaded snapshot; throws InputError when it is not one. */
  evaluateSnapshot(snapshot: unknown): Promise<ConformanceReport>;
  /**
   * Applies official-suite results to the latest report of the cluster
   * (or to an empty one); throws InputError for unreadable artifacts.
   */
  evaluateArtifacts(
    artifacts: UploadedArtifact[],
    base: ConformanceReport | undefined,
    clusterName: string,
  ): Promise<ConformanceReport>;
}
