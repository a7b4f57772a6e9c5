import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  GkeServerConfig,
  GkeServerConfigSource,
} from './GkeServerConfigSource';
import { containerApiFactory } from './containerApi';

/** Container API `ReleaseChannel.Channel` numbers, when enums come as numbers. */
const CHANNEL_NAMES: Record<number, string> = {
  0: 'UNSPECIFIED',
  1: 'RAPID',
  2: 'REGULAR',
  3: 'STABLE',
  4: 'EXTENDED',
};

/**
 * The part of the Container API client used here.
 *
 * @public
 */
export type ClusterManagerClient = {
  getServerConfig(request: { name: string }): Promise<unknown[]>;
  close(): Promise<void>;
};

interface RawServerConfig {
  defaultClusterVersion?: string | null;
  validMasterVersions?: string[] | null;
  channels?: Array<{
    channel?: string | number | null;
    defaultVersion?: string | null;
    validVersions?: string[] | null;
  }> | null;
}

/** Converts the API answer to {@link GkeServerConfig}. */
export function toGkeServerConfig(raw: RawServerConfig): GkeServerConfig {
  return {
    defaultClusterVersion: raw.defaultClusterVersion ?? undefined,
    validMasterVersions: raw.validMasterVersions ?? [],
    channels: (raw.channels ?? []).map(c => ({
      channel:
        typeof c.channel === 'number'
          ? CHANNEL_NAMES[c.channel] ?? String(c.channel)
          : String(c.channel ?? 'UNSPECIFIED'),
      defaultVersion: c.defaultVersion ?? undefined,
      validVersions: c.validVersions ?? [],
    })),
  };
}

/**
 * The client the actions use, with Application Default Credentials and
 * Google's endpoint (the module passes its configured one).
 */
async function loadContainerClient(): Promise<ClusterManagerClient> {
  return (await containerApiFactory({})()).client;
}

/** gRPC status codes the Container API answers with. */
const PERMISSION_DENIED = 7;
const UNAUTHENTICATED = 16;
const NOT_FOUND = 5;
const INVALID_ARGUMENT = 3;

/**
 * Reads `projects.locations.getServerConfig` with Application Default
 * Credentials. `@google-cloud/container` is loaded on first use only, so
 * installations without Google credentials never load it.
 *
 * @public
 */
export class ContainerApiServerConfigSource implements GkeServerConfigSource {
  #client?: Promise<ClusterManagerClient>;
  readonly #loadClient: () => Promise<ClusterManagerClient>;

  constructor(options?: { loadClient?: () => Promise<ClusterManagerClient> }) {
    this.#loadClient = options?.loadClient ?? loadContainerClient;
  }

  async getServerConfig(options: {
    projectId: string;
    region: string;
  }): Promise<GkeServerConfig> {
    const client = await this.#getClient();
    const name = `projects/${options.projectId}/locations/${options.region}`;
    try {
      const [response] = await client.getServerConfig({ name });
      return toGkeServerConfig(response as RawServerConfig);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const where = `project ${options.projectId}, region ${options.region}`;
      if (code === PERMISSION_DENIED || code === UNAUTHENTICATED) {
        throw new NotAllowedError(
          `The Google credentials of the Backstage backend may not read GKE versions for ${where} (needs container.clusters.list, e.g. roles/container.viewer)`,
        );
      }
      if (code === NOT_FOUND || code === INVALID_ARGUMENT) {
        throw new InputError(
          `GKE has no server config for ${where}: check the project id and region`,
        );
      }
      throw new ServiceUnavailableError(
        `Could not read GKE versions for ${where}: ${
          (error as Error).message ?? 'unknown error'
        }`,
      );
    }
  }

  async #getClient(): Promise<ClusterManagerClient> {
    if (!this.#client) this.#client = this.#loadClient();
    return this.#client;
  }
}
