import type { Config } from '@backstage/config';
import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';

/** How the backend authenticates to a cluster's Prometheus-compatible API. */
export type MetricsAuthConfig =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  /** Google Application Default Credentials (Google Managed Prometheus). */
  | { type: 'google' };

/** The metrics source of one cluster, from `aiConformance.metrics.clusters[]`. */
export interface ClusterMetricsSource {
  /** Cluster entity name. */
  name: string;
  /** Entity namespace (`default` when omitted in config); matched exactly. */
  namespace: string;
  url: string;
  auth: MetricsAuthConfig;
  /** Label holding the node name on DCGM series (default Hostname). */
  nodeLabel?: string;
  /** Extra equality matchers added to every query, e.g. `{ cluster: 'prod' }`. */
  matchers: Record<string, string>;
}

/** `aiConformance.metrics`. */
export interface AcceleratorMetricsConfig {
  /** How long answers are reused, in seconds (0 = never). */
  cacheSeconds: number;
  /** Timeout of each Prometheus request. */
  timeoutMs: number;
  sources: ClusterMetricsSource[];
}

function readAuth(
  config: Config | undefined,
  where: string,
): MetricsAuthConfig {
  const type = config?.getOptionalString('type') ?? 'none';
  switch (type) {
    case 'none':
      return { type };
    case 'google':
      return { type };
    case 'bearer':
      return { type, token: config!.getString('token') };
    case 'basic':
      return {
        type,
        username: config!.getString('username'),
        password: config!.getString('password'),
      };
    default:
      throw new Error(
        `${where}.auth.type must be none, bearer, basic or google, got "${type}"`,
      );
  }
}

/**
 * Reads `aiConformance.metrics` (the only place a Prometheus URL can come
 * from; never from an entity or a request). Throws on invalid entries so a
 * misconfiguration shows at start-up.
 */
export function readMetricsConfig(config: Config): AcceleratorMetricsConfig {
  const metrics = config.getOptionalConfig('aiConformance.metrics');
  const sources = (metrics?.getOptionalConfigArray('clusters') ?? []).map(
    (c, i) => {
      const where = `aiConformance.metrics.clusters[${i}]`;
      const url = c.getString('url');
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new Error(`${where}.url must be an http(s) URL`);
      const matchersConfig = c.getOptionalConfig('matchers');
      const matchers: Record<string, string> = {};
      for (const key of matchersConfig?.keys() ?? [])
        matchers[key] = matchersConfig!.getString(key);
      return {
        name: c.getString('name'),
        namespace: c.getOptionalString('namespace') ?? DEFAULT_NAMESPACE,
        url,
        auth: readAuth(c.getOptionalConfig('auth'), where),
        nodeLabel: c.getOptionalString('nodeLabel'),
        matchers,
      };
    },
  );
  return {
    cacheSeconds: metrics?.getOptionalNumber('cacheSeconds') ?? 15,
    timeoutMs: metrics?.getOptionalNumber('timeoutMs') ?? 5000,
    sources,
  };
}

/**
 * The source configured for exactly this entity (namespace and name), like
 * configured clusters: a source never applies to a same-named entity in
 * another namespace.
 */
export function findMetricsSource(
  config: AcceleratorMetricsConfig,
  namespace: string,
  name: string,
): ClusterMetricsSource | undefined {
  return config.sources.find(s => s.name === name && s.namespace === namespace);
}
