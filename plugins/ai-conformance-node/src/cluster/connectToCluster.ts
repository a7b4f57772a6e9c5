import type { KubeConfig, User } from '@kubernetes/client-node';
import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ClusterAuthType,
  ClusterConnection,
  ClusterConnectionOptions,
} from './ClusterConnection';
import { ConnectionError } from './ConnectionError';
import { loadClientNode } from './loadClientNode';
import { checkMaxResponseBytes } from './responseLimits';

/**
 * Where the connection comes from.
 *
 * @public
 */
export type ClusterConnectionSpec =
  | {
      type: 'kubeconfig';
      /** Kubeconfig file; default `$KUBECONFIG` (path list) or `~/.kube/config`. */
      path?: string;
      /** Context; default the current context. */
      context?: string;
      /** Name for reports; default the context name. */
      name?: string;
    }
  | { type: 'inCluster'; name?: string }
  | {
      type: 'explicit';
      name: string;
      /** API server URL, e.g. https://10.0.0.1:443. */
      url: string;
      /** Cluster CA: PEM text or base64 of it. */
      caData?: string;
      token?: string;
      /** Client certificate and key: PEM text or base64 of it. */
      clientCertData?: string;
      clientKeyData?: string;
      /** Turn TLS verification off. Default false. */
      skipTLSVerify?: boolean;
    };

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function kubeconfigPaths(explicit?: string): string[] {
  if (explicit) return [explicit];
  const env = process.env.KUBECONFIG;
  if (env) return env.split(path.delimiter).filter(Boolean);
  return [path.join(os.homedir(), '.kube', 'config')];
}

/**
 * Why a kubeconfig file could not be loaded, without its content: a YAML
 * error gives its line and column (the parser's message quotes the lines
 * around it, tokens and keys included); other errors give their first line.
 */
function kubeconfigErrorText(e: unknown): string {
  const err = e as Error & {
    reason?: string;
    mark?: { line?: number; column?: number };
  };
  if (err?.name === 'YAMLException') {
    // reasons may end in a quoted token, tag or alias from the file
    const reason = (err.reason ?? 'malformed YAML')
      .replace(/"[^"]*"|'[^']*'|!<[^>]*>?/g, '…')
      .split(': ')[0]
      .trim();
    const at =
      typeof err.mark?.line === 'number'
        ? ` at line ${err.mark.line + 1}, column ${(err.mark.column ?? 0) + 1}`
        : '';
    return `invalid YAML${at}: ${reason}`;
  }
  return String(err?.message ?? e).split('\n')[0];
}

async function loadKubeconfigFiles(explicit?: string): Promise<KubeConfig> {
  const k8s = await loadClientNode();
  const paths = kubeconfigPaths(explicit);
  const existing = paths.filter(p => fs.existsSync(p));
  if (existing.length === 0) {
    throw new ConnectionError(
      'kubeconfig-not-found',
      `Kubeconfig not found: ${paths.join(', ')}`,
    );
  }
  const kc = new k8s.KubeConfig();
  for (const [i, file] of existing.entries()) {
    try {
      if (i === 0) {
        kc.loadFromFile(file);
      } else {
        const next = new k8s.KubeConfig();
        next.loadFromFile(file);
        kc.mergeConfig(next, true);
      }
    } catch (e) {
      throw new ConnectionError(
        'invalid-config',
        `Kubeconfig ${file} could not be read: ${kubeconfigErrorText(e)}`,
      );
    }
  }
  return kc;
}

function authTypeOf(user: User | null): ClusterAuthType {
  if (!user) return 'none';
  if (user.exec) return 'exec';
  if (user.authProvider) return 'auth-provider';
  if (user.token) return 'token';
  if (user.certData || user.certFile) return 'client-certificate';
  if (user.username) return 'basic';
  return 'none';
}

/** PEM text is accepted as is and base64-encoded for the client. */
function toBase64Pem(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.includes('-----BEGIN')
    ? Buffer.from(value, 'utf8').toString('base64')
    : value.trim();
}

function fromKubeConfig(
  kc: KubeConfig,
  source: 'kubeconfig' | 'inCluster' | 'explicit',
  name: string | undefined,
  options: ClusterConnectionOptions,
): ClusterConnection {
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new ConnectionError(
      'invalid-config',
      `Context "${kc.getCurrentContext()}" names no cluster`,
    );
  }
  return new ClusterConnection(
    {
      name: name ?? kc.getCurrentContext(),
      server: cluster.server,
      authType: authTypeOf(kc.getCurrentUser()),
      skipTLSVerify: cluster.skipTLSVerify === true,
      source,
    },
    kc,
    options,
  );
}

function checkOptions(
  options: ClusterConnectionOptions,
): ClusterConnectionOptions {
  if (options.maxResponseBytes !== undefined) {
    checkMaxResponseBytes(options.maxResponseBytes, 'maxResponseBytes');
  }
  if (options.pinnedAddress !== undefined && !isIP(options.pinnedAddress)) {
    throw new InputError(
      'pinnedAddress must be an IPv4 or IPv6 address, not a host name',
    );
  }
  return options;
}

/**
 * Builds a connection from a kubeconfig file and context, the in-cluster
 * service account, or explicit URL and credentials. Makes no request (see
 * verifyConnection). `options` cap the bytes of each response and may pin
 * the address sockets go to. Throws ConnectionError (kubeconfig-not-found,
 * context-not-found, invalid-config) or InputError for a malformed spec or
 * options.
 *
 * @public
 */
export async function connectToCluster(
  spec: ClusterConnectionSpec,
  connectionOptions: ClusterConnectionOptions = {},
): Promise<ClusterConnection> {
  const options = checkOptions(connectionOptions);
  const k8s = await loadClientNode();
  switch (spec.type) {
    case 'kubeconfig': {
      const kc = await loadKubeconfigFiles(spec.path);
      const contexts = kc.getContexts().map(c => c.name);
      const context = spec.context ?? kc.getCurrentContext();
      if (!context || !contexts.includes(context)) {
        throw new ConnectionError(
          'context-not-found',
          context
            ? `Context "${context}" not found in kubeconfig; available: ${
                contexts.join(', ') || 'none'
              }`
            : `Kubeconfig has no current context; available: ${
                contexts.join(', ') || 'none'
              }`,
        );
      }
      kc.setCurrentContext(context);
      return fromKubeConfig(kc, 'kubeconfig', spec.name, options);
    }
    case 'inCluster': {
      if (!process.env.KUBERNETES_SERVICE_HOST) {
        throw new ConnectionError(
          'invalid-config',
          'Not running inside a cluster: KUBERNETES_SERVICE_HOST is not set',
        );
      }
      if (!fs.existsSync(path.join(SERVICE_ACCOUNT_DIR, 'token'))) {
        throw new ConnectionError(
          'invalid-config',
          `No service account token at ${SERVICE_ACCOUNT_DIR}/token`,
        );
      }
      const kc = new k8s.KubeConfig();
      kc.loadFromCluster();
      return fromKubeConfig(
        kc,
        'inCluster',
        spec.name ?? 'in-cluster',
        options,
      );
    }
    case 'explicit': {
      let url: URL;
      try {
        url = new URL(spec.url);
      } catch {
        throw new InputError(`Cluster URL "${spec.url}" is not a valid URL`);
      }
      if (
        url.protocol !== 'https:' &&
        !(url.protocol === 'http:' && spec.skipTLSVerify)
      ) {
        throw new InputError(
          `Cluster URL must use https (http only with skipTLSVerify): ${url.origin}`,
        );
      }
      if (!spec.name) throw new InputError('A cluster name is required');
      if (Boolean(spec.clientCertData) !== Boolean(spec.clientKeyData)) {
        throw new InputError(
          'A client certificate needs both clientCertData and clientKeyData',
        );
      }
      const kc = new k8s.KubeConfig();
      kc.loadFromOptions({
        clusters: [
          {
            name: spec.name,
            server: spec.url.replace(/\/+$/, ''),
            caData: toBase64Pem(spec.caData),
            skipTLSVerify: spec.skipTLSVerify === true,
          },
        ],
        users: [
          {
            name: `${spec.name}-user`,
            token: spec.token,
            certData: toBase64Pem(spec.clientCertData),
            keyData: toBase64Pem(spec.clientKeyData),
          },
        ],
        contexts: [
          { name: spec.name, cluster: spec.name, user: `${spec.name}-user` },
        ],
        currentContext: spec.name,
      });
      return fromKubeConfig(kc, 'explicit', spec.name, options);
    }
    default:
      throw new InputError(
        `Unknown connection type "${(spec as { type?: string }).type}"`,
      );
  }
}

/**
 * A context of a kubeconfig file, without credentials.
 *
 * @public
 */
export interface KubeconfigContext {
  name: string;
  cluster: string;
  server?: string;
  user: string;
  namespace?: string;
  current: boolean;
}

/**
 * Lists the contexts of a kubeconfig (default `$KUBECONFIG` or `~/.kube/config`).
 *
 * @public
 */
export async function listKubeconfigContexts(
  kubeconfigPath?: string,
): Promise<KubeconfigContext[]> {
  const kc = await loadKubeconfigFiles(kubeconfigPath);
  const current = kc.getCurrentContext();
  return kc.getContexts().map(c => ({
    name: c.name,
    cluster: c.cluster,
    server: kc.getCluster(c.cluster)?.server,
    user: c.user,
    namespace: c.namespace,
    current: c.name === current,
  }));
}
