import type {
  AiConformanceService,
  ClusterLatestResult,
  RequestRunOptions,
  RequestRunResult,
  RunFinishedListener,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import type {
  ClusterSummary,
  GoldLevelRules,
  RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceStore } from '../database/ConformanceStore';
import type { ClusterSummaryStore } from '../database/ClusterSummaryStore';
import type { RunManager } from './RunManager';
import { summarizeCluster, summarizeRecord } from './summarizeCluster';
import { runCreator } from './runCreator';

/**
 * The in-process implementation of {@link AiConformanceService}, registered
 * with the shared broker. No permission checks: callers are backend code.
 */
export class ConformanceService implements AiConformanceService {
  constructor(
    private readonly deps: {
      store: ConformanceStore;
      /** The fleet's read model (`listSummaries`). */
      summaries: ClusterSummaryStore;
      runs: RunManager;
      auth: AuthService;
      /** `aiConformance.levels.gold`; defaults when empty. */
      goldRules?: Partial<GoldLevelRules>;
      /** The clock levels are measured against (tests). */
      now?: () => Date;
    },
  ) {}

  async getLatest(entityRef: string): Promise<ClusterLatestResult | undefined> {
    const { store } = this.deps;
    const ref = stringifyEntityRef(parseEntityRef(entityRef));
    const [latest, last] = await Promise.all([
      store.getLatestSucceeded(ref),
      store.getLastRun(ref),
    ]);
    if (!latest && !last) return undefined;
    const outcomes = latest
      ? (await store.getResultOutcomes([latest.runId])).get(latest.runId)
      : undefined;
    return {
      summary: summarizeCluster(ref, latest, outcomes, {
        lastRunAt: last?.createdAt,
        goldRules: this.deps.goldRules,
        now: this.deps.now?.(),
      }),
      report: latest?.report ?? null,
    };
  }

  async listLatest(): Promise<ClusterLatestResult[]> {
    const { store } = this.deps;
    const [latest, lastRunTimes] = await Promise.all([
      store.listLatestSucceeded(),
      store.listLastRunTimes(),
    ]);
    const outcomes = await store.getResultOutcomes(latest.map(r => r.runId));
    const now = this.deps.now?.() ?? new Date();
    // Report bodies are not part of listLatestSucceeded: one read each, of
    // the very run summarised.
    const reports = await Promise.all(
      latest.map(run => store.getRun(run.runId, { withReport: true })),
    );
    return latest.map((run, i) => ({
      summary: summarizeCluster(run.entityRef, run, outcomes.get(run.runId), {
        lastRunAt: lastRunTimes.get(run.entityRef),
        goldRules: this.deps.goldRules,
        now,
      }),
      report: reports[i]?.report ?? null,
    }));
  }

  async listSummaries(): Promise<ClusterSummary[]> {
    const now = this.deps.now?.() ?? new Date();
    return (await this.deps.summaries.listChecked()).map(record =>
      summarizeRecord(record, { goldRules: this.deps.goldRules, now }),
    );
  }

  async requestRun(
    entityRef: string,
    options: RequestRunOptions = {},
  ): Promise<RequestRunResult> {
    const credentials =
      options.credentials ?? (await this.deps.auth.getOwnServiceCredentials());
    return this.deps.runs.requestRun(
      stringifyEntityRef(parseEntityRef(entityRef)),
      {
        ...runCreator(credentials),
        credentials,
        dryRunProbes: options.dryRunProbes,
      },
    );
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    return this.deps.runs.getRun(runId);
  }

  onRunFinished(listener: RunFinishedListener): () => void {
    return this.deps.runs.onRunFinished(listener);
  }
}
