import {
  PrometheusClient,
  describePrometheusSource,
  sampleMetricsSnapshot,
  type SnapshotMetrics,
} from '@ai-conformance/plugin-ai-conformance-node';
import { displayUrl } from './displayUrl';
import { CliError } from './CliError';

/** A Prometheus-compatible metrics source given on the command line. */
export interface MetricsSource {
  url: string;
  /** Bearer token read from the environment variable named by --prometheus-token-env. */
  token?: string;
  /** Equality matchers added to every query, e.g. `{ cluster: 'prod' }`. */
  matchers: Record<string, string>;
}

/** The metrics flags as commander gives them. */
export interface MetricsSourceFlags {
  prometheusUrl?: string;
  prometheusTokenEnv?: string;
  prometheusMatcher?: string[];
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Reads `--prometheus-url`, `--prometheus-token-env` and
 * `--prometheus-matcher`; undefined when no URL is given. Throws CliError
 * for a URL that is not http(s) or carries credentials, a missing token
 * variable, or a matcher that is not `label=value`.
 */
export function parseMetricsSource(
  flags: MetricsSourceFlags,
  env: NodeJS.ProcessEnv,
): MetricsSource | undefined {
  const matcherFlags = flags.prometheusMatcher ?? [];
  if (!flags.prometheusUrl) {
    if (flags.prometheusTokenEnv || matcherFlags.length)
      throw new CliError(
        '--prometheus-token-env and --prometheus-matcher need --prometheus-url',
      );
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(flags.prometheusUrl);
  } catch {
    throw new CliError(
      `--prometheus-url must be a URL, got "${displayUrl(
        flags.prometheusUrl,
      )}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError('--prometheus-url must be an http(s) URL');
  if (url.username || url.password)
    throw new CliError(
      '--prometheus-url must not carry credentials: put a token in an environment variable and name it with --prometheus-token-env',
    );
  let token: string | undefined;
  if (flags.prometheusTokenEnv) {
    token = env[flags.prometheusTokenEnv];
    if (!token)
      throw new CliError(
        `--prometheus-token-env names ${flags.prometheusTokenEnv}, which is not set`,
      );
  }
  const matchers: Record<string, string> = {};
  for (const m of matcherFlags) {
    const eq = m.indexOf('=');
    const name = eq > 0 ? m.slice(0, eq) : '';
    if (!LABEL_NAME.test(name) || name.startsWith('__'))
      throw new CliError(
        `--prometheus-matcher must be label=value (e.g. cluster=prod), got "${m}"`,
      );
    matchers[name] = m.slice(eq + 1);
  }
  return { url: flags.prometheusUrl, token, matchers };
}

/** The source as the report names it: origin and auth type only. */
export function describeMetricsSource(source: MetricsSource): string {
  return describePrometheusSource(source.url, source.token ? 'bearer' : 'none');
}

/**
 * Samples the source's DCGM series for the snapshot; never throws (a failed
 * source becomes `error`, and the accelerator_metrics check says why).
 */
export function sampleMetricsSource(
  source: MetricsSource,
  options: { timeoutMs: number },
): Promise<SnapshotMetrics> {
  const client = new PrometheusClient({
    url: source.url,
    auth: source.token
      ? { type: 'bearer', token: source.token }
      : { type: 'none' },
    timeoutMs: options.timeoutMs,
  });
  return sampleMetricsSnapshot(client, {
    source: describeMetricsSource(source),
    matchers: source.matchers,
    timeoutMs: options.timeoutMs,
  });
}
