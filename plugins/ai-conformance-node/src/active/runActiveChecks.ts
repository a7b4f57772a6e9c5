import { randomUUID } from 'node:crypto';
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import { ACTIVE_CHECKS, RUNNER_PERMISSIONS } from './activeChecks';
import { DEFAULT_ACTIVE_IMAGES } from './activeImages';
import {
  cleanupActiveRuns,
  CleanupActiveRunsResult,
} from './cleanupActiveRuns';
import { ActiveInconclusive, deadlineSignal, KubeOps } from './KubeOps';
import { permissionAsks, preflightPermissions } from './preflight';
import { EXPIRES_ANNOTATION, runLabels, runNamespace } from './runLabels';
import type {
  ActiveCheck,
  ActiveCheckOptions,
  ActiveCheckResult,
  ActiveClient,
  ActiveProgressEvent,
} from './types';

/** @public */
export interface RunActiveChecksOptions extends ActiveCheckOptions {
  /** Requirement ids to test (e.g. those of the report's checklist); default all. */
  requirementIds?: string[];
  /** The checks to run; default `ACTIVE_CHECKS`. */
  checks?: readonly ActiveCheck[];
  /** Default: a random UUID. */
  runId?: string;
  /** Deadline of the whole run (cleanup excluded); default 20 minutes. */
  deadlineMs?: number;
  /** Deadline of each check; default each check's own. */
  checkDeadlineMs?: number;
  /** Per-request timeout; default 10 s. */
  requestTimeoutMs?: number;
  /** Bound on cleanup (and the orphan sweep); default 2 minutes. */
  cleanupTimeoutMs?: number;
  /** Skip the orphan sweep at the start; default false. */
  noSweep?: boolean;
  /** Cancels the run; cleanup still happens. */
  signal?: AbortSignal;
  onProgress?(event: ActiveProgressEvent): void;
}

/** @public */
export interface ActiveRunResult {
  runId: string;
  namespace: string;
  startedAt: string;
  durationMs: number;
  /** Missing permissions; when any, nothing was created and every result is `unknown`. */
  missingPermissions: string[];
  results: ActiveCheckResult[];
  /** What the orphan sweep removed before the run. */
  swept: CleanupActiveRunsResult;
  /** What the run's own cleanup removed. */
  cleanup: CleanupActiveRunsResult;
  cancelled: boolean;
}

const EMPTY: CleanupActiveRunsResult = { deleted: [], skipped: [], errors: [] };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Runs the active checks against a cluster: a SelfSubjectAccessReview
 * preflight for every verb (if one is missing nothing is created and every
 * check is `unknown`, naming the verbs), an orphan sweep of expired runs,
 * one labelled namespace for the run, each check under its own deadline and
 * the run's, and cleanup on success, failure, deadline and cancel.
 *
 * @public
 */
export async function runActiveChecks(
  client: ActiveClient,
  options: RunActiveChecksOptions = {},
): Promise<ActiveRunResult> {
  const started = Date.now();
  const runId = options.runId ?? randomUUID();
  const namespace = runNamespace(runId);
  const labels = runLabels(runId);
  const wanted = options.requirementIds
    ? new Set(options.requirementIds)
    : undefined;
  const checks = (options.checks ?? ACTIVE_CHECKS).filter(
    c => !wanted || wanted.has(c.id),
  );
  const deadlineMs = options.deadlineMs ?? 20 * 60_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const cleanupTimeoutMs = options.cleanupTimeoutMs ?? 120_000;
  const progress = (check: string, step: string, message: string) =>
    options.onProgress?.({
      check,
      step,
      message,
      elapsedMs: Date.now() - started,
    });
  const run = deadlineSignal(options.signal, deadlineMs);
  const runEnd = started + deadlineMs;
  const base: Omit<ActiveRunResult, 'durationMs' | 'results'> = {
    runId,
    namespace,
    startedAt: new Date(started).toISOString(),
    missingPermissions: [],
    swept: EMPTY,
    cleanup: EMPTY,
    cancelled: false,
  };
  const unknownAll = (summary: string): ActiveCheckResult[] =>
    checks.map(c => ({
      id: c.id,
      status: 'unknown',
      summary,
      evidence: [],
      durationMs: 0,
    }));
  const runKube = new KubeOps(client, run.signal, {
    requestTimeoutMs,
    pollIntervalMs,
  });
  let touched = false;

  const execute = async (): Promise<ActiveRunResult> => {
    // 1. Preflight: may we do everything we will do?
    progress(
      'run',
      'preflight',
      'checking permissions (SelfSubjectAccessReview)',
    );
    let missing: string[];
    try {
      missing = await preflightPermissions(
        runKube,
        permissionAsks(
          [...RUNNER_PERMISSIONS, ...checks.flatMap(c => c.permissions)],
          namespace,
        ),
      );
    } catch (e) {
      return {
        ...base,
        durationMs: Date.now() - started,
        results: unknownAll(
          `The permission preflight could not run: ${
            (e as Error).message
          }; nothing was created.`,
        ),
      };
    }
    if (missing.length > 0) {
      progress(
        'run',
        'preflight',
        `missing ${missing.length} permission(s); nothing created`,
      );
      return {
        ...base,
        missingPermissions: missing,
        durationMs: Date.now() - started,
        results: unknownAll(
          `The active check was not run: the credentials lack ${
            missing.length
          } permission(s) an active run needs (${missing.join(
            '; ',
          )}); nothing was created.`,
        ),
      };
    }

    // 2. Orphan sweep of runs killed before their cleanup.
    touched = true;
    if (!options.noSweep) {
      progress('run', 'sweep', 'removing objects left by earlier runs');
      base.swept = await cleanupActiveRuns(client, {
        timeoutMs: cleanupTimeoutMs,
        requestTimeoutMs,
        pollIntervalMs,
      });
      for (const d of base.swept.deleted)
        progress('run', 'sweep', `deleted ${d}`);
    }

    // 3. The run's namespace.
    progress('run', 'namespace', `creating namespace ${namespace}`);
    try {
      await runKube.create('/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: namespace,
          labels,
          annotations: {
            [EXPIRES_ANNOTATION]: new Date(runEnd).toISOString(),
          },
        },
      });
    } catch (e) {
      return {
        ...base,
        durationMs: Date.now() - started,
        results: unknownAll(
          `The run's namespace could not be created: ${(e as Error).message}.`,
        ),
      };
    }

    // 4. The checks, one after the other.
    const results: ActiveCheckResult[] = [];
    for (const check of checks) {
      const checkStart = Date.now();
      const checkDeadline = options.checkDeadlineMs ?? check.deadlineMs;
      const checkEnd = checkStart + checkDeadline;
      const margin = Math.min(10_000, checkDeadline / 10);
      const signal = deadlineSignal(run.signal, checkDeadline);
      const kube = new KubeOps(client, signal.signal, {
        requestTimeoutMs,
        pollIntervalMs,
      });
      const steps: Array<{ step: string; message: string; atMs: number }> = [];
      progress(check.id, 'start', `deadline ${seconds(checkDeadline)}`);
      let outcome: Omit<ActiveCheckResult, 'durationMs'>;
      try {
        if (run.signal.aborted)
          throw new ActiveInconclusive(
            'the run was cancelled or reached its deadline before this check',
          );
        outcome = await check.run({
          kube,
          namespace,
          runId,
          labels,
          images: { ...DEFAULT_ACTIVE_IMAGES, ...options.images },
          options,
          signal: signal.signal,
          step: (step, message) => {
            steps.push({ step, message, atMs: Date.now() - checkStart });
            progress(check.id, step, message);
          },
          remainingMs: () =>
            Math.max(0, Math.min(checkEnd, runEnd) - Date.now() - margin),
          boundByRunDeadline: () =>
            runEnd < checkEnd || Boolean(options.signal?.aborted),
        });
      } catch (e) {
        let why = `unexpected error: ${(e as Error).message}`;
        if (options.signal?.aborted) why = 'the run was cancelled';
        else if (e instanceof ActiveInconclusive) why = e.message;
        outcome = {
          id: check.id,
          status: 'unknown',
          summary: `The active check could not tell: ${why}.`,
          evidence: [],
        };
      } finally {
        signal.dispose();
      }
      const durationMs = Date.now() - checkStart;
      const extra: Evidence[] = [];
      if (kube.created.length > 0) {
        extra.push({
          description: `Objects created: ${kube.created
            .map(
              o => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`,
            )
            .join(', ')}`,
          fields: { runId, namespace, objects: kube.created.length },
        });
      }
      if (steps.length > 0) {
        const fields: Record<string, string> = {};
        for (const s of steps)
          fields[`${seconds(s.atMs)} ${s.step}`] = s.message.slice(0, 200);
        extra.push({
          description: `Steps of the active check (${seconds(
            durationMs,
          )} in all)`,
          fields,
        });
      }
      const result: ActiveCheckResult = {
        ...outcome,
        evidence: [...outcome.evidence, ...extra],
        durationMs,
      };
      progress(
        check.id,
        'done',
        `${result.status} in ${seconds(durationMs)}: ${result.summary}`,
      );
      results.push(result);
    }
    return {
      ...base,
      results,
      durationMs: Date.now() - started,
      cancelled: Boolean(options.signal?.aborted),
    };
  };

  let outcome: ActiveRunResult;
  try {
    outcome = await execute();
  } catch (e) {
    outcome = {
      ...base,
      durationMs: Date.now() - started,
      results: unknownAll(`The active run stopped: ${(e as Error).message}.`),
    };
  } finally {
    run.dispose();
  }
  if (touched) {
    progress(
      'run',
      'cleanup',
      `deleting namespace ${namespace} and the run's labelled objects`,
    );
    const cleanup = await cleanupActiveRuns(client, {
      runId,
      timeoutMs: cleanupTimeoutMs,
      requestTimeoutMs,
      pollIntervalMs,
    });
    progress(
      'run',
      'cleanup',
      `deleted ${cleanup.deleted.length} object(s)${
        cleanup.errors.length
          ? `; ${cleanup.errors.length} error(s): ${cleanup.errors.join('; ')}`
          : ''
      }`,
    );
    outcome = { ...outcome, cleanup, durationMs: Date.now() - started };
  }
  return outcome;
}
