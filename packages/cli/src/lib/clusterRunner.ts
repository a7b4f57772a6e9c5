import {
  collectClusterSnapshot,
  connectToCluster,
  evaluate,
  runConformanceCheck,
  verifyConnection,
} from '@ai-conformance/plugin-ai-conformance-node';
import type {
  ClusterSnapshot,
  EvaluateOptions,
} from '@ai-conformance/plugin-ai-conformance-node';
import {
  singleLineText,
  type ConformanceReport,
  type RequirementLevel,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ContextError, ContextResult } from './contextResult';
import type { FailOn } from './failOn';
import { CliError, EXIT_USAGE } from './CliError';
import { formatDuration } from './duration';
import { displayUrl } from './displayUrl';
import type { ProgressEvent, ProgressReporter } from './ProgressReporter';
import {
  sampleMetricsSource,
  type MetricsSource,
} from './metricsSourceOptions';

export interface CollectOptions {
  kubeconfig?: string;
  /** Context name; undefined = the kubeconfig's current context. */
  context?: string;
  deadlineMs: number;
  requestTimeoutMs: number;
  dryRunProbes: boolean;
  progress: ProgressReporter;
  /** A metrics source to sample into the snapshot (accelerator_metrics). */
  metrics?: MetricsSource;
  /** Cap on the bytes of one API response (default: the engine's 32 MiB). */
  maxResponseBytes?: number;
}

export interface CollectOutcome {
  /** The context name (resolved when the current context was used). */
  context: string;
  snapshot?: ClusterSnapshot;
  /** The evaluation, when the context was checked (`checkContext`). */
  report?: ConformanceReport;
  error?: ContextError;
  /** The collection ran until the overall deadline. */
  deadlineReached?: boolean;
}

function errorOf(e: unknown): ContextError {
  const err = e as Error & { reason?: string };
  if (err?.name === 'ConnectionError' && typeof err.reason === 'string') {
    return { reason: err.reason, message: err.message };
  }
  if (err?.name === 'InputError') {
    return { reason: 'invalid-input', message: err.message };
  }
  return { reason: 'error', message: err?.message ?? String(e) };
}

/** Reads of a snapshot that ran out of time (deadline or per-request timeout). */
export function timedOutReads(snapshot: ClusterSnapshot): number {
  let n = Object.values(snapshot.reads).filter(
    r => r.outcome === 'timeout',
  ).length;
  n += snapshot.discovery.failures.filter(f => f.outcome === 'timeout').length;
  if (snapshot.version.outcome === 'timeout') n++;
  return n;
}

/** What `check` evaluates against (the checks are always all of them). */
export type CheckEvaluation = Omit<EvaluateOptions, 'checks' | 'artifacts'>;

/**
 * Connects to one kubeconfig context, verifies the connection (so TLS,
 * 401 and unreachable servers give one clear error) and collects a
 * snapshot within the deadline.
 */
export function collectContext(opts: CollectOptions): Promise<CollectOutcome> {
  return runContext(opts);
}

/**
 * `collectContext`, then the evaluation: the engine's run pipeline
 * (`runConformanceCheck`) from connection to report.
 */
export function checkContext(
  opts: CollectOptions,
  evaluation: CheckEvaluation,
): Promise<CollectOutcome> {
  return runContext(opts, evaluation);
}

async function runContext(
  opts: CollectOptions,
  evaluation?: CheckEvaluation,
): Promise<CollectOutcome> {
  const label = opts.context ?? 'current context';
  const started = Date.now();
  let connection;
  try {
    connection = await connectToCluster(
      {
        type: 'kubeconfig',
        path: opts.kubeconfig,
        context: opts.context,
      },
      { maxResponseBytes: opts.maxResponseBytes },
    );
  } catch (e) {
    const error = errorOf(e);
    opts.progress.finish(label, `not checked (${error.reason})`);
    return { context: label, error };
  }
  const context = connection.name;
  opts.progress.start(
    context,
    `connecting to ${displayUrl(connection.server)}`,
  );
  try {
    await verifyConnection(connection, {
      timeoutMs: Math.min(opts.requestTimeoutMs, opts.deadlineMs),
    });
    const remaining = Math.max(1, opts.deadlineMs - (Date.now() - started));
    const source = opts.metrics;
    let collectedAt: number | undefined;
    const collection = {
      requestTimeoutMs: Math.min(opts.requestTimeoutMs, remaining),
      deadlineMs: remaining,
      dryRunProbes: opts.dryRunProbes,
      onProgress: (event: ProgressEvent) => {
        // the evaluation takes milliseconds: no line of its own
        if (event.phase === 'evaluate') collectedAt = Date.now();
        else opts.progress.update(context, event);
      },
      sampleMetrics: source
        ? ({ timeoutMs }: { timeoutMs: number }) =>
            sampleMetricsSource(source, { timeoutMs })
        : undefined,
    };
    const { snapshot, report } = evaluation
      ? await runConformanceCheck(connection, { ...collection, ...evaluation })
      : { snapshot: await collectClusterSnapshot(connection, collection) };
    // the collector stops at the deadline; allow for timer granularity
    const deadlineReached =
      (collectedAt ?? Date.now()) - started >= opts.deadlineMs - 250;
    return { context, snapshot, report, deadlineReached };
  } catch (e) {
    // a checklist the snapshot cannot be evaluated against is a usage error
    if (evaluation && (e as Error)?.name === 'InputError') {
      throw new CliError((e as Error).message, EXIT_USAGE);
    }
    const error = errorOf(e);
    opts.progress.finish(context, `not checked (${error.reason})`);
    return { context, error };
  }
}

/** Evaluates a snapshot and keeps the deadline facts for the message. */
export function evaluateSnapshot(
  context: string,
  snapshot: ClusterSnapshot,
  requirementsVersion: string | undefined,
  options: Omit<EvaluateOptions, 'requirementsVersion'> = {},
): ContextResult {
  try {
    const report = evaluate(snapshot, { ...options, requirementsVersion });
    return { context, report, timedOutReads: timedOutReads(snapshot) };
  } catch (e) {
    const err = e as Error;
    if (err?.name === 'InputError') throw new CliError(err.message, EXIT_USAGE);
    throw e;
  }
}

/** How to describe a result: the deadline for timeouts, the gate level. */
export interface DescribeOptions {
  deadlineMs?: number;
  failOn?: FailOn;
}

/** One line for stderr about a context's result. */
export function describeResult(
  result: ContextResult,
  opts: DescribeOptions = {},
): string {
  // one terminal line: the message may quote what a server answered
  return singleLineText(
    displayUrl(`${result.context}: ${describeOutcome(result, opts)}`),
  );
}

/**
 * The verdict and what caused it (failed and undetermined MUSTs, and SHOULDs
 * with --fail-on should), or the connection error, in one line.
 */
export function describeOutcome(
  result: ContextResult,
  opts: DescribeOptions = {},
): string {
  if (!result.report) {
    return result.error?.message ?? 'not checked';
  }
  const r = result.report;
  const parts = [`${r.verdict} against checklist v${r.requirementsVersion}`];
  const levels: RequirementLevel[] =
    opts.failOn === 'should' ? ['MUST', 'SHOULD'] : ['MUST'];
  for (const level of levels) {
    const of = r.requirements.filter(x => x.level === level);
    const failed = of.filter(x => x.status === 'fail').map(x => x.id);
    const undecided = of
      .filter(x => x.status === 'unknown' || x.status === 'partial')
      .map(x => x.id);
    if (failed.length) parts.push(`${level} failed: ${failed.join(', ')}`);
    if (undecided.length) {
      parts.push(`${level} undetermined: ${undecided.join(', ')}`);
    }
  }
  const n = result.timedOutReads ?? 0;
  const reads = `${n} read${n === 1 ? '' : 's'} timed out`;
  if (n && result.deadlineReached && opts.deadlineMs !== undefined) {
    parts.push(
      `deadline of ${formatDuration(opts.deadlineMs)} reached: ${reads}`,
    );
  } else if (n) {
    parts.push(reads);
  }
  return parts.join('; ');
}
