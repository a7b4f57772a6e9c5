import express from 'express';
import Router from 'express-promise-router';
import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import {
  isMetricsRange,
  type ClusterConnection,
  type MetricsRange,
} from '@ai-conformance/plugin-ai-conformance-node';
import { ClusterAccess } from '../service/ClusterAccess';
import type { ClusterTarget } from '../service/ClusterTarget';
import type { ResolveContext } from '../service/ClusterResolver';
import { connectToTarget } from '../service/connectToTarget';
import { readMaxResponseBytes } from '../readPluginConfig';
import {
  AcceleratorMetricsService,
  type AcceleratorRequestContext,
} from './AcceleratorMetricsService';
import { readMetricsConfig } from './readMetricsConfig';
import { userTokens } from '../http/userTokens';

/** Dependencies of {@link createAcceleratorsRouter}. */
export interface AcceleratorsRouterOptions {
  /** The plugin's cluster resolver (entity ref → connection settings). */
  resolver: {
    resolve(entityRef: string, context: ResolveContext): Promise<ClusterTarget>;
  };
  /** The catalog: the route answers only for cluster entities that exist. */
  catalog: CatalogService;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  config: Config;
  logger: LoggerService;
  /** A prepared service (tests, or to share it with the accelerator_metrics check). */
  service?: AcceleratorMetricsService;
}

function parseRange(value: unknown): MetricsRange {
  if (value === undefined || value === '') return '1h';
  if (!isMetricsRange(value))
    throw new InputError(
      `range must be one of 1h, 6h, 24h; got "${String(value)}"`,
    );
  return value;
}

/** Connects through the resolver with the same TLS/auth handling as check runs. */
export function connectThroughResolver(
  resolver: AcceleratorsRouterOptions['resolver'],
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
  options: Pick<AcceleratorsRouterOptions, 'resolver' | 'config' | 'logger'>,
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

/**
 * `GET /clusters/:namespace/:name/accelerators?range=1h|6h|24h` →
 * `{ entityRef, inventory, series, source, errors, generatedAt }`, for a
 * cluster entity that exists in the catalog (404 otherwise), under
 * `ai-conformance.report.read` for it. Mount it on the
 * plugin's router: `router.use(await createAcceleratorsRouter({...}))`.
 */
export async function createAcceleratorsRouter(
  options: AcceleratorsRouterOptions,
): Promise<express.Router> {
  const service = options.service ?? createAcceleratorMetricsService(options);
  const access = new ClusterAccess({
    catalog: options.catalog,
    permissions: options.permissions,
  });
  const router = Router();
  router.get('/clusters/:namespace/:name/accelerators', async (req, res) => {
    const { namespace, name } = req.params;
    const entityRef = access.entityRef(namespace, name);
    const range = parseRange(req.query.range);
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await access.requireEntity(entityRef, credentials);
    await access.authorizeRead(entityRef, credentials);
    res.json(
      await service.getAccelerators(entityRef, range, {
        credentials,
        userTokens: userTokens(req),
      }),
    );
  });
  return router;
}
