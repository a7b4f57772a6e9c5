import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ConformanceStore, StoredRun } from '../database/ConformanceStore';
import type { RunLease } from './RunLease';

/**
 * The worker loop of one replica: claims queued runs nobody executes yet,
 * as many as its free capacity, hands each to `execute`, and periodically
 * recovers runs whose owner's lease expired.
 */
export class RunQueue {
  #pollTimer: NodeJS.Timeout | undefined;
  #recoveryTimer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #again = false;
  #stopped = true;

  constructor(
    private readonly options: {
      store: ConformanceStore;
      lease: RunLease;
      logger: LoggerService;
      pollMs: number;
      recoveryMs: number;
      /** Runs this replica can start now. */
      capacity: () => number;
      execute: (run: StoredRun) => void;
      recover: () => Promise<unknown>;
    },
  ) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#pollTimer = setInterval(() => this.poll(), this.options.pollMs);
    this.#pollTimer.unref?.();
    this.#recoveryTimer = setInterval(
      () =>
        void this.options
          .recover()
          .catch(error =>
            this.options.logger.warn(
              `AI Conformance run recovery failed: ${(error as Error).message}`,
            ),
          ),
      this.options.recoveryMs,
    );
    this.#recoveryTimer.unref?.();
    this.poll();
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#pollTimer);
    clearInterval(this.#recoveryTimer);
  }

  /** Looks for queued runs now (again once the current look ends). */
  poll(): void {
    if (this.#stopped) return;
    if (this.#polling) {
      this.#again = true;
      return;
    }
    this.#polling = this.#claim()
      .catch(error =>
        this.options.logger.warn(
          `Could not claim queued AI Conformance runs: ${
            (error as Error).message
          }`,
        ),
      )
      .finally(() => {
        this.#polling = undefined;
        if (this.#again) {
          this.#again = false;
          this.poll();
        }
      });
  }

  async #claim(): Promise<void> {
    const { store, lease, capacity, execute } = this.options;
    for (;;) {
      const free = capacity();
      if (this.#stopped || free < 1) return;
      const runs = await store.claimQueuedRuns(lease.claim(), free);
      for (const run of runs) execute(run);
      if (runs.length < free) return;
    }
  }
}
