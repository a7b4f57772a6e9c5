import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type {
  ConformanceReport,
  RunMode,
  RunProgress,
  RunRecord,
  RunTrigger,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { RunFinishedListener } from '@ai-conformance/plugin-ai-conformance-node';
import type {
  ConformanceStore,
  NewArtifact,
  StoredRun,
} from '../database/ConformanceStore';
import type { ClusterResolver } from './ClusterResolver';
import { describeClusterTarget, type ClusterTarget } from './ClusterTarget';
import type { ConformanceRunner } from './ConformanceRunner';
import { redactSecrets } from './redactSecrets';
import { RunFinishedDispatcher } from './RunFinishedDispatcher';
import {
  createReplicaId,
  DEFAULT_RUN_COORDINATION,
  RunLease,
  type RunCoordination,
} from './RunLease';
import { RunQueue } from './RunQueue';
import type { RunSignals } from './RunSignals';
import { toRunRecord } from './runRecords';

export { toRunRecord, toRunStatus } from './runRecords';

/** Limits of {@link RunManager}. */
export interface RunManagerLimits {
  /** Clusters checked at the same time by this replica. */
  concurrency: number;
  /** Time allowed for one cluster, queueing excluded. */
  clusterDeadlineMs: number;
  /** Timeout of each API request. */
  requestTimeoutMs: number;
  /** Finished runs kept per cluster. */
  runsPerCluster: number;
}

/** Options of {@link RunManager.requestRun}. */
export interface RunRequest {
  trigger: Exclude<RunTrigger, 'upload'>;
  credentials: BackstageCredentials;
  createdBy?: string;
  dryRunProbes?: boolean;
  /** Checklist version to evaluate against (default: the cluster's minor). */
  requirementsVersion?: string;
  /** User tokens for `google`/`oidc` clusters (user-started runs only). */
  userTokens?: Record<string, string>;
  /** `active` also runs test workloads. Default passive. */
  mode?: RunMode;
}

/** Options of {@link RunManager}. */
export interface RunManagerOptions {
  store: ConformanceStore;
  resolver: ClusterResolver;
  runner: ConformanceRunner;
  logger: LoggerService;
  limits: RunManagerLimits;
  /** Replica id, lease, heartbeat and poll intervals (defaults: {@link DEFAULT_RUN_COORDINATION}). */
  coordination?: Partial<RunCoordination>;
  /** The service credentials queued runs claimed by the worker resolve with. */
  auth?: Pick<AuthService, 'getOwnServiceCredentials'>;
  /** Pushes progress and finished runs to browsers (Backstage signals). */
  signals?: RunSignals;
  /**
   * Active runs: the time their active part may take (added to the cluster
   * deadline) and the bound on their cleanup.
   */
  active?: { deadlineMs: number; cleanupTimeoutMs: number };
}

const PROGRESS_WRITE_INTERVAL_MS = 1000;

/**
 * Creates, claims and executes check runs with bounded concurrency and a
 * per-cluster deadline, coordinated with other replicas through the
 * store: one active run per cluster (the database enforces it), each run
 * executed by the replica that claimed it under a lease its heartbeat
 * renews, runs of a replica whose lease expired failed by whichever
 * replica notices first. User-started runs are claimed at once by the
 * replica that received the request; queued runs (scheduled passes) are
 * claimed by the workers of every replica. Live progress is kept in memory
 * here and written to the store (at most once a second); listeners hear of
 * each finished run once, on the replica that finished it.
 */
export class RunManager {
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #progress = new Map<string, RunProgress>();
  readonly #controllers = new Map<string, AbortController>();
  readonly #requests = new Map<string, Promise<unknown>>();
  readonly #executions = new Map<string, Promise<void>>();
  readonly #sweeps = new Set<Promise<void>>();
  readonly #dispatcher: RunFinishedDispatcher;
  readonly #lease: RunLease;
  readonly #queue: RunQueue;
  readonly #coordination: RunCoordination;
  #stopped = false;

  constructor(private readonly options: RunManagerOptions) {
    this.#limit = pLimit(Math.max(1, options.limits.concurrency));
    this.#coordination = {
      ...DEFAULT_RUN_COORDINATION,
      replicaId: createReplicaId(),
      ...options.coordination,
    };
    this.#dispatcher = new RunFinishedDispatcher({
      store: options.store,
      logger: options.logger,
    });
    this.#lease = new RunLease({
      store: options.store,
      coordination: this.#coordination,
      logger: options.logger,
    });
    this.#queue = new RunQueue({
      store: options.store,
      lease: this.#lease,
      logger: options.logger,
      pollMs: this.#coordination.pollMs,
      recoveryMs: Math.max(1, Math.floor(this.#coordination.leaseMs / 2)),
      capacity: () =>
        Math.max(1, options.limits.concurrency) -
        this.#limit.activeCount -
        this.#limit.pendingCount,
      execute: run => this.#startClaimed(run),
      recover: () => this.recoverInterruptedRuns(),
    });
  }

  /** This process's replica id (stored as the owner of the runs it executes). */
  get replicaId(): string {
    return this.#coordination.replicaId;
  }

  /**
   * Starts the heartbeat of this replica's leases and the worker that claims
   * queued runs and recovers runs whose lease expired.
   */
  start(): void {
    if (!this.options.auth) {
      throw new Error('RunManager.start needs auth to resolve queued runs');
    }
    this.#stopped = false;
    this.options.logger.info(
      `AI Conformance runs: replica ${this.replicaId}, concurrency ${
        this.options.limits.concurrency
      }, lease ${this.#coordination.leaseMs} ms, heartbeat ${
        this.#coordination.heartbeatMs
      } ms`,
    );
    this.#lease.start();
    this.#queue.start();
  }

  /**
   * Fails the runs whose owner's lease expired (the replica executing them
   * stopped or lost the database); live runs of other replicas are left
   * alone. Returns how many were failed.
   */
  async recoverInterruptedRuns(): Promise<number> {
    const failed = await this.options.store.failExpiredRuns(
      'Interrupted: the backend executing the run stopped before it finished (its lease expired)',
      new Date().toISOString(),
    );
    if (failed.length > 0) {
      this.options.logger.warn(
        `Marked ${failed.length} interrupted AI Conformance run(s) as failed`,
      );
    }
    for (const run of failed) {
      this.#finished(run.runId);
      if (run.mode === 'active') this.#sweepInterrupted(run);
    }
    return failed.length;
  }

  /**
   * Deletes what an interrupted active run left on its cluster (by its
   * run-id label), with the backend's own credentials. A cluster this
   * cannot reach keeps the objects until the next active run's orphan
   * sweep (past the run's deadline) or `ai-conformance cleanup`.
   */
  #sweepInterrupted(run: StoredRun): void {
    const { runner, resolver, auth, logger } = this.options;
    if (!runner.cleanupActiveRun || !auth) return;
    const sweep = (async () => {
      const target = await resolver.resolve(run.entityRef, {
        credentials: await auth.getOwnServiceCredentials(),
        scheduled: true,
      });
      const { deleted, errors } = await runner.cleanupActiveRun!(
        target,
        run.runId,
      );
      logger.info(
        `Swept the objects of interrupted active run ${run.runId} on ${
          run.entityRef
        }: ${deleted.length} deleted${
          errors.length
            ? `; ${errors.length} error(s): ${errors.join('; ')}`
            : ''
        }`,
      );
    })()
      .catch(error =>
        logger.warn(
          `Could not sweep the objects of interrupted active run ${
            run.runId
          } on ${run.entityRef}: ${redactSecrets(
            (error as Error).message,
          )}; the next active run or "ai-conformance cleanup" removes them`,
        ),
      )
      .finally(() => this.#sweeps.delete(sweep));
    this.#sweeps.add(sweep);
  }

  /** Resolves when the sweeps of interrupted active runs have ended. */
  async waitForSweeps(): Promise<void> {
    while (this.#sweeps.size > 0) await Promise.allSettled([...this.#sweeps]);
  }

  /**
   * Starts a run for a cluster on this replica, or returns its queued or
   * running run. Resolution errors are thrown for user-started runs and
   * stored as a failed run for scheduled ones.
   */
  async requestRun(
    entityRef: string,
    request: RunRequest,
  ): Promise<{ run: RunRecord; created: boolean }> {
    // Serialised per cluster here; across replicas the database keeps one
    // active run per cluster.
    const previous = this.#requests.get(entityRef) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => this.#requestRunNow(entityRef, request));
    this.#requests.set(entityRef, next);
    try {
      return await next;
    } finally {
      if (this.#requests.get(entityRef) === next) {
        this.#requests.delete(entityRef);
      }
    }
  }

  /**
   * Queues a scheduled run of a cluster for any replica's worker (or
   * returns its queued or running run).
   */
  async enqueueRun(
    entityRef: string,
    options: { createdBy?: string } = {},
  ): Promise<{ run: RunRecord; created: boolean }> {
    const { run, created } = await this.options.store.createActiveRun({
      runId: randomUUID(),
      entityRef,
      trigger: 'schedule',
      createdBy: options.createdBy,
      createdAt: new Date().toISOString(),
    });
    if (created) this.#queue.poll();
    return { run: toRunRecord(run), created };
  }

  async #requestRunNow(
    entityRef: string,
    request: RunRequest,
  ): Promise<{ run: RunRecord; created: boolean }> {
    const { store, resolver, logger } = this.options;
    const active = await store.findActiveRun(entityRef);
    if (active) {
      refuseOtherMode(active, request.mode);
      return {
        run: this.#withLiveProgress(toRunRecord(active)),
        created: false,
      };
    }
    let target: ClusterTarget | undefined;
    let resolveError: Error | undefined;
    try {
      target = await resolver.resolve(entityRef, {
        credentials: request.credentials,
        scheduled: request.trigger === 'schedule',
        userTokens: request.userTokens,
      });
    } catch (error) {
      if (request.trigger !== 'schedule') throw error;
      resolveError = error as Error;
    }
    const claim = this.#lease.claim();
    const { run: created, created: isNew } = await store.createActiveRun({
      runId: randomUUID(),
      entityRef,
      trigger: request.trigger,
      createdBy: request.createdBy,
      createdAt: claim.now,
      dryRunProbes: request.dryRunProbes,
      mode: request.mode,
      ownerReplica: claim.ownerReplica,
      leaseExpiresAt: claim.leaseExpiresAt,
    });
    if (!isNew) {
      // Another replica created one in the meantime.
      refuseOtherMode(created, request.mode);
      return { run: toRunRecord(created), created: false };
    }
    if (!target) {
      const message = redactSecrets(resolveError?.message ?? 'unresolved');
      await store.failRun(created.runId, message, claim.now);
      logger.warn(
        `AI Conformance run for ${entityRef} not started: ${message}`,
      );
      const failed = (await store.getRun(created.runId, {
        withReport: false,
      }))!;
      this.#finished(failed.runId);
      return { run: toRunRecord(failed), created: true };
    }
    logger.info(
      `AI Conformance run ${
        created.runId
      } queued for ${entityRef}: ${describeClusterTarget(target)}`,
    );
    this.#startLocal(created, async () => target!, {
      dryRunProbes: Boolean(request.dryRunProbes),
      requirementsVersion: request.requirementsVersion,
      mode: request.mode,
    });
    return { run: toRunRecord(created), created: true };
  }

  /** Executes a queued run this replica's worker claimed. */
  #startClaimed(run: StoredRun): void {
    this.#startLocal(
      run,
      async () =>
        this.options.resolver.resolve(run.entityRef, {
          credentials: await this.options.auth!.getOwnServiceCredentials(),
          scheduled: true,
        }),
      { dryRunProbes: run.dryRunProbes, mode: run.mode },
    );
  }

  #startLocal(
    run: StoredRun,
    resolveTarget: () => Promise<ClusterTarget>,
    options: {
      dryRunProbes: boolean;
      requirementsVersion?: string;
      mode?: RunMode;
    },
  ): void {
    const { logger } = this.options;
    const runId = run.runId;
    this.#lease.hold(runId);
    this.#progress.set(runId, { done: 0, total: 0, phase: 'queued' });
    const execution = this.#limit(() =>
      this.#execute(run, resolveTarget, options),
    );
    this.#executions.set(runId, execution);
    execution
      .finally(() => {
        this.#executions.delete(runId);
        this.#lease.release(runId);
        this.#progress.delete(runId);
        // A slot is free: look for queued runs.
        this.#queue.poll();
      })
      .catch(error =>
        logger.error(
          `AI Conformance run ${runId} could not be recorded: ${
            (error as Error).message
          }`,
        ),
      );
  }

  /** Stores a report evaluated from an upload as a finished run. */
  async recordUpload(
    entityRef: string,
    report: ConformanceReport,
    artifacts: NewArtifact[],
    createdBy?: string,
  ): Promise<RunRecord> {
    const { store } = this.options;
    const now = new Date().toISOString();
    const finished = await store.recordFinishedRun(
      {
        runId: randomUUID(),
        entityRef,
        trigger: 'upload',
        createdBy,
        createdAt: now,
      },
      report,
      now,
      { artifacts },
    );
    await store.pruneRuns(entityRef, this.options.limits.runsPerCluster);
    this.#finished(finished.runId);
    return toRunRecord(finished);
  }

  /**
   * Resolves when the run has finished. A run executed by another replica
   * (or still queued) is watched in the store, at most `timeoutMs` (default:
   * the cluster deadline plus two leases, by when it has ended or its lease
   * has expired).
   */
  async waitForRun(
    runId: string,
    options: { timeoutMs?: number } = {},
  ): Promise<void> {
    const local = this.#executions.get(runId);
    if (local) {
      await local.catch(() => undefined);
      return;
    }
    const { leaseMs, pollMs } = this.#coordination;
    const until =
      Date.now() +
      (options.timeoutMs ??
        this.options.limits.clusterDeadlineMs + 2 * leaseMs);
    while (Date.now() < until) {
      const run = await this.options.store.getRun(runId, {
        withReport: false,
      });
      if (!run || (run.status !== 'queued' && run.status !== 'running')) {
        return;
      }
      const execution = this.#executions.get(runId);
      if (execution) {
        // Claimed here in the meantime.
        await execution.catch(() => undefined);
        return;
      }
      await new Promise(resolve => setTimeout(resolve, Math.min(pollMs, 1000)));
    }
  }

  /** Resolves when every run executed here has finished and listeners were told. */
  async waitForIdle(): Promise<void> {
    while (this.#executions.size > 0) {
      await Promise.allSettled([...this.#executions.values()]);
    }
    await this.#dispatcher.idle();
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    const run = await this.options.store.getRun(runId);
    return run ? this.#withLiveProgress(toRunRecord(run)) : undefined;
  }

  onRunFinished(listener: RunFinishedListener): () => void {
    return this.#dispatcher.add(listener);
  }

  /** Stops claiming; aborts running checks; queued ones fail when they would start. */
  stop(): void {
    this.#stopped = true;
    this.#queue.stop();
    this.#lease.stop();
    for (const controller of this.#controllers.values()) {
      controller.abort(new Error('The backend is stopping'));
    }
  }

  /**
   * The time a run may take: the cluster deadline; an active run also its
   * active deadline and its cleanup (the engine ends its checks by the
   * active deadline, so this only stops a run that hangs).
   */
  #deadlineMs(mode: RunMode | undefined): number {
    const { limits, active } = this.options;
    if (mode !== 'active') return limits.clusterDeadlineMs;
    return (
      limits.clusterDeadlineMs +
      (active?.deadlineMs ?? 20 * 60_000) +
      (active?.cleanupTimeoutMs ?? 2 * 60_000)
    );
  }

  #withLiveProgress(run: RunRecord): RunRecord {
    const live = this.#progress.get(run.runId);
    return live && (run.status === 'queued' || run.status === 'running')
      ? { ...run, progress: { ...live } }
      : run;
  }

  #finished(runId: string): void {
    this.#dispatcher.push(runId);
    this.options.signals?.finished(runId);
  }

  async #execute(
    run: StoredRun,
    resolveTarget: () => Promise<ClusterTarget>,
    {
      dryRunProbes,
      requirementsVersion,
      mode,
    }: { dryRunProbes: boolean; requirementsVersion?: string; mode?: RunMode },
  ) {
    const { store, runner, logger, limits, signals } = this.options;
    const { runId, entityRef } = run;
    const owner = { ownerReplica: this.replicaId };
    let target: ClusterTarget | undefined;
    let stored = false;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let lastWrite = 0;
    let lastPhase: string | undefined;
    const startedAt = Date.now();
    try {
      if (this.#stopped) {
        stored = await store.failRun(
          runId,
          'The backend stopped before the run started',
          new Date().toISOString(),
          owner,
        );
        return;
      }
      this.#controllers.set(runId, controller);
      if (
        !(await store.markRunning(
          runId,
          new Date(startedAt).toISOString(),
          owner,
        ))
      ) {
        logger.warn(
          `AI Conformance run ${runId} is no longer held by replica ${this.replicaId}; not started`,
        );
        return;
      }
      this.#progress.set(runId, { done: 0, total: 0, phase: 'connect' });
      target = await resolveTarget();
      const deadlineMs = this.#deadlineMs(mode);
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(
            `Deadline exceeded: cluster ${
              target!.name
            } did not finish within ${deadlineMs} ms`,
          );
          controller.abort(error);
          reject(error);
        }, deadlineMs);
      });
      const report = await Promise.race([
        runner.run(target, {
          entityRef,
          runId,
          mode,
          dryRunProbes,
          requirementsVersion,
          requestTimeoutMs: limits.requestTimeoutMs,
          deadlineMs: limits.clusterDeadlineMs,
          signal: controller.signal,
          onProgress: progress => {
            this.#progress.set(runId, { ...progress });
            const now = Date.now();
            if (
              progress.phase !== lastPhase ||
              now - lastWrite >= PROGRESS_WRITE_INTERVAL_MS
            ) {
              lastPhase = progress.phase;
              lastWrite = now;
              store.updateProgress(runId, progress).catch(() => undefined);
              signals?.progress(runId, progress);
            }
          },
        }),
        deadline,
      ]);
      if (controller.signal.aborted) {
        throw controller.signal.reason ?? new Error('Aborted');
      }
      const progress = this.#progress.get(runId);
      stored = await store.completeRun(
        runId,
        report,
        new Date().toISOString(),
        {
          progress: progress && {
            ...progress,
            done: Math.max(progress.done, progress.total),
            phase: 'done',
          },
          ...owner,
        },
      );
      if (stored) {
        logger.info(
          `AI Conformance run ${runId} for ${entityRef} succeeded: ${
            report.verdict
          } (${report.requirementsVersion}) in ${Date.now() - startedAt} ms`,
        );
      } else {
        logger.warn(
          `AI Conformance run ${runId} for ${entityRef} finished after replica ${this.replicaId} lost it (lease expired); its report was not stored`,
        );
      }
    } catch (error) {
      const message = redactSecrets(
        (error as Error)?.message ?? String(error),
        target,
      );
      stored = await store.failRun(
        runId,
        message,
        new Date().toISOString(),
        owner,
      );
      logger.warn(
        `AI Conformance run ${runId} for ${entityRef} failed: ${message}`,
      );
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(runId);
      this.#progress.delete(runId);
    }
    if (!stored) return;
    try {
      await store.pruneRuns(entityRef, limits.runsPerCluster);
    } catch (error) {
      logger.warn(
        `Could not prune old AI Conformance runs: ${(error as Error).message}`,
      );
    }
    this.#finished(runId);
  }
}

/**
 * An active run was asked for while a passive one is queued or running:
 * 409 naming it (asking again once it has finished starts the active run).
 * A passive request during an active run gets the active run, which
 * includes the passive check.
 */
function refuseOtherMode(active: StoredRun, mode: RunMode | undefined): void {
  if (mode === 'active' && active.mode !== 'active') {
    throw new ConflictError(
      `A passive run of ${active.entityRef} is ${active.status} (run ${active.runId}); start the active run when it has finished`,
    );
  }
}
