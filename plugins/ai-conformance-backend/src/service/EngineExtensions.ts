import {
  parseDeclaredSolutions,
  type AiConformanceExtensionPoint,
  type AiConformanceMetricsSource,
  type DeclaredSolution,
  type DeclaredSolutionInput,
  type SnapshotMetrics,
} from '@ai-conformance/plugin-ai-conformance-node';

/** Samples a catalog cluster's metrics for its snapshot. */
export type SnapshotMetricsSampler = (
  entityRef: string,
  options: { signal?: AbortSignal },
) => Promise<SnapshotMetrics | undefined>;

/**
 * What backend modules added through `aiConformanceExtensionPoint`:
 * declared solutions and metrics sources, combined with the configured ones.
 */
export class EngineExtensions implements AiConformanceExtensionPoint {
  readonly #solutions: DeclaredSolutionInput[] = [];
  readonly #metricsSources: AiConformanceMetricsSource[] = [];

  addSolutions(...solutions: DeclaredSolutionInput[]): void {
    this.#solutions.push(...solutions);
  }

  addMetricsSource(source: AiConformanceMetricsSource): void {
    this.#metricsSources.push(source);
  }

  /**
   * The configured solutions, then the modules' (validated like
   * `aiConformance.solutions`; throws InputError naming the first problems).
   */
  solutions(configured: readonly DeclaredSolution[]): DeclaredSolution[] {
    if (this.#solutions.length === 0) return [...configured];
    return [
      ...configured,
      ...parseDeclaredSolutions(
        this.#solutions,
        'solutions added by backend modules',
      ),
    ];
  }

  /**
   * Asks the configured source first, then the modules' sources in the
   * order added; the first that covers the cluster answers.
   */
  metricsSampler(configured: SnapshotMetricsSampler): SnapshotMetricsSampler {
    const sources = this.#metricsSources;
    return async (entityRef, options) => {
      const sample = await configured(entityRef, options);
      if (sample) return sample;
      for (const source of sources) {
        const found = await source.sampleForSnapshot(entityRef, options);
        if (found) return found;
      }
      return undefined;
    };
  }
}
