import {
  cleanupActiveRuns,
  connectToCluster,
  KubeApiClient,
} from '@ai-conformance/plugin-ai-conformance-node';
import { singleLineText } from '@ai-conformance/plugin-ai-conformance-common';
import { CliError, EXIT_INCOMPLETE, EXIT_OK, ExitCode } from '../lib/CliError';
import type { CliIo } from '../lib/cliIo';
import { parseDuration } from '../lib/duration';

export interface CleanupOptions {
  kubeconfig?: string;
  context?: string;
  all?: boolean;
  timeout: string;
}

/**
 * `cleanup`: deletes what active runs left on the cluster (a killed
 * process), found by their labels. Runs that may still be going are left
 * alone unless --all.
 */
export async function runCleanup(
  opts: CleanupOptions,
  io: CliIo,
): Promise<ExitCode> {
  const timeoutMs = parseDuration(opts.timeout);
  let client: KubeApiClient;
  try {
    const connection = await connectToCluster({
      type: 'kubeconfig',
      path: opts.kubeconfig,
      context: opts.context,
    });
    client = await KubeApiClient.create(connection, { maxSockets: 4 });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const result = await cleanupActiveRuns(client, {
    all: Boolean(opts.all),
    timeoutMs,
  });
  for (const d of result.deleted) io.stdout.write(`deleted ${d}\n`);
  for (const s of result.skipped) {
    io.stdout.write(`left ${singleLineText(s)} (use --all to delete it)\n`);
  }
  if (result.deleted.length === 0 && result.skipped.length === 0) {
    io.stdout.write('nothing to clean up\n');
  }
  for (const e of result.errors) {
    io.stderr.write(`ai-conformance: cleanup: ${singleLineText(e)}\n`);
  }
  return result.errors.length > 0 ? EXIT_INCOMPLETE : EXIT_OK;
}
