import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DeclaredSolutionInput } from '../solutions/declaredSolutions';
import type { SnapshotMetrics } from '../snapshot/types';

/**
 * A metrics source a backend module provides for check runs (for clusters
 * whose metrics are not in `aiConformance.metrics`).
 *
 * @public
 */
export interface AiConformanceMetricsSource {
  /**
   * Samples the accelerator metrics of a catalog cluster for its snapshot;
   * resolves undefined when this source does not cover the cluster. A
   * source that cannot be read resolves with `error` set (a rejection is
   * reported the same way). Never returns a URL's credentials.
   */
  sampleForSnapshot(
    entityRef: string,
    options: { signal?: AbortSignal },
  ): Promise<SnapshotMetrics | undefined>;
}

/**
 * What backend modules of the `ai-conformance` plugin add to the engine.
 *
 * @public
 */
export interface AiConformanceExtensionPoint {
  /**
   * Declares components the engine cannot recognise, as
   * `aiConformance.solutions` does; validated the same way when the plugin
   * starts (an invalid one stops it with an InputError naming the module's
   * entry). Checked like known components and labelled "declared".
   */
  addSolutions(...solutions: Array<DeclaredSolutionInput>): void;
  /**
   * Adds a metrics source, asked in the order added for clusters that
   * `aiConformance.metrics` does not cover; the first that covers the
   * cluster is sampled.
   */
  addMetricsSource(source: AiConformanceMetricsSource): void;
}

/**
 * The extension point of the AI Conformance backend plugin: modules add
 * declared solutions and metrics sources.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'ai-conformance',
 *   moduleId: 'acme-solutions',
 *   register(env) {
 *     env.registerInit({
 *       deps: { engine: aiConformanceExtensionPoint },
 *       async init({ engine }) {
 *         engine.addSolutions({
 *           name: 'Acme Model Operator',
 *           capability: 'ai-operator',
 *           group: 'models.acme.example',
 *         });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const aiConformanceExtensionPoint =
  createExtensionPoint<AiConformanceExtensionPoint>({
    id: 'ai-conformance.engine',
  });
