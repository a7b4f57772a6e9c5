import express from 'express';
import Router from 'express-promise-router';
import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { aiConformanceReportReadPermission } from '@ai-conformance/plugin-ai-conformance-common';
import {
  connectToCluster,
  isMetricsRange,
  type ClusterConnection,
  type MetricsRange,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ClusterTarget } from '../service/ClusterTarget';
import type { ResolveContext } from '../service/ClusterResolver';
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
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  config: Config;
  logger: LoggerService;
  /** A prepared service (tests, or to share it with the accelerator_metrics check). */
  service?: AcceleratorMetricsService;
}

const validator = makeValidator();
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
    return connectToCluster({
      type: 'explicit',
      name: target.name,
      url: target.url,
      caData: target.caData,
      token: target.token,
      clientCertData: target.clientCertData,
      clientKeyData: target.clientKeyData,
      skipTLSVerify: target.skipTLSVerify,
    });
  };
}

/** Builds the service from `aiConformance.metrics` and the resolver. */
export function createAcceleratorMetricsService(
  options: Pick<AcceleratorsRouterOptions, 'resolver' | 'config' | 'logger'>,
): AcceleratorMetricsService {
  return new AcceleratorMetricsService({
    config: readMetricsConfig(options.config),
    logger: options.logger,
    connect: connectThroughResolver(options.resolver),
  });
}

/**
 * `GET /clusters/:namespace/:name/accelerators?range=1h|6h|24h` →
 * `{ entityRef, inventory, series, source, errors, generatedAt }`, under
 * `ai-conformance.report.read` for the cluster entity. Mount it on the
 * plugin's router: `router.use(await createAcceleratorsRouter({...}))`.
 */
export async function createAcceleratorsRouter(
  options: AcceleratorsRouterOptions,
): Promise<express.Router> {
  const service = options.service ?? createAcceleratorMetricsService(options);
  const router = Router();
  router.get('/clusters/:namespace/:name/accelerators', async (req, res) => {
    const { namespace, name } = req.params;
    if (!validator.isValidNamespace(namespace))
      throw new InputError(`Invalid entity namespace "${namespace}"`);
    if (!validator.isValidEntityName(name))
      throw new InputError(`Invalid entity name "${name}"`);
    const range = parseRange(req.query.range);
    const entityRef = stringifyEntityRef({ kind: 'Resource', namespace, name });
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await options.permissions.authorize(
      [
        {
          permission: aiConformanceReportReadPermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(
        `Not allowed to read AI Conformance reports of ${entityRef}`,
      );
    res.json(
      await service.getAccelerators(entityRef, range, {
        credentials,
        userTokens: userTokens(req),
      }),
    );
  });
  return router;
}
