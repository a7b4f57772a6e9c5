import type { LoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { RunProgress } from '@ai-conformance/plugin-ai-conformance-common';

/** The part of Backstage's `SignalsService` that {@link RunSignals} uses. */
export type SignalPublisher = Pick<SignalsService, 'publish'>;

/** The signal channel of one run: `ai-conformance:run:<runId>`. */
export function runSignalChannel(runId: string): string {
  return `ai-conformance:run:${runId}`;
}

/**
 * Pushes a run's progress and its end to browsers through Backstage
 * signals (the signals backend relays them between replicas through the
 * events service) on the run's own channel. Only the run id, status and
 * progress counts are sent (no cluster name, no report): a receiver reads
 * the run through the API with its own permissions.
 */
export class RunSignals {
  constructor(
    private readonly options: {
      signals: SignalPublisher;
      logger: LoggerService;
    },
  ) {}

  progress(runId: string, progress: RunProgress): void {
    this.#publish(runId, {
      runId,
      status: 'running',
      progress: {
        done: progress.done,
        total: progress.total,
        ...(progress.phase ? { phase: progress.phase } : {}),
      },
    });
  }

  finished(runId: string): void {
    this.#publish(runId, { runId, status: 'finished' });
  }

  #publish(runId: string, message: JsonObject): void {
    this.options.signals
      .publish({
        recipients: { type: 'broadcast' },
        channel: runSignalChannel(runId),
        message,
      })
      .catch(error =>
        this.options.logger.debug(
          `Could not publish an AI Conformance run signal: ${
            (error as Error).message
          }`,
        ),
      );
  }
}
