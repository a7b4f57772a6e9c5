import type { RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/** Config key of the Container API settings. */
export const CONTAINER_API_CONFIG_KEY = 'aiConformance.gke.containerApi';

/**
 * Where the backend reaches the Container API and with which Google
 * identity: Application Default Credentials unless a service-account key
 * file is configured. Never anything from a template's form.
 *
 * @public
 */
export interface ContainerApiSettings {
  /** `https://host[:port]` or `http://host:port`; default: Google's. */
  endpoint?: string;
  /** A service-account JSON key; default: Application Default Credentials. */
  keyFile?: string;
}

/** Reads `aiConformance.gke.containerApi`. */
export function readContainerApiSettings(
  config: RootConfigService,
): ContainerApiSettings {
  return {
    endpoint: config.getOptionalString(`${CONTAINER_API_CONFIG_KEY}.endpoint`),
    keyFile: config.getOptionalString(`${CONTAINER_API_CONFIG_KEY}.keyFile`),
  };
}

/**
 * Options of `v1.ClusterManagerClient`: the REST transport (HTTP/1.1 and
 * JSON), pointed at the configured endpoint.
 */
export function clusterManagerClientOptions(
  settings: ContainerApiSettings,
): Record<string, unknown> {
  const options: Record<string, unknown> = { fallback: true };
  if (settings.keyFile) options.keyFilename = settings.keyFile;
  if (settings.endpoint) {
    let url: URL;
    try {
      url = new URL(settings.endpoint);
    } catch {
      throw new InputError(
        `${CONTAINER_API_CONFIG_KEY}.endpoint "${settings.endpoint}" is not a URL`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new InputError(
        `${CONTAINER_API_CONFIG_KEY}.endpoint must be an http(s) URL`,
      );
    }
    options.apiEndpoint = url.hostname.replace(/^\[|\]$/g, '');
    options.protocol = url.protocol.slice(0, -1);
    options.port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  }
  return options;
}

/**
 * A Container API long-running operation, as the client returns it.
 *
 * @public
 */
export interface GkeOperation {
  name?: string | null;
  operationType?: string | number | null;
  status?: string | number | null;
  statusMessage?: string | null;
  targetLink?: string | null;
  error?: { code?: number | null; message?: string | null } | null;
  progress?: {
    name?: string | null;
    status?: string | number | null;
    metrics?: Array<{
      name?: string | null;
      intValue?: string | number | null;
      doubleValue?: number | null;
      stringValue?: string | null;
    }> | null;
    stages?: Array<{
      name?: string | null;
      status?: string | number | null;
    }> | null;
  } | null;
}

/**
 * The parts of a Container API Cluster the actions read.
 *
 * @public
 */
export interface GkeCluster {
  name?: string | null;
  status?: string | number | null;
  endpoint?: string | null;
  currentMasterVersion?: string | null;
  selfLink?: string | null;
  location?: string | null;
  resourceLabels?: Record<string, string> | null;
  masterAuth?: { clusterCaCertificate?: string | null } | null;
  nodePools?: Array<{ name?: string | null }> | null;
}

/**
 * The methods of `@google-cloud/container`'s `v1.ClusterManagerClient` the
 * actions use (each answers `[response, ...]`).
 *
 * @public
 */
export interface ClusterManagerMethods {
  getServerConfig(request: { name: string }): Promise<unknown[]>;
  createCluster(request: {
    parent: string;
    cluster: Record<string, unknown>;
  }): Promise<[GkeOperation, ...unknown[]]>;
  getCluster(request: { name: string }): Promise<[GkeCluster, ...unknown[]]>;
  getOperation(request: {
    name: string;
  }): Promise<[GkeOperation, ...unknown[]]>;
  close(): Promise<void>;
}

/**
 * A Container API client and a token source for the clusters it creates.
 *
 * @public
 */
export interface ContainerApi {
  client: ClusterManagerMethods;
  /**
   * A bearer token of the same Google identity, for the new clusters' API
   * servers (GKE accepts the caller's Google token).
   */
  getAccessToken(): Promise<string>;
}

/**
 * Creates the Container API client for one task.
 *
 * @public
 */
export type ContainerApiFactory = () => Promise<ContainerApi>;

function bearerOf(headers: unknown): string | undefined {
  const value =
    headers && typeof (headers as Headers).get === 'function'
      ? (headers as Headers).get('authorization')
      : (headers as Record<string, string> | undefined)?.Authorization ??
        (headers as Record<string, string> | undefined)?.authorization;
  const match = /^Bearer (.+)$/i.exec(value ?? '');
  return match?.[1];
}

/**
 * The real client: `@google-cloud/container`'s `v1.ClusterManagerClient`
 * with the REST transport, loaded on first use.
 *
 * @public
 */
export function containerApiFactory(
  settings: ContainerApiSettings,
): ContainerApiFactory {
  return async () => {
    const options = clusterManagerClientOptions(settings);
    // Loaded on first use (CommonJS): portals that never create clusters
    // never load the Google client libraries.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const container: typeof import('@google-cloud/container') = require('@google-cloud/container');
    const client = new container.v1.ClusterManagerClient(
      options as ConstructorParameters<
        typeof container.v1.ClusterManagerClient
      >[0],
    );
    return {
      client: client as unknown as ClusterManagerMethods,
      async getAccessToken() {
        const auth = await (
          client as unknown as {
            auth: { getClient(): Promise<unknown> };
          }
        ).auth.getClient();
        const headers = await (
          auth as { getRequestHeaders(url?: string): Promise<unknown> }
        ).getRequestHeaders();
        const token = bearerOf(headers);
        if (!token) {
          throw new Error('the Google credentials gave no bearer token');
        }
        return token;
      },
    };
  };
}
