import type {
  AiConformanceService,
  ClusterLatestResult,
  RequestRunOptions,
  RequestRunResult,
  RunFinishedListener,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceStore } from '../database/ConformanceStore';
import type { RunManager } from './RunManager';
import { summarizeRun } from './summarizeRun';

/**
 * The in-process implementation of {@link AiConformanceService}, registered
 * with the shared broker. No permission checks: callers are backend code.
 */
export class ConformanceService implements AiConformanceService {
  constructor(
    private readonly deps: {
      store: ConformanceStore;
      runs: RunManager;
      auth: AuthService;
    },
  ) {}

  async getLatest(entityRef: string): Promise<ClusterLatestResult | undefined> {
    const ref = stringifyEntityRef(parseEntityRef(entityRef));
    const latest = await this.deps.store.getLatestSucceeded(ref);
    const last = await this.deps.store.getLastRun(ref);
    if (!latest && !last) return undefined;
    const statuses = latest
      ? (await this.deps.store.getResultStatuses([latest.runId])).get(
          latest.runId,
        )
      : undefined;
    return {
      summary: summarizeRun(ref, latest, last?.createdAt, { statuses }),
      report: latest?.report ?? null,
    };
  }

  async listLatest(): Promise<ClusterLatestResult[]> {
    const latest = await this.deps.store.listLatestSucceeded();
    const lastRunTimes = await this.deps.store.listLastRunTimes();
    const out: ClusterLatestResult[] = [];
    for (const run of latest) {
      const full = await this.deps.store.getLatestSucceeded(run.entityRef);
      out.push({
        summary: summarizeRun(
          run.entityRef,
          run,
          lastRunTimes.get(run.entityRef),
        ),
        report: full?.report ?? null,
      });
    }
    return out;
  }

  async requestRun(
    entityRef: string,
    options: RequestRunOptions = {},
  ): Promise<RequestRunResult> {
    const credentials =
      options.credentials ?? (await this.deps.auth.getOwnServiceCredentials());
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    const isUser = principal.type === 'user';
    return this.deps.runs.requestRun(
      stringifyEntityRef(parseEntityRef(entityRef)),
      {
        trigger: isUser ? 'user' : 'schedule',
        credentials,
        createdBy: isUser ? principal.userEntityRef : principal.subject,
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
