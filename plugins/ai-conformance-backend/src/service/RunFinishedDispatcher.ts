import type { LoggerService } from '@backstage/backend-plugin-api';
import type { RunFinishedListener } from '@ai-conformance/plugin-ai-conformance-node';
import type { ConformanceStore } from '../database/ConformanceStore';
import { toRunRecord } from './runRecords';

/**
 * Tells listeners about finished runs, one run at a time: only run ids
 * wait in line, and a run's report (and its predecessor's) is read when
 * its turn comes, so a fleet pass never holds more than two reports here.
 */
export class RunFinishedDispatcher {
  readonly #listeners = new Set<RunFinishedListener>();
  readonly #waiting: string[] = [];
  #draining: Promise<void> | undefined;

  constructor(
    private readonly options: {
      store: ConformanceStore;
      logger: LoggerService;
    },
  ) {}

  add(listener: RunFinishedListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Queues the finished run for the listeners. */
  push(runId: string): void {
    if (this.#listeners.size === 0) return;
    this.#waiting.push(runId);
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined;
    });
  }

  /** Resolves when every queued run has been handed to the listeners. */
  async idle(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    for (;;) {
      const runId = this.#waiting.shift();
      if (!runId) return;
      try {
        await this.#dispatch(runId);
      } catch (error) {
        this.options.logger.warn(
          `Could not tell listeners about AI Conformance run ${runId}: ${
            (error as Error).message
          }`,
        );
      }
    }
  }

  async #dispatch(runId: string): Promise<void> {
    const { store, logger } = this.options;
    const run = await store.getRun(runId);
    if (!run) return;
    const [previous] = (
      await store
        .listRuns(run.entityRef, { limit: 2, before: run.createdAt })
        .catch(() => [])
    ).filter(r => r.status !== 'queued' && r.status !== 'running');
    const previousRun = previous
      ? (await store.getRun(previous.runId)) ?? previous
      : undefined;
    const event = {
      run: toRunRecord(run),
      ...(previousRun ? { previous: toRunRecord(previousRun) } : {}),
    };
    for (const listener of [...this.#listeners]) {
      try {
        await listener(event);
      } catch (error) {
        logger.warn(
          `An AI Conformance run listener failed: ${(error as Error).message}`,
        );
      }
    }
  }
}
