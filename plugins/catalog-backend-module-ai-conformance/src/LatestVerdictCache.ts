import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AiConformanceService } from '@ai-conformance/plugin-ai-conformance-node';

/**
 * What the processor stamps on one cluster entity.
 *
 * @public
 */
export interface VerdictLabels {
  verdict: string;
  requirementsVersion: string;
}

/**
 * The latest verdict of every checked cluster, kept in memory so catalog
 * processing never waits for the AI Conformance backend. Filled from the
 * stored cluster summaries (`listSummaries()`, no report is read) and
 * updated as runs finish.
 *
 * @public
 */
export class LatestVerdictCache {
  readonly #byRef = new Map<string, VerdictLabels>();

  constructor(
    private readonly service: AiConformanceService,
    private readonly logger: LoggerService,
  ) {}

  get(entityRef: string): VerdictLabels | undefined {
    return this.#byRef.get(entityRef.toLocaleLowerCase('en-US'));
  }

  set(entityRef: string, labels: VerdictLabels | undefined): void {
    const key = entityRef.toLocaleLowerCase('en-US');
    if (labels) this.#byRef.set(key, labels);
    else this.#byRef.delete(key);
  }

  /** Reloads every cluster's latest result; logs and keeps the old data on failure. */
  async refresh(): Promise<void> {
    try {
      const summaries = await this.service.listSummaries();
      this.#byRef.clear();
      for (const summary of summaries) {
        if (summary.verdict && summary.requirementsVersion) {
          this.set(summary.entityRef, {
            verdict: summary.verdict,
            requirementsVersion: summary.requirementsVersion,
          });
        }
      }
    } catch (error) {
      this.logger.warn(
        `Could not load AI Conformance verdicts for catalog labels: ${
          (error as Error).message
        }`,
      );
    }
  }
}
