import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { AiConformanceService } from '@ai-conformance/plugin-ai-conformance-node';
import type {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { buildClusterFacts } from './buildClusterFacts';
import {
  AI_CONFORMANCE_FACT_RETRIEVER_ID,
  aiConformanceFactSchema,
} from './factSchema';

/** The cluster entities the facts describe. */
export const clusterEntityFilter = {
  kind: 'resource',
  'spec.type': 'kubernetes-cluster',
};

/**
 * A fact retriever over every `Resource` of `spec.type: kubernetes-cluster`,
 * reading the clusters' stored summaries (never report bodies) in process
 * through the AI Conformance service; levels follow the backend's
 * `aiConformance.levels.gold`.
 * With `enabled: false` (config `aiConformance.techInsights.enabled`) it
 * reads no results and stores an empty fact set per cluster, so facts
 * stored earlier are no longer the latest ones.
 *
 * @public
 */
export function createAiConformanceFactRetriever(deps: {
  service: AiConformanceService;
  catalog: CatalogService;
  auth: AuthService;
  logger?: LoggerService;
  /** Default true; false emits no fact values. */
  enabled?: boolean;
}): FactRetriever {
  const enabled = deps.enabled ?? true;
  return {
    id: AI_CONFORMANCE_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Kubernetes AI Conformance',
    description:
      'Verdict, level, counts and per-requirement results of the latest AI Conformance run of each cluster',
    entityFilter: [clusterEntityFilter],
    schema: aiConformanceFactSchema,
    async handler(): Promise<TechInsightFact[]> {
      const credentials = await deps.auth.getOwnServiceCredentials();
      const clusters = deps.catalog.getEntities(
        {
          filter: clusterEntityFilter,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      if (!enabled) {
        const { items: off } = await clusters;
        deps.logger?.info(
          `AI Conformance facts are off (aiConformance.techInsights.enabled: false): no values for ${off.length} clusters`,
        );
        return off.map(entity => {
          const { kind, namespace, name } = parseEntityRef(
            stringifyEntityRef(entity),
          );
          return { entity: { kind, namespace, name }, facts: {} };
        });
      }
      const [{ items }, summaries] = await Promise.all([
        clusters,
        deps.service.listSummaries(),
      ]);
      const byRef = new Map(summaries.map(s => [s.entityRef, s]));
      const facts = items.map(entity => {
        const ref = stringifyEntityRef(entity);
        const { kind, namespace, name } = parseEntityRef(ref);
        return {
          entity: { kind, namespace, name },
          facts: buildClusterFacts(byRef.get(ref)),
        };
      });
      deps.logger?.info(
        `AI Conformance facts for ${facts.length} clusters (${byRef.size} with stored runs)`,
      );
      return facts;
    },
  };
}
