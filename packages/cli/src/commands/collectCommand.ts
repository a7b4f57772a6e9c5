import { CliError, ExitCode } from '../lib/CliError';
import { CliIo } from '../lib/cliIo';
import { parseMaxResponseBytes } from '../lib/byteSize';
import { collectContext } from '../lib/clusterRunner';
import { timedOutReads } from '../lib/clusterRunner';
import { parseDuration } from '../lib/duration';
import { parseMetricsSource } from '../lib/metricsSourceOptions';
import { writeOutput } from '../lib/outputTarget';
import { createProgress, MAX_REQUEST_TIMEOUT_MS } from './checkCommand';

export interface CollectCommandOptions {
  kubeconfig?: string;
  context?: string;
  out?: string;
  timeout: string;
  maxResponseBytes?: string;
  dryRunProbes?: boolean;
  quiet?: boolean;
  prometheusUrl?: string;
  prometheusTokenEnv?: string;
  prometheusMatcher?: string[];
}

/**
 * `collect`: reads the cluster into a snapshot file (no credentials), to
 * evaluate elsewhere with `evaluate` or upload with `upload`.
 */
export async function runCollect(
  opts: CollectCommandOptions,
  io: CliIo,
): Promise<ExitCode> {
  const deadlineMs = parseDuration(opts.timeout);
  const maxResponseBytes = parseMaxResponseBytes(opts.maxResponseBytes);
  const metrics = parseMetricsSource(opts, io.env);
  const progress = createProgress(io, opts.quiet);
  const collected = await collectContext({
    kubeconfig: opts.kubeconfig,
    context: opts.context,
    deadlineMs,
    requestTimeoutMs: Math.min(MAX_REQUEST_TIMEOUT_MS, deadlineMs),
    dryRunProbes: Boolean(opts.dryRunProbes),
    progress,
    metrics,
    maxResponseBytes,
  });
  if (!collected.snapshot) {
    progress.close();
    throw new CliError(collected.error?.message ?? 'collection failed');
  }
  const snapshot = collected.snapshot;
  const reads = Object.keys(snapshot.reads).length;
  const timedOut = timedOutReads(snapshot);
  progress.finish(
    collected.context,
    `collected ${reads} reads in ${snapshot.stats.durationMs} ms${
      timedOut ? `; ${timedOut} timed out` : ''
    }${opts.out ? ` → ${opts.out}` : ''}`,
  );
  progress.close();
  await writeOutput(io, `${JSON.stringify(snapshot, null, 2)}\n`, opts.out);
  return 0;
}
