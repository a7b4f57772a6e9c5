import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  ConformanceReport,
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

/** Limits of {@link RunManager}. */
export interface RunManagerLimits {
  /** Clusters checked at the same time. */
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
}

/** Options of {@link RunManager}. */
export interface RunManagerOptions {
  store: ConformanceStore;
  resolver: ClusterResolver;
  runner: ConformanceRunner;
  logger: LoggerService;
  limits: RunManagerLimits;
}

const PROGRESS_WRITE_INTERVAL_MS = 1000;

/** The public shape of a stored run. */
export function toRunRecord(run: StoredRun): RunRecord {
  const { dryRunProbes, platform, kubernetesVersion, ...record } = run;
  return record;
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

/**
 * Queues, de-duplicates and executes check runs with bounded concurrency
 * and a per-cluster deadline; keeps live progress in memory and in the
 * store; tells listeners about finished runs.
 */
export class RunManager {
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #progress = new Map<string, RunProgress>();
  readonly #controllers = new Map<string, AbortController>();
  readonly #requests = new Map<string, Promise<unknown>>();
  readonly #listeners = new Set<RunFinishedListener>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #executions = new Map<string, Promise<void>>();
  #stopped = false;

  constructor(private readonly options: RunManagerOptions) {
    this.#limit = pLimit(Math.max(1, options.limits.concurrency));
  }

  /** Marks runs left queued or running by a previous process as failed. */
  async recoverInterruptedRuns(): Promise<number> {
    const count = await this.options.store.failUnfinishedRuns(
      'Interrupted: the backend stopped before the run finished',
      new Date().toISOString(),
    );
    if (count > 0) {
      this.options.logger.warn(
        `Marked ${count} interrupted AI Conformance run(s) as failed`,
      );
    }
    return count;
  }

  /**
   * Starts a run for a cluster, or returns its queued or running run.
   * Resolution errors are thrown for user-started runs and stored as a
   * failed run for scheduled ones.
   */
  async requestRun(
    entityRef: string,
    request: RunRequest,
  ): Promise<{ run: RunRecord; created: boolean }> {
    // Serialise requests per cluster so two callers never create two runs.
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

  async #requestRunNow(
    entityRef: string,
    request: RunRequest,
  ): Promise<{ run: RunRecord; created: boolean }> {
    const { store, resolver, logger } = this.options;
    const active = await store.findActiveRun(entityRef);
    if (active) {
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
    const now = new Date().toISOString();
    const created = await store.createRun({
      runId: randomUUID(),
      entityRef,
      trigger: request.trigger,
      createdBy: request.createdBy,
      createdAt: now,
      dryRunProbes: request.dryRunProbes,
    });
    if (!target) {
      const message = redactSecrets(resolveError?.message ?? 'unresolved');
      await store.failRun(created.runId, message, now);
      logger.warn(
        `AI Conformance run for ${entityRef} not started: ${message}`,
      );
      const failed = (await store.getRun(created.runId))!;
      this.#emitFinished(failed);
      return { run: toRunRecord(failed), created: true };
    }
    logger.info(
      `AI Conformance run ${
        created.runId
      } queued for ${entityRef}: ${describeClusterTarget(target)}`,
    );
    this.#progress.set(created.runId, { done: 0, total: 0, phase: 'queued' });
    const execution = this.#limit(() =>
      this.#execute(created, target!, {
        dryRunProbes: Boolean(request.dryRunProbes),
        requirementsVersion: request.requirementsVersion,
      }),
    );
    this.#inFlight.add(execution);
    this.#executions.set(created.runId, execution);
    execution
      .finally(() => {
        this.#inFlight.delete(execution);
        this.#executions.delete(created.runId);
      })
      .catch(error =>
        logger.error(
          `AI Conformance run ${created.runId} could not be recorded: ${
            (error as Error).message
          }`,
        ),
      );
    return { run: toRunRecord(created), created: true };
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
    const created = await store.createRun({
      runId: randomUUID(),
      entityRef,
      trigger: 'upload',
      createdBy,
      createdAt: now,
    });
    await store.markRunning(created.runId, now);
    await store.completeRun(created.runId, report, now, { artifacts });
    await store.pruneRuns(entityRef, this.options.limits.runsPerCluster);
    const finished = (await store.getRun(created.runId))!;
    this.#emitFinished(finished);
    return toRunRecord(finished);
  }

  /** Resolves when the run has finished (at once when it is not in flight here). */
  async waitForRun(runId: string): Promise<void> {
    await this.#executions.get(runId)?.catch(() => undefined);
  }

  /** Resolves when every queued or running run has finished. */
  async waitForIdle(): Promise<void> {
    while (this.#inFlight.size > 0) {
      await Promise.allSettled([...this.#inFlight]);
    }
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    const run = await this.options.store.getRun(runId);
    return run ? this.#withLiveProgress(toRunRecord(run)) : undefined;
  }

  onRunFinished(listener: RunFinishedListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Aborts running checks; queued ones fail when they would start. */
  stop(): void {
    this.#stopped = true;
    for (const controller of this.#controllers.values()) {
      controller.abort(new Error('The backend is stopping'));
    }
  }

  #withLiveProgress(run: RunRecord): RunRecord {
    const live = this.#progress.get(run.runId);
    return live && (run.status === 'queued' || run.status === 'running')
      ? { ...run, progress: { ...live } }
      : run;
  }

  async #execute(
    run: StoredRun,
    target: ClusterTarget,
    {
      dryRunProbes,
      requirementsVersion,
    }: { dryRunProbes: boolean; requirementsVersion?: string },
  ) {
    const { store, runner, logger, limits } = this.options;
    const runId = run.runId;
    if (this.#stopped) {
      await store.failRun(
        runId,
        'The backend stopped before the run started',
        new Date().toISOString(),
      );
      this.#progress.delete(runId);
      return;
    }
    const controller = new AbortController();
    this.#controllers.set(runId, controller);
    let timer: NodeJS.Timeout | undefined;
    let lastWrite = 0;
    let lastPhase: string | undefined;
    const startedAt = Date.now();
    try {
      await store.markRunning(runId, new Date(startedAt).toISOString());
      this.#progress.set(runId, { done: 0, total: 0, phase: 'connect' });
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(
            `Deadline exceeded: cluster ${target.name} did not finish within ${limits.clusterDeadlineMs} ms`,
          );
          controller.abort(error);
          reject(error);
        }, limits.clusterDeadlineMs);
      });
      const report = await Promise.race([
        runner.run(target, {
          entityRef: run.entityRef,
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
            }
          },
        }),
        deadline,
      ]);
      if (controller.signal.aborted) {
        throw controller.signal.reason ?? new Error('Aborted');
      }
      const progress = this.#progress.get(runId);
      await store.completeRun(runId, report, new Date().toISOString(), {
        progress: progress && {
          ...progress,
          done: Math.max(progress.done, progress.total),
          phase: 'done',
        },
      });
      logger.info(
        `AI Conformance run ${runId} for ${run.entityRef} succeeded: ${
          report.verdict
        } (${report.requirementsVersion}) in ${Date.now() - startedAt} ms`,
      );
    } catch (error) {
      const message = redactSecrets(
        (error as Error)?.message ?? String(error),
        target,
      );
      await store.failRun(runId, message, new Date().toISOString());
      logger.warn(
        `AI Conformance run ${runId} for ${run.entityRef} failed: ${message}`,
      );
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(runId);
      this.#progress.delete(runId);
    }
    try {
      await store.pruneRuns(run.entityRef, limits.runsPerCluster);
    } catch (error) {
      logger.warn(
        `Could not prune old AI Conformance runs: ${(error as Error).message}`,
      );
    }
    const finished = await store.getRun(runId);
    if (finished) this.#emitFinished(finished);
  }

  #emitFinished(run: StoredRun) {
    if (this.#listeners.size === 0) return;
    const record = toRunRecord(run);
    void (async () => {
      const [previous] = (
        await this.options.store
          .listRuns(run.entityRef, { limit: 2, before: run.createdAt })
          .catch(() => [])
      ).filter(r => r.status !== 'queued' && r.status !== 'running');
      const previousRecord = previous
        ? toRunRecord(
            (await this.options.store.getRun(previous.runId)) ?? previous,
          )
        : undefined;
      for (const listener of [...this.#listeners]) {
        try {
          await listener({
            run: record,
            ...(previousRecord ? { previous: previousRecord } : {}),
          });
        } catch (error) {
          this.options.logger.warn(
            `An AI Conformance run listener failed: ${
              (error as Error).message
            }`,
          );
        }
      }
    })();
  }
}
