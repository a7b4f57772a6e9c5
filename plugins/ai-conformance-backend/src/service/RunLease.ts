import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ConformanceStore, RunClaim } from '../database/ConformanceStore';

/** How replicas share runs through the database. */
export interface RunCoordination {
  /** This process's id, stored as the owner of the runs it executes. */
  replicaId: string;
  /** How long a claim on a run lasts without a heartbeat. */
  leaseMs: number;
  /** How often the leases of the runs executed here are renewed. */
  heartbeatMs: number;
  /** How often idle workers look for queued runs. */
  pollMs: number;
}

/** Defaults: a 60 s lease renewed every 15 s, queued runs looked for every 2 s. */
export const DEFAULT_RUN_COORDINATION: Omit<RunCoordination, 'replicaId'> = {
  leaseMs: 60_000,
  heartbeatMs: 15_000,
  pollMs: 2_000,
};

/** A random id for this process: host name, process id and 8 random hex digits. */
export function createReplicaId(): string {
  const host = os
    .hostname()
    .replace(/[^A-Za-z0-9.-]/g, '')
    .slice(0, 64);
  return `${host || 'replica'}-${process.pid}-${randomBytes(4).toString(
    'hex',
  )}`;
}

/**
 * The runs this replica executes and their leases: {@link RunLease.claim}
 * gives the claim to store with a run, a heartbeat renews the leases of
 * every run held here until it is released.
 */
export class RunLease {
  readonly #held = new Set<string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      store: ConformanceStore;
      coordination: RunCoordination;
      logger: LoggerService;
    },
  ) {}

  get replicaId(): string {
    return this.options.coordination.replicaId;
  }

  /** A claim starting now and lasting one lease. */
  claim(now = Date.now()): RunClaim {
    return {
      ownerReplica: this.replicaId,
      now: new Date(now).toISOString(),
      leaseExpiresAt: new Date(
        now + this.options.coordination.leaseMs,
      ).toISOString(),
    };
  }

  hold(runId: string): void {
    this.#held.add(runId);
  }

  release(runId: string): void {
    this.#held.delete(runId);
  }

  /** Runs held here. */
  get size(): number {
    return this.#held.size;
  }

  /** Renews the leases of the runs held here. */
  async renew(): Promise<void> {
    if (this.#held.size === 0) return;
    try {
      await this.options.store.renewLeases(this.claim(), [...this.#held]);
    } catch (error) {
      this.options.logger.warn(
        `Could not renew the leases of ${
          this.#held.size
        } AI Conformance run(s): ${(error as Error).message}`,
      );
    }
  }

  /** Starts the heartbeat. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(
      () => void this.renew(),
      this.options.coordination.heartbeatMs,
    );
    this.#timer.unref?.();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
