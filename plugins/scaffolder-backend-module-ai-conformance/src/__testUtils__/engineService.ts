import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import {
  connectToCluster,
  runConformanceCheck,
  type AiConformanceService,
  type ClusterLatestResult,
  type RunFinishedListener,
} from '@ai-conformance/plugin-ai-conformance-node';

/**
 * An AI Conformance service for tests that runs the real check engine
 * (`runConformanceCheck`) on the cluster a resolver names, and keeps the
 * runs in memory, as the backend plugin does in its database.
 */
export class EngineService implements AiConformanceService {
  readonly runs = new Map<string, RunRecord>();
  readonly #listeners = new Set<RunFinishedListener>();
  #next = 1;

  constructor(
    private readonly resolve: (entityRef: string) => Promise<{
      url: string;
      caData: string;
      token: string;
      requirementsVersion: string;
    }>,
  ) {}

  async requestRun(entityRef: string) {
    const run: RunRecord = {
      runId: `run-${this.#next++}`,
      entityRef,
      status: 'running',
      trigger: 'user',
      progress: { done: 0, total: 0 },
      createdAt: new Date().toISOString(),
    };
    this.runs.set(run.runId, run);
    setImmediate(() => this.#execute(run));
    return { run: { ...run }, created: true };
  }

  async #execute(run: RunRecord) {
    let finished: RunRecord;
    try {
      const target = await this.resolve(run.entityRef);
      const connection = await connectToCluster({
        type: 'explicit',
        name: run.entityRef,
        url: target.url,
        caData: target.caData,
        token: target.token,
      });
      const { report } = await runConformanceCheck(connection, {
        requirementsVersion: target.requirementsVersion,
        certifiedVersions: { products: [], loadedFrom: 'test' },
      });
      finished = {
        ...run,
        status: 'succeeded',
        verdict: report.verdict,
        requirementsVersion: report.requirementsVersion,
        report,
        finishedAt: new Date().toISOString(),
      };
    } catch (error) {
      finished = {
        ...run,
        status: 'failed',
        error: (error as Error).message,
        finishedAt: new Date().toISOString(),
      };
    }
    this.runs.set(run.runId, finished);
    for (const listener of this.#listeners) await listener({ run: finished });
  }

  async getRun(runId: string) {
    return this.runs.get(runId);
  }

  async getLatest(entityRef: string): Promise<ClusterLatestResult | undefined> {
    const latest = [...this.runs.values()]
      .filter(r => r.entityRef === entityRef && r.status === 'succeeded')
      .pop();
    return latest
      ? ({
          summary: { entityRef },
          report: latest.report ?? null,
        } as unknown as ClusterLatestResult)
      : undefined;
  }

  async listLatest() {
    return [];
  }

  async listSummaries() {
    return [];
  }

  onRunFinished(listener: RunFinishedListener) {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
