import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_KUBERNETES_API_SERVER } from '@backstage/plugin-kubernetes-common';
import {
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CLUSTER_ENTITY_FILTER } from './ClusterAccess';
import type { ClusterResolver } from './ClusterResolver';
import type { ConformanceStore } from '../database/ConformanceStore';
import type { RunManager } from './RunManager';

/**
 * One scheduled pass: a run for every cluster entity that has connection
 * settings (a configured cluster for exactly this entity, or annotations in
 * the catalog; a catalog cluster asking for a backend-held credential
 * without a grant ends as a failed run naming the reason). Runs are
 * queued in the database at once; the workers of every replica claim them
 * and execute them with their bounded concurrency and per-cluster
 * deadline, so a stuck cluster never delays the others and N replicas
 * share the fleet.
 */
export class ScheduledChecks {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      resolver: ClusterResolver;
      runs: RunManager;
      store: Pick<ConformanceStore, 'countActiveRuns'>;
      logger: LoggerService;
    },
  ) {}

  /** Entity refs of the clusters a scheduled pass checks. */
  async listTargets(): Promise<string[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: CLUSTER_ENTITY_FILTER,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    return items
      .map(e => ({
        ref: stringifyEntityRef({
          kind: e.kind,
          namespace: e.metadata.namespace ?? DEFAULT_NAMESPACE,
          name: e.metadata.name,
        }),
        annotated: Boolean(
          e.metadata.annotations?.[ANNOTATION_KUBERNETES_API_SERVER],
        ),
      }))
      .filter(t => t.annotated || this.deps.resolver.isConfigured(t.ref))
      .map(t => t.ref);
  }

  /**
   * Queues a run per cluster (the workers of every replica claim them) and
   * waits until the runs it queued have finished, so that passes never
   * overlap. Only run ids are kept while waiting.
   */
  async runAll(
    options: { signal?: AbortSignal; pollMs?: number } = {},
  ): Promise<{ queued: number; deduplicated: number }> {
    const { runs, logger, store } = this.deps;
    const targets = await this.listTargets();
    let deduplicated = 0;
    const queuedIds: string[] = [];
    for (const ref of targets) {
      try {
        const { run, created } = await runs.enqueueRun(ref, {
          createdBy: 'schedule',
        });
        if (created) queuedIds.push(run.runId);
        else deduplicated++;
      } catch (error) {
        logger.warn(
          `Scheduled AI Conformance run for ${ref} not queued: ${
            (error as Error).message
          }`,
        );
      }
    }
    logger.info(
      `Scheduled AI Conformance pass: ${queuedIds.length} run(s) queued, ${deduplicated} already queued or running`,
    );
    const pollMs = options.pollMs ?? 2000;
    while (!options.signal?.aborted) {
      const active = await store.countActiveRuns(queuedIds);
      if (active === 0) break;
      await new Promise(resolve => setTimeout(resolve, pollMs));
    }
    return { queued: queuedIds.length, deduplicated };
  }
}
