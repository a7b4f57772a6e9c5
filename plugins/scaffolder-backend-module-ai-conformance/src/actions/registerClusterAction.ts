import type {
  AuthService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { ContainerApiFactory } from '../gke/containerApi';
import {
  GkeClusterSpec,
  gkeClusterSpecSchema,
  parseGkeClusterSpec,
} from '../gke/gkeClusterSpec';
import { readGkeClusterAccess } from '../gke/gkeClusterAccess';
import { planGkeCluster } from '../gke/planGkeCluster';
import { catalogEntityOf } from '../render/renderCatalogInfo';
import { EXAMPLE_CLUSTER } from './validateAction';

export const REGISTER_CLUSTER_ACTION_ID = 'ai-conformance:cluster:register';

/** Config key of the registration settings. */
export const REGISTRATION_CONFIG_KEY = 'aiConformance.gke.registration';

/**
 * A Google auth provider a registered entity may name.
 *
 * @public
 */
export type RegistrationAuthProvider = 'googleServiceAccount' | 'google';

/** Google auth providers the entity may name. */
export const REGISTRATION_AUTH_PROVIDERS: readonly RegistrationAuthProvider[] =
  ['googleServiceAccount', 'google'];

/** @public */
export interface RegistrationSettings {
  /** Directory the catalog reads `*.yaml` from (a `file` location). */
  directory?: string;
  authProvider: RegistrationAuthProvider;
}

/** Reads `aiConformance.gke.registration`. */
export function readRegistrationSettings(
  config: RootConfigService,
): RegistrationSettings {
  const directory = config.getOptionalString(
    `${REGISTRATION_CONFIG_KEY}.directory`,
  );
  const authProvider =
    config.getOptionalString(`${REGISTRATION_CONFIG_KEY}.authProvider`) ??
    'googleServiceAccount';
  if (
    !(REGISTRATION_AUTH_PROVIDERS as readonly string[]).includes(authProvider)
  ) {
    throw new Error(
      `${REGISTRATION_CONFIG_KEY}.authProvider must be one of ${REGISTRATION_AUTH_PROVIDERS.join(
        ', ',
      )}`,
    );
  }
  return {
    directory: directory ? path.resolve(directory) : undefined,
    authProvider: authProvider as RegistrationSettings['authProvider'],
  };
}

/**
 * The ref the catalog gives the Location entity of a `catalog.locations`
 * entry of type file (its target resolved to an absolute path).
 */
export function configLocationRef(target: string): string {
  const hash = createHash('sha1').update(`file:${target}`).digest('hex');
  return `location:default/generated-${hash}`;
}

/** The app path of an entity's AI Conformance tab. */
export function aiConformanceTabPath(namespace: string, name: string): string {
  return `/catalog/${namespace}/resource/${name}/ai-conformance`;
}

const examples = [
  {
    description: 'Register the new cluster in the catalog',
    example: stringify({
      steps: [
        {
          id: 'register',
          action: REGISTER_CLUSTER_ACTION_ID,
          name: 'Register the cluster',
          input: EXAMPLE_CLUSTER,
        },
      ],
    }),
  },
];

/**
 * `ai-conformance:cluster:register`: writes the cluster's catalog entity
 * (`kind: Resource`, `spec.type: kubernetes-cluster`, the Kubernetes
 * plugin's `kubernetes.io/api-server`, `-certificate-authority` and
 * `auth-provider` annotations, the API server and CA read from the Container
 * API) to `<aiConformance.gke.registration.directory>/<name>.yaml`, asks the
 * catalog to refresh the `file` location that reads that directory and waits
 * until the entity is there.
 *
 * @public
 */
export function createRegisterClusterAction(options: {
  containerApi: ContainerApiFactory;
  settings: RegistrationSettings;
  catalog: CatalogService;
  auth: AuthService;
  timeoutMs?: number;
  pollIntervalMs?: number;
}): TemplateAction<
  GkeClusterSpec,
  { entityRef: string; aiConformanceUrl: string; path: string },
  'v2'
> {
  return createTemplateAction({
    id: REGISTER_CLUSTER_ACTION_ID,
    description:
      'Registers a GKE cluster created by ai-conformance:gke:create-cluster in the catalog, with the Kubernetes plugin annotations, and waits until the entity is there',
    examples,
    supportsDryRun: true,
    schema: {
      input: () => gkeClusterSpecSchema,
      output: {
        entityRef: z => z.string().describe('resource:default/<name>'),
        aiConformanceUrl: z =>
          z.string().describe("App path of the entity's AI Conformance tab"),
        path: z => z.string().describe('The written entity file'),
      },
    },
    async handler(ctx) {
      const spec = parseGkeClusterSpec(ctx.input);
      const plan = planGkeCluster(spec);
      const { directory, authProvider } = options.settings;
      if (!directory) {
        throw new InputError(
          `Cluster registration is not configured: set ${REGISTRATION_CONFIG_KEY}.directory and add a catalog location of type file reading <directory>/*.yaml (docs/scaffolder.md)`,
        );
      }
      const entityRef = `resource:default/${spec.name}`;
      const file = resolveSafeChildPath(directory, `${spec.name}.yaml`);
      ctx.output('entityRef', entityRef);
      ctx.output(
        'aiConformanceUrl',
        aiConformanceTabPath('default', spec.name),
      );
      ctx.output('path', file);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would write ${file} and register ${entityRef}`,
        );
        return;
      }
      const api = await options.containerApi();
      const access = await readGkeClusterAccess(api, spec).finally(() =>
        api.client.close().catch(() => undefined),
      );
      const entity = catalogEntityOf(plan);
      Object.assign(entity.metadata.annotations, {
        'kubernetes.io/api-server': access.server,
        'kubernetes.io/api-server-certificate-authority': access.caData,
        'kubernetes.io/auth-provider': authProvider,
      });
      await fs.mkdir(directory, { recursive: true });
      await fs.writeFile(
        file,
        `# Registered by ${REGISTER_CLUSTER_ACTION_ID} (task ${
          ctx.task?.id ?? 'unknown'
        }).\n${stringify(entity, { lineWidth: 0 })}`,
      );
      ctx.logger.info(
        `Wrote ${file}: ${entityRef}, API server ${access.server}, auth provider ${authProvider}`,
      );

      const credentials = await options.auth.getOwnServiceCredentials();
      // The config location `{ type: file, target: <directory>/*.yaml }` by
      // the name the catalog gives it (until a first file matches its glob
      // it is not processed, so no query finds it), plus any other
      // processed file location reading the directory.
      const refs = new Set([configLocationRef(path.join(directory, '*.yaml'))]);
      const { items } = await options.catalog.getEntities(
        { filter: { kind: 'Location' }, fields: ['kind', 'metadata', 'spec'] },
        { credentials },
      );
      for (const location of items) {
        const spec_ = location.spec as
          | { type?: string; target?: string; targets?: string[] }
          | undefined;
        const targets = [spec_?.target, ...(spec_?.targets ?? [])];
        if (
          spec_?.type === 'file' &&
          targets.some(t => t && path.dirname(path.resolve(t)) === directory)
        ) {
          refs.add(
            `location:${location.metadata.namespace ?? 'default'}/${
              location.metadata.name
            }`,
          );
        }
      }
      let refreshed = 0;
      for (const ref of refs) {
        try {
          await options.catalog.refreshEntity(ref, { credentials });
          refreshed++;
        } catch (error) {
          const status = (error as { response?: { status?: number } }).response
            ?.status;
          if (status !== 404 && (error as Error).name !== 'NotFoundError') {
            throw error;
          }
        }
      }
      if (refreshed === 0) {
        throw new InputError(
          `No catalog location reads ${directory}: add { type: file, target: ${path.join(
            directory,
            '*.yaml',
          )} } to catalog.locations`,
        );
      }
      const deadline = Date.now() + (options.timeoutMs ?? 120_000);
      for (;;) {
        const found = await options.catalog.getEntityByRef(entityRef, {
          credentials,
        });
        if (
          found?.metadata.annotations?.['kubernetes.io/api-server'] ===
          access.server
        ) {
          break;
        }
        if (Date.now() > deadline) {
          throw new ServiceUnavailableError(
            `${entityRef} is not in the catalog ${Math.round(
              (options.timeoutMs ?? 120_000) / 1000,
            )}s after its file was written; the catalog will pick it up on its next refresh of ${directory}`,
          );
        }
        await new Promise(r => setTimeout(r, options.pollIntervalMs ?? 1000));
      }
      ctx.logger.info(`${entityRef} is in the catalog`);
    },
  });
}
