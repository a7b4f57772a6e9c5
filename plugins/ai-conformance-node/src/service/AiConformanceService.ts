import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ClusterSummary,
  ConformanceReport,
  RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * The latest stored result of one cluster entity.
 *
 * @public
 */
export interface ClusterLatestResult {
  summary: ClusterSummary;
  /** The report of the latest successful run, or null when none exists. */
  report: ConformanceReport | null;
}

/**
 * Options of {@link AiConformanceService.requestRun}.
 *
 * @public
 */
export interface RequestRunOptions {
  /**
   * Credentials of the caller. Runs started for a user resolve the cluster
   * with them; without them the plugin's own service credentials are used.
   */
  credentials?: BackstageCredentials;
  /** Also create server-side dry-run probe objects (never persisted). */
  dryRunProbes?: boolean;
}

/**
 * Result of {@link AiConformanceService.requestRun}.
 *
 * @public
 */
export interface RequestRunResult {
  run: RunRecord;
  /** False when a queued or running run of the same cluster was returned. */
  created: boolean;
}

/**
 * Called once for every run that reached `succeeded` or `failed`.
 *
 * @public
 */
export type RunFinishedListener = (event: {
  run: RunRecord;
  /** The previous finished run of the same cluster, when one exists. */
  previous?: RunRecord;
}) => void | Promise<void>;

/**
 * What the AI Conformance backend offers to other backend plugins and
 * modules in the same process (catalog, Tech Insights, scaffolder...).
 * These methods do not check permissions: callers act as the backend.
 * @public
 */
export interface AiConformanceService {
  /** Latest result of one cluster entity, or undefined when never checked. */
  getLatest(entityRef: string): Promise<ClusterLatestResult | undefined>;
  /** Latest results of every cluster that has at least one stored run. */
  listLatest(): Promise<ClusterLatestResult[]>;
  /**
   * The stored summary of every cluster that has at least one run (verdict,
   * counts, level, each requirement's status): no report is read.
   */
  listSummaries(): Promise<ClusterSummary[]>;
  /** Starts a run, or returns the queued/running one of that cluster. */
  requestRun(
    entityRef: string,
    options?: RequestRunOptions,
  ): Promise<RequestRunResult>;
  /** One run by id, or undefined. */
  getRun(runId: string): Promise<RunRecord | undefined>;
  /** Subscribes to finished runs; returns an unsubscribe function. */
  onRunFinished(listener: RunFinishedListener): () => void;
}
