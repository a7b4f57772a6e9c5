import fs from 'node:fs/promises';
import type { Config } from '@backstage/config';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import type { ClusterTarget } from './ClusterTarget';
import { checkCatalogClusterUrl } from './clusterUrlPolicy';
import { BackendCredentialPolicy } from './BackendCredentialPolicy';
import { googleAccessToken } from './googleAccessToken';

/** The in-cluster service account token used when none is configured. */
const IN_CLUSTER_TOKEN_PATH =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** How the run was started, and the user's cluster tokens when a user started it. */
export interface ResolveContext {
  /** Credentials used to read the catalog entity (user or plugin). */
  credentials: BackstageCredentials;
  /** True for scheduled runs: no user token can exist. */
  scheduled: boolean;
  /**
   * Tokens of the signed-in user for user-token auth providers, keyed like
   * the Kubernetes plugin (`google`, `oidc.<provider>`).
   */
  userTokens?: Record<string, string>;
}

/** A configured cluster before its credentials are obtained. */
interface ClusterDefinition {
  /** The one catalog entity this cluster belongs to (`resource:ns/name`). */
  entityRef: string;
  name: string;
  url: string;
  caData?: string;
  caFile?: string;
  authProvider: string;
  oidcTokenProvider?: string;
  serviceAccountToken?: string;
  skipTLSVerify: boolean;
  source: ClusterTarget['source'];
  /** The address the catalog URL policy checked (catalog clusters). */
  address?: string;
}

/** Options of {@link ClusterResolver}. */
export interface ClusterResolverOptions {
  config: Config;
  catalog: CatalogService;
  logger: LoggerService;
  /** Access token from Application Default Credentials (injectable for tests). */
  getGoogleAccessToken?: () => Promise<string>;
  /** Resolves host names for the catalog URL policy (injectable for tests). */
  resolveHost?: (host: string) => Promise<string[]>;
}

/** The key mapping `kubernetes.clusterLocatorMethods` clusters to entities. */
const KUBERNETES_CLUSTER_ENTITIES_KEY =
  'aiConformance.kubernetesClusterEntities';

/**
 * The entity ref a config cluster belongs to: an explicit `entityRef`
 * (kind Resource), else `resource:<namespace ?? default>/<name>`. Exactly
 * one entity per config cluster, never a name in any namespace.
 */
function configEntityRef(
  name: string,
  where: string,
  given: { entityRef?: string; namespace?: string },
): string {
  if (given.entityRef !== undefined) {
    let ref;
    try {
      ref = parseEntityRef(given.entityRef, {
        defaultKind: 'resource',
        defaultNamespace: DEFAULT_NAMESPACE,
      });
    } catch (error) {
      throw new Error(
        `${where}.entityRef "${given.entityRef}" is not an entity ref: ${
          (error as Error).message
        }`,
      );
    }
    if (ref.kind.toLocaleLowerCase('en-US') !== 'resource') {
      throw new Error(
        `${where}.entityRef must name a Resource entity, got "${given.entityRef}"`,
      );
    }
    return stringifyEntityRef(ref);
  }
  return stringifyEntityRef({
    kind: 'resource',
    namespace: given.namespace ?? DEFAULT_NAMESPACE,
    name,
  });
}

function readConfigClusters(config: Config): ClusterDefinition[] {
  const out: ClusterDefinition[] = [];
  const clusters = config.getOptionalConfigArray('aiConformance.clusters');
  for (const [i, c] of (clusters ?? []).entries()) {
    const name = c.getString('name');
    out.push({
      entityRef: configEntityRef(name, `aiConformance.clusters[${i}]`, {
        entityRef: c.getOptionalString('entityRef'),
        namespace: c.getOptionalString('namespace'),
      }),
      name,
      url: c.getString('url'),
      caData: c.getOptionalString('caData'),
      caFile: c.getOptionalString('caFile'),
      authProvider: c.getOptionalString('authProvider') ?? 'serviceAccount',
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
      source: 'aiConformance.clusters',
    });
  }
  const kubernetesEntities = new Map<string, string>();
  for (const [i, m] of (
    config.getOptionalConfigArray(KUBERNETES_CLUSTER_ENTITIES_KEY) ?? []
  ).entries()) {
    const cluster = m.getString('cluster');
    if (kubernetesEntities.has(cluster)) {
      throw new Error(
        `${KUBERNETES_CLUSTER_ENTITIES_KEY}[${i}]: cluster ${cluster} is already mapped to an entity; a config cluster belongs to one entity`,
      );
    }
    kubernetesEntities.set(cluster, m.getString('entityRef'));
  }
  for (const method of config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  ) ?? []) {
    if (method.getString('type') !== 'config') continue;
    for (const c of method.getOptionalConfigArray('clusters') ?? []) {
      const authMetadata = c.getOptionalConfig('authMetadata');
      const name = c.getString('name');
      out.push({
        entityRef: configEntityRef(name, KUBERNETES_CLUSTER_ENTITIES_KEY, {
          entityRef: kubernetesEntities.get(name),
        }),
        name,
        url: c.getString('url'),
        caData: c.getOptionalString('caData'),
        caFile: c.getOptionalString('caFile'),
        authProvider:
          c.getOptionalString('authProvider') ??
          authMetadata?.getOptionalString(
            ANNOTATION_KUBERNETES_AUTH_PROVIDER,
          ) ??
          'serviceAccount',
        oidcTokenProvider:
          c.getOptionalString('oidcTokenProvider') ??
          authMetadata?.getOptionalString(
            ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
          ),
        serviceAccountToken: c.getOptionalString('serviceAccountToken'),
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
        source: 'kubernetes.clusterLocatorMethods',
      });
    }
  }
  return out;
}

/**
 * Turns a cluster entity ref into connection settings, from (in order)
 * `aiConformance.clusters`, the Kubernetes plugin's `config` cluster
 * locators (each matched to exactly one entity: `entityRef`, or namespace
 * and name with namespace `default` unless configured), and catalog
 * entities carrying the `kubernetes.io/*` annotations. Nothing is taken
 * from a request except, for user-started runs, the user's own token for
 * the `google` and `oidc` auth providers. A catalog cluster never gets a
 * credential held by the backend unless
 * `aiConformance.catalogClusters.allowBackendCredentials` grants it for
 * its URL.
 */
export class ClusterResolver {
  readonly #definitions: ClusterDefinition[];
  readonly #catalogEnabled: boolean;
  readonly #allowUrls: string[];
  readonly #allowSkipTLS: boolean;
  readonly #backendCredentials: BackendCredentialPolicy;

  constructor(private readonly options: ClusterResolverOptions) {
    this.#definitions = readConfigClusters(options.config);
    this.#backendCredentials = BackendCredentialPolicy.fromConfig(
      options.config,
    );
    this.#catalogEnabled =
      options.config.getOptionalBoolean(
        'aiConformance.catalogClusters.enabled',
      ) ?? true;
    this.#allowUrls =
      options.config.getOptionalStringArray(
        'aiConformance.catalogClusters.dangerouslyAllowClusterUrls',
      ) ?? [];
    this.#allowSkipTLS =
      options.config.getOptionalBoolean(
        'aiConformance.catalogClusters.dangerouslyAllowSkipTLSVerify',
      ) ?? false;
  }

  /** Names of the clusters defined in configuration. */
  configuredClusterNames(): string[] {
    return [...new Set(this.#definitions.map(d => d.name))];
  }

  /** True when configuration defines a cluster for exactly this entity. */
  isConfigured(entityRef: string): boolean {
    return this.#configured(entityRef) !== undefined;
  }

  #configured(entityRef: string): ClusterDefinition | undefined {
    const ref = stringifyEntityRef(parseEntityRef(entityRef));
    return this.#definitions.find(d => d.entityRef === ref);
  }

  /** Connection settings for an entity; throws InputError/NotFoundError with the reason. */
  async resolve(
    entityRef: string,
    context: ResolveContext,
  ): Promise<ClusterTarget> {
    const definition =
      this.#configured(entityRef) ??
      (await this.#fromCatalog(
        stringifyEntityRef(parseEntityRef(entityRef)),
        context,
      ));
    return this.#withCredentials(definition, context);
  }

  async #fromCatalog(
    entityRef: string,
    context: ResolveContext,
  ): Promise<ClusterDefinition> {
    const name = parseEntityRef(entityRef).name;
    if (!this.#catalogEnabled) {
      throw new NotFoundError(
        `No cluster named ${name} in aiConformance.clusters or kubernetes.clusterLocatorMethods (catalog-defined clusters are disabled)`,
      );
    }
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: context.credentials,
    });
    const annotations = entity?.metadata.annotations ?? {};
    const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
    if (!entity || !url) {
      throw new NotFoundError(
        `No cluster named ${name} in aiConformance.clusters or kubernetes.clusterLocatorMethods, and the catalog entity ${entityRef} has no ${ANNOTATION_KUBERNETES_API_SERVER} annotation`,
      );
    }
    const caData = annotations[ANNOTATION_KUBERNETES_API_SERVER_CA];
    const authProvider = annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
    if (!caData || !authProvider) {
      throw new InputError(
        `Cluster ${name}: the catalog entity needs the ${ANNOTATION_KUBERNETES_API_SERVER}, ${ANNOTATION_KUBERNETES_API_SERVER_CA} and ${ANNOTATION_KUBERNETES_AUTH_PROVIDER} annotations`,
      );
    }
    // Before anything else is read or resolved: a backend-held credential
    // (service account, Application Default Credentials, ...) never goes to
    // a URL an entity author chose unless config grants it for that URL.
    this.#backendCredentials.assertAllowed(name, url, authProvider);
    const skipTLSVerify =
      annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true';
    if (skipTLSVerify && !this.#allowSkipTLS) {
      throw new InputError(
        `Cluster ${name}: the catalog entity asks to skip TLS verification, which needs aiConformance.catalogClusters.dangerouslyAllowSkipTLSVerify`,
      );
    }
    const address = await checkCatalogClusterUrl(name, url, {
      dangerouslyAllowClusterUrls: this.#allowUrls,
      resolveHost: this.options.resolveHost,
    });
    return {
      entityRef,
      name,
      url,
      caData,
      authProvider,
      oidcTokenProvider: annotations[ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER],
      skipTLSVerify,
      source: 'catalog',
      address,
    };
  }

  async #withCredentials(
    d: ClusterDefinition,
    context: ResolveContext,
  ): Promise<ClusterTarget> {
    const base: ClusterTarget = {
      name: d.name,
      url: d.url,
      authProvider: d.authProvider,
      source: d.source,
      skipTLSVerify: d.skipTLSVerify,
      address: d.address,
    };
    if (d.caData) {
      base.caData = d.caData;
    } else if (d.caFile) {
      base.caData = (await fs.readFile(d.caFile)).toString('base64');
    }
    switch (d.authProvider) {
      case 'serviceAccount': {
        const token = d.serviceAccountToken ?? (await readInClusterToken());
        if (!token) {
          throw new InputError(
            `Cluster ${d.name}: authProvider serviceAccount needs serviceAccountToken (or a mounted in-cluster service account)`,
          );
        }
        return { ...base, token };
      }
      case 'googleServiceAccount': {
        const getToken = this.options.getGoogleAccessToken ?? googleAccessToken;
        try {
          return { ...base, token: await getToken() };
        } catch (error) {
          throw new InputError(
            `Cluster ${
              d.name
            }: could not get a Google access token from Application Default Credentials: ${
              (error as Error).message
            }`,
          );
        }
      }
      case 'google':
      case 'oidc': {
        const key =
          d.authProvider === 'oidc'
            ? `oidc.${d.oidcTokenProvider ?? ''}`
            : 'google';
        if (context.scheduled) {
          throw new InputError(
            `Cluster ${d.name}: authProvider ${d.authProvider} needs the signed-in user's token, so scheduled runs cannot check it; start a run from Backstage instead`,
          );
        }
        const token = context.userTokens?.[key];
        if (!token) {
          throw new InputError(
            `Cluster ${d.name}: authProvider ${
              d.authProvider
            } needs the user's ${key} token in the Backstage-Kubernetes-Authorization-${key.replace(
              '.',
              '-',
            )} header`,
          );
        }
        return { ...base, token };
      }
      default:
        throw new InputError(
          `Cluster ${d.name}: authProvider ${d.authProvider} is not supported by AI Conformance checks (supported: serviceAccount, googleServiceAccount, google, oidc)`,
        );
    }
  }
}

async function readInClusterToken(): Promise<string | undefined> {
  try {
    return (
      (await fs.readFile(IN_CLUSTER_TOKEN_PATH, 'utf8')).trim() || undefined
    );
  } catch {
    return undefined;
  }
}
