import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import type { LatestVerdictCache } from './LatestVerdictCache';

/**
 * Label with the cluster's latest verdict (`conformant`, `not-conformant`, `incomplete`).
 *
 * @public
 */
export const VERDICT_LABEL = 'ai-conformance.io/verdict';
/**
 * Label with the checklist version of that verdict, e.g. `1.34`.
 *
 * @public
 */
export const REQUIREMENTS_VERSION_LABEL =
  'ai-conformance.io/requirements-version';

function isCluster(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec as { type?: unknown } | undefined)?.type ===
      'kubernetes-cluster'
  );
}

/**
 * Stamps Kubernetes cluster entities (`Resource` of type
 * `kubernetes-cluster`) with their latest AI Conformance verdict, so
 * catalog filters and scaffolder `EntityPicker` filters can pick them:
 * `metadata.labels['ai-conformance.io/verdict']=conformant`.
 * Labels set by the entity's own file are replaced. With labels turned
 * off (`aiConformance.catalogLabels.enabled: false`) none are stamped.
 *
 * @public
 */
export class AiConformanceLabelProcessor implements CatalogProcessor {
  readonly #enabled: boolean;

  /**
   * @param options - `enabled: false` (config
   *   `aiConformance.catalogLabels.enabled`) stamps no labels and still
   *   removes hand-written ones.
   */
  constructor(
    private readonly cache: LatestVerdictCache,
    options: { enabled?: boolean } = {},
  ) {
    this.#enabled = options.enabled ?? true;
  }

  getProcessorName(): string {
    return 'AiConformanceLabelProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (!isCluster(entity)) return entity;
    const latest = this.#enabled
      ? this.cache.get(stringifyEntityRef(entity))
      : undefined;
    const labels = { ...entity.metadata.labels };
    delete labels[VERDICT_LABEL];
    delete labels[REQUIREMENTS_VERSION_LABEL];
    if (latest) {
      labels[VERDICT_LABEL] = latest.verdict;
      labels[REQUIREMENTS_VERSION_LABEL] = latest.requirementsVersion;
    }
    return { ...entity, metadata: { ...entity.metadata, labels } };
  }
}
