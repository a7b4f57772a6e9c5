import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { ClusterConnection } from '@ai-conformance/plugin-ai-conformance-node';
import type { ClusterTarget } from '../service/ClusterTarget';
import type { ResolveContext } from '../service/ClusterResolver';
import { connectToTarget } from '../service/connectToTarget';
import { readMaxResponseBytes } from '../readPluginConfig';
import {
  AcceleratorMetricsService,
  type AcceleratorRequestContext,
} from './AcceleratorMetricsService';
import { readMetricsConfig } from './readMetricsConfig';

/** Dependencies of {@link createAcceleratorMetricsService}. */
export interface AcceleratorMetricsServiceDeps {
  /** The plugin's cluster resolver (entity ref → connection settings). */
  resolver: {
    resolve(entityRef: string, context: ResolveContext): Promise<ClusterTarget>;
  };
  config: Config;
  logger: LoggerService;
}

/** Connects through the resolver with the same TLS/auth handling as check runs. */
export function connectThroughResolver(
  resolver: AcceleratorMetricsServiceDeps['resolver'],
  maxResponseBytes?: number,
): (
  entityRef: string,
  context: AcceleratorRequestContext,
) => Promise<ClusterConnection> {
  return async (entityRef, context) => {
    const target = await resolver.resolve(entityRef, {
      credentials: context.credentials,
      scheduled: false,
      userTokens: context.userTokens,
    });
    return connectToTarget(target, { maxResponseBytes });
  };
}

/** Builds the service from `aiConformance.metrics` and the resolver. */
export function createAcceleratorMetricsService(
  options: AcceleratorMetricsServiceDeps,
): AcceleratorMetricsService {
  return new AcceleratorMetricsService({
    config: readMetricsConfig(options.config),
    logger: options.logger,
    connect: connectThroughResolver(
      options.resolver,
      readMaxResponseBytes(options.config),
    ),
  });
}
