import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';

/**
 * Auth providers whose token is the calling user's own, sent with each
 * request (`Backstage-Kubernetes-Authorization-*`). Every other provider
 * (`serviceAccount`, `googleServiceAccount`, `aws`, `azure`, ...) sends a
 * credential held by the backend.
 */
export const USER_TOKEN_AUTH_PROVIDERS: ReadonlySet<string> = new Set([
  'google',
  'oidc',
]);

/** The config key of the grants. */
export const ALLOW_BACKEND_CREDENTIALS_KEY =
  'aiConformance.catalogClusters.allowBackendCredentials';

/**
 * Thrown when a catalog cluster asks for a credential held by the backend
 * and no grant in `aiConformance.catalogClusters.allowBackendCredentials`
 * covers its API server URL. A NotAllowedError (403).
 */
export class BackendCredentialRefusedError extends NotAllowedError {}

/** One entry of `aiConformance.catalogClusters.allowBackendCredentials`. */
export interface BackendCredentialGrant {
  /** `https://host[:port][/path]`; the host may start with `*.`. */
  urlPattern: string;
  /** Backend-held auth providers allowed for matching URLs. */
  authProviders: string[];
}

interface ParsedPattern {
  protocol: string;
  /** Lower-case host; with `wildcard`, the suffix after `*.`. */
  host: string;
  wildcard: boolean;
  port: string;
  /** Path prefix without a trailing slash ('' = any path). */
  path: string;
}

function parsePattern(pattern: string, where: string): ParsedPattern {
  let url: URL;
  try {
    url = new URL(pattern);
  } catch {
    throw new Error(`${where}.urlPattern "${pattern}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${where}.urlPattern must be an http(s) URL`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(
      `${where}.urlPattern may hold only a scheme, host, port and path`,
    );
  }
  const host = url.hostname.toLowerCase();
  const wildcard = host.startsWith('*.');
  const rest = wildcard ? host.slice(2) : host;
  if (rest.includes('*') || rest.length === 0) {
    throw new Error(
      `${where}.urlPattern: "*" is accepted only as the first label of the host ("https://*.example.com")`,
    );
  }
  return {
    protocol: url.protocol,
    host: rest,
    wildcard,
    port: url.port,
    path: url.pathname.replace(/\/+$/, ''),
  };
}

function matches(pattern: ParsedPattern, raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== pattern.protocol || url.port !== pattern.port) {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const hostMatches = pattern.wildcard
    ? host.endsWith(`.${pattern.host}`)
    : host === pattern.host;
  if (!hostMatches) return false;
  if (!pattern.path) return true;
  const path = url.pathname.replace(/\/+$/, '');
  return path === pattern.path || path.startsWith(`${pattern.path}/`);
}

/**
 * Decides whether a cluster defined by a catalog entity may receive a
 * credential held by the backend. Nothing is allowed unless an operator
 * grants it in config for named URL patterns and auth providers; user-token
 * providers (`google`, `oidc`) carry the caller's own token and need no grant.
 */
export class BackendCredentialPolicy {
  readonly #grants: Array<{
    pattern: ParsedPattern;
    authProviders: Set<string>;
  }>;

  constructor(grants: BackendCredentialGrant[]) {
    this.#grants = grants.map((g, i) => {
      const where = `${ALLOW_BACKEND_CREDENTIALS_KEY}[${i}]`;
      if (g.authProviders.length === 0) {
        throw new Error(`${where}.authProviders must name at least one`);
      }
      return {
        pattern: parsePattern(g.urlPattern, where),
        authProviders: new Set(g.authProviders),
      };
    });
  }

  /** Reads `aiConformance.catalogClusters.allowBackendCredentials`; throws on invalid entries. */
  static fromConfig(config: Config): BackendCredentialPolicy {
    return new BackendCredentialPolicy(
      (config.getOptionalConfigArray(ALLOW_BACKEND_CREDENTIALS_KEY) ?? []).map(
        c => ({
          urlPattern: c.getString('urlPattern'),
          authProviders: c.getStringArray('authProviders'),
        }),
      ),
    );
  }

  /** True when the provider sends a credential held by the backend. */
  static isBackendHeld(authProvider: string): boolean {
    return !USER_TOKEN_AUTH_PROVIDERS.has(authProvider);
  }

  /**
   * Throws {@link BackendCredentialRefusedError} unless the catalog cluster
   * may use this auth provider at this URL.
   */
  assertAllowed(clusterName: string, url: string, authProvider: string): void {
    if (!BackendCredentialPolicy.isBackendHeld(authProvider)) return;
    const granted = this.#grants.some(
      g => g.authProviders.has(authProvider) && matches(g.pattern, url),
    );
    if (granted) return;
    throw new BackendCredentialRefusedError(
      `Cluster ${clusterName}: the ${authProvider} auth provider is not accepted from catalog entities: it would send a credential held by the backend to the API server the entity names. Define the cluster in aiConformance.clusters, use a user-token provider (google, oidc), or allow ${authProvider} for this URL in ${ALLOW_BACKEND_CREDENTIALS_KEY}`,
    );
  }
}
