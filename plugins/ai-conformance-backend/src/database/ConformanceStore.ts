import type {
  ConformanceReport,
  RequirementLevel,
  RequirementStatus,
  RunProgress,
  RunMode,
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
  /** Default `passive`. */
  mode?: RunMode;
  /** The replica executing the run, for a run claimed when it is created. */
  ownerReplica?: string;
  /** End of the owner's lease (with `ownerReplica`). */
  leaseExpiresAt?: string;
}

/** A claim on runs by one replica (see {@link ConformanceStore.claimQueuedRuns}). */
export interface RunClaim {
  ownerReplica: string;
  /** Now, as an ISO-8601 UTC string. */
  now: string;
  leaseExpiresAt: string;
}

/** An uploaded file kept with the run it produced. */
export interface NewArtifact {
  kind: 'snapshot' | 'junit' | 'go-test-json' | 'e2e-log';
  contentType: string;
  content: string;
  sha256: string;
  uploadedBy?: string;
  uploadedAt: string;
}

/** A stored run with the counts kept beside it (no report body). */
export interface StoredRun extends RunRecord {
  dryRunProbes: boolean;
  mode: RunMode;
  counts?: {
    mustPassed: number;
    mustTotal: number;
    shouldPassed: number;
    shouldTotal: number;
  };
  platform?: string;
  kubernetesVersion?: string;
  /** The replica executing (or that executed) the run. */
  ownerReplica?: string;
  leaseExpiresAt?: string;
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

  /**
   * Inserts a queued run unless the cluster has a queued or running run
   * already (the database allows one): then returns that one with
   * `created: false`, also when a concurrent insert won the race.
   */
  createActiveRun(run: NewRun): Promise<{ run: StoredRun; created: boolean }>;

  /** Inserts a finished run with its report and artifacts in one transaction. */
  recordFinishedRun(
    run: NewRun,
    report: ConformanceReport,
    finishedAt: string,
    options?: { artifacts?: NewArtifact[] },
  ): Promise<StoredRun>;

  /**
   * Claims up to `limit` queued runs nobody executes yet, oldest first
   * (`FOR UPDATE SKIP LOCKED` on PostgreSQL, a conditional update
   * elsewhere): each is claimed by exactly one replica.
   */
  claimQueuedRuns(claim: RunClaim, limit: number): Promise<StoredRun[]>;

  /** Extends the leases of the owner's active runs; returns how many. */
  renewLeases(claim: RunClaim, runIds: string[]): Promise<number>;

  /**
   * Fails active runs whose owner's lease ended before `now` (and running
   * runs without an owner, left by an older version). Returns the runs this
   * call failed.
   */
  failExpiredRuns(error: string, now: string): Promise<StoredRun[]>;

  /** How many of these runs are still queued or running. */
  countActiveRuns(runIds: string[]): Promise<number>;

  /** One run, with its report unless `withReport` is `false`. */
  getRun(
    runId: string,
    options?: { withReport?: boolean },
  ): Promise<StoredRun | undefined>;

  /** The queued or running run of a cluster, if any. */
  findActiveRun(entityRef: string): Promise<StoredRun | undefined>;

  /** Marks a queued run as running (with `ownerReplica`, only its owner's). */
  markRunning(
    runId: string,
    startedAt: string,
    options?: { ownerReplica?: string },
  ): Promise<boolean>;

  /** Progress of a queued or running run (ignored once it has finished). */
  updateProgress(runId: string, progress: RunProgress): Promise<void>;

  /**
   * Stores a successful run's report, its per-requirement results and
   * artifacts. With `ownerReplica`, only while that replica owns the still
   * active run; returns whether the run was stored.
   */
  completeRun(
    runId: string,
    report: ConformanceReport,
    finishedAt: string,
    options?: {
      progress?: RunProgress;
      artifacts?: NewArtifact[];
      ownerReplica?: string;
    },
  ): Promise<boolean>;

  /**
   * Marks a queued or running run as failed with `error` (with
   * `ownerReplica`, only while that replica owns it); returns whether it did.
   */
  failRun(
    runId: string,
    error: string,
    finishedAt: string,
    options?: { ownerReplica?: string },
  ): Promise<boolean>;

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

  /**
   * The content of the newest upload of each of these artifact kinds of a
   * cluster (by upload time), e.g. for its submission bundle.
   */
  getLatestArtifacts(
    entityRef: string,
    kinds: NewArtifact['kind'][],
  ): Promise<Map<NewArtifact['kind'], string>>;

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
