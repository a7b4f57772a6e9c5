import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ConformanceStore } from '../database/ConformanceStore';
import { ClusterResolver } from '../service/ClusterResolver';
import type { ConformanceRunner } from '../service/ConformanceRunner';
import { RunManager, type RunManagerOptions } from '../service/RunManager';

/**
 * A RunManager on `store` with a mock logger, the clusters of
 * `aiConformance.clusters` (none by default), one run at a time, a 10 s
 * cluster deadline and 5 s requests.
 */
export function testRunManager(options: {
  store: ConformanceStore;
  runner: ConformanceRunner;
  clusters?: object[];
  auth?: RunManagerOptions['auth'];
}) {
  const logger = mockServices.logger.mock();
  const runs = new RunManager({
    store: options.store,
    runner: options.runner,
    logger,
    auth: options.auth,
    resolver: new ClusterResolver({
      config: new ConfigReader({
        aiConformance: options.clusters ? { clusters: options.clusters } : {},
      }),
      catalog: catalogServiceMock(),
      logger,
    }),
    limits: {
      concurrency: 1,
      clusterDeadlineMs: 10_000,
      requestTimeoutMs: 5_000,
      runsPerCluster: 10,
    },
  });
  return { runs, logger };
}
