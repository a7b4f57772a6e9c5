import type {
  ConformanceReport,
  RequirementLevel,
  RequirementStatus,
  RunProgress,
  RunRecord,
  RunTrigger,
} from '@ai-conformance/plugin-ai-conformance-common';

/** A new run as inserted by {@link ConformanceStore.createRun}. */
export interface NewRun {
  runId: string;
  entityRef: string;
  trigger: RunTrigger;
  createdBy?: string;
  createdAt: string;
  dryRunProbes?: boolean;
}

/** An uploaded file kept with the run it produced. */
export interface NewArtifact {
  kind: 'snapshot' | 'junit' | 'go-test-json';
  contentType: string;
  content: string;
  sha256: string;
  uploadedBy?: string;
  uploadedAt: string;
}

/** A stored run with the counts kept beside it (no report body). */
export interface StoredRun extends RunRecord {
  dryRunProbes: boolean;
  counts?: {
    mustPassed: number;
    mustTotal: number;
    shouldPassed: number;
    shouldTotal: number;
  };
  platform?: string;
  kubernetesVersion?: string;
}

/** One requirement's stored outcome in a run. */
export interface StoredOutcome {
  id: string;
  level: RequirementLevel;
  status: RequirementStatus;
}

/**
 * Persistence of runs, their per-requirement results and uploaded
 * artifacts. Every service depends on this interface only;
 * `DatabaseConformanceStore.create({ database })` is the implementation
 * on the plugin's database (SQLite or PostgreSQL).
 */
export interface ConformanceStore {
  createRun(run: NewRun): Promise<StoredRun>;

  /** One run, with its report unless `withReport` is `false`. */
  getRun(
    runId: string,
    options?: { withReport?: boolean },
  ): Promise<StoredRun | undefined>;

  /** The queued or running run of a cluster, if any. */
  findActiveRun(entityRef: string): Promise<StoredRun | undefined>;

  markRunning(runId: string, startedAt: string): Promise<void>;

  /** Progress of a queued or running run (ignored once it has finished). */
  updateProgress(runId: string, progress: RunProgress): Promise<void>;

  /** Stores a successful run's report, its per-requirement results and artifacts. */
  completeRun(
    runId: string,
    report: ConformanceReport,
    finishedAt: string,
    options?: { progress?: RunProgress; artifacts?: NewArtifact[] },
  ): Promise<void>;

  /** Marks a queued or running run as failed with `error`. */
  failRun(runId: string, error: string, finishedAt: string): Promise<void>;

  /** Marks every queued or running run as failed; returns how many. */
  failUnfinishedRuns(error: string, finishedAt: string): Promise<number>;

  /** Runs of one cluster, newest first. */
  listRuns(
    entityRef: string,
    options: { limit: number; before?: string },
  ): Promise<StoredRun[]>;

  /** The newest run of a cluster, whatever its status. */
  getLastRun(entityRef: string): Promise<StoredRun | undefined>;

  /**
   * The newest succeeded run of a cluster, with its report; only runs
   * evaluated against `requirementsVersion` when given.
   */
  getLatestSucceeded(
    entityRef: string,
    requirementsVersion?: string,
  ): Promise<StoredRun | undefined>;

  /** The newest succeeded run of every cluster (without report bodies). */
  listLatestSucceeded(): Promise<StoredRun[]>;

  /** Creation time of the newest run (any status) of every cluster. */
  listLastRunTimes(): Promise<Map<string, string>>;

  /** Per run: each requirement's id, level and status. */
  getResultOutcomes(runIds: string[]): Promise<Map<string, StoredOutcome[]>>;

  /**
   * Keeps the newest `keep` finished runs of a cluster and deletes older
   * ones (with their results and artifacts). Returns how many were deleted.
   */
  pruneRuns(entityRef: string, keep: number): Promise<number>;
}
