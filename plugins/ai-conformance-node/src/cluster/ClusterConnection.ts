import type { KubeConfig } from '@kubernetes/client-node';
import { inspect } from 'node:util';

/**
 * How a connection authenticates (never the credential itself).
 *
 * @public
 */
export type ClusterAuthType =
  | 'token'
  | 'client-certificate'
  | 'exec'
  | 'auth-provider'
  | 'basic'
  | 'none';

/**
 * The parts of a connection that are safe to show and store.
 *
 * @public
 */
export interface ClusterConnectionInfo {
  name: string;
  server: string;
  authType: ClusterAuthType;
  skipTLSVerify: boolean;
  source: 'kubeconfig' | 'inCluster' | 'explicit';
}

/**
 * How requests over a connection are made (beyond where and as whom).
 *
 * @public
 */
export interface ClusterConnectionOptions {
  /**
   * The most bytes one API-server response body may have; default
   * `DEFAULT_MAX_RESPONSE_BYTES` (32 MiB). A longer answer fails its read.
   */
  maxResponseBytes?: number;
  /**
   * Connect to this IP address instead of resolving the server's host name
   * again (the address a URL policy checked). TLS still verifies the
   * certificate against the host name.
   */
  pinnedAddress?: string;
}

/**
 * A configured (not yet verified) connection to one cluster. The
 * credentials live only in `kubeConfig`, which is left out of `toJSON()` and
 * `util.inspect`, so logging or serialising a connection shows no secret.
 *
 * @public
 */
export class ClusterConnection {
  readonly name: string;
  readonly server: string;
  readonly authType: ClusterAuthType;
  readonly skipTLSVerify: boolean;
  readonly source: ClusterConnectionInfo['source'];
  readonly maxResponseBytes?: number;
  readonly pinnedAddress?: string;
  readonly #kubeConfig: KubeConfig;

  constructor(
    info: ClusterConnectionInfo,
    kubeConfig: KubeConfig,
    options: ClusterConnectionOptions = {},
  ) {
    this.maxResponseBytes = options.maxResponseBytes;
    this.pinnedAddress = options.pinnedAddress;
    this.name = info.name;
    this.server = info.server;
    this.authType = info.authType;
    this.skipTLSVerify = info.skipTLSVerify;
    this.source = info.source;
    this.#kubeConfig = kubeConfig;
  }

  /** The client configuration, credentials included. Do not log it. */
  get kubeConfig(): KubeConfig {
    return this.#kubeConfig;
  }

  toJSON(): ClusterConnectionInfo {
    return {
      name: this.name,
      server: this.server,
      authType: this.authType,
      skipTLSVerify: this.skipTLSVerify,
      source: this.source,
    };
  }

  toString(): string {
    return `ClusterConnection(${this.name} ${this.server})`;
  }

  [inspect.custom](): string {
    return `ClusterConnection ${JSON.stringify(this.toJSON())}`;
  }
}
