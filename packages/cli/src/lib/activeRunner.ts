import {
  connectToCluster,
  KubeApiClient,
  mergeActiveResults,
  runActiveChecks,
  type RunActiveChecksOptions,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { singleLineText } from '@ai-conformance/plugin-ai-conformance-common';
import type { CliIo } from './cliIo';

/** Bounded per request, as the passive reads are. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Calls `onSignal` on the first SIGINT/SIGTERM (the run cancels and cleans
 * up); a second one ends the process at once. Returns the undo.
 */
export function onInterrupt(onSignal: () => void): () => void {
  let seen = false;
  const handler = (signal: NodeJS.Signals) => {
    if (seen) process.exit(signal === 'SIGINT' ? 130 : 143);
    seen = true;
    onSignal();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * The active run of `check --active` on one kubeconfig context: runs the
 * active checks of the report's checklist, prints one progress line per
 * step on stderr, cancels (and cleans up) on Ctrl-C, and returns the report
 * with the active results merged in.
 */
export async function runActiveForContext(
  target: { kubeconfig?: string; context?: string; maxResponseBytes?: number },
  report: ConformanceReport,
  options: Omit<
    RunActiveChecksOptions,
    'onProgress' | 'signal' | 'requirementIds'
  >,
  io: CliIo,
  /** Writes one progress line (stderr, unless quiet). */
  say: (line: string) => void,
): Promise<ConformanceReport> {
  const connection = await connectToCluster(
    { type: 'kubeconfig', path: target.kubeconfig, context: target.context },
    { maxResponseBytes: target.maxResponseBytes },
  );
  const client = await KubeApiClient.create(connection, { maxSockets: 4 });
  const controller = new AbortController();
  const undo = onInterrupt(() => {
    io.stderr.write(
      'ai-conformance: cancelling the active run; cleaning up (press Ctrl-C again to stop at once)\n',
    );
    controller.abort();
  });
  try {
    const run = await runActiveChecks(client, {
      ...options,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      requirementIds: report.requirements.map(r => r.id),
      signal: controller.signal,
      onProgress: e =>
        say(
          singleLineText(
            `[${connection.name}] active ${(e.elapsedMs / 1000).toFixed(1)}s ${
              e.check
            } ${e.step}: ${e.message}`,
          ),
        ),
    });
    if (run.missingPermissions.length > 0) {
      io.stderr.write(
        `ai-conformance: active checks not run, nothing created; missing permissions:\n${run.missingPermissions
          .map(m => `  - ${m}\n`)
          .join('')}`,
      );
    }
    for (const e of run.cleanup.errors) {
      io.stderr.write(
        `ai-conformance: cleanup: ${singleLineText(
          e,
        )} (run "ai-conformance cleanup" later)\n`,
      );
    }
    return mergeActiveResults(report, run);
  } finally {
    undo();
  }
}
