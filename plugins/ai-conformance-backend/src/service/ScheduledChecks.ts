import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_KUBERNETES_API_SERVER } from '@backstage/plugin-kubernetes-common';
import {
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CLUSTER_ENTITY_FILTER } from './ClusterAccess';
import type { ClusterResolver } from './ClusterResolver';
import type { RunManager } from './RunManager';

/**
 * One scheduled pass: a run for every cluster entity that has connection
 * settings (a configured cluster for exactly this entity, or annotations in
 * the catalog; a catalog cluster asking for a backend-held credential
 * without a grant ends as a failed run naming the reason). Runs are
 * queued at once and executed with the RunManager's bounded concurrency
 * and per-cluster deadline, so a stuck cluster never delays the others.
 */
export class ScheduledChecks {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      resolver: ClusterResolver;
      runs: RunManager;
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

  /** Queues a run per cluster and waits until all have finished. */
  async runAll(): Promise<{ queued: number; deduplicated: number }> {
    const { runs, logger, auth } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const targets = await this.listTargets();
    let queued = 0;
    let deduplicated = 0;
    const finished: Array<Promise<void>> = [];
    for (const ref of targets) {
      try {
        const { run, created } = await runs.requestRun(ref, {
          trigger: 'schedule',
          credentials,
          createdBy: 'schedule',
        });
        if (created) queued++;
        else deduplicated++;
        finished.push(runs.waitForRun(run.runId));
      } catch (error) {
        logger.warn(
          `Scheduled AI Conformance run for ${ref} not started: ${
            (error as Error).message
          }`,
        );
      }
    }
    logger.info(
      `Scheduled AI Conformance pass: ${queued} run(s) queued, ${deduplicated} already queued or running`,
    );
    await Promise.allSettled(finished);
    return { queued, deduplicated };
  }
}
