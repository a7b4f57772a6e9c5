import { createHash } from 'node:crypto';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError, isError } from '@backstage/errors';
import {
  PrometheusClient,
  queryDcgmMetrics,
  readAcceleratorInventory,
  sampleDcgmMetrics,
  sampleMetricsSnapshot,
  describePrometheusSource,
  type MetricSampleLabels,
  type SnapshotMetrics,
  type AcceleratorInventory,
  type AcceleratorSourceError,
  type ClusterConnection,
  type MetricsRange,
  type PrometheusAuth,
} from '@ai-conformance/plugin-ai-conformance-node';
import {
  findMetricsSource,
  type AcceleratorMetricsConfig,
  type ClusterMetricsSource,
} from './readMetricsConfig';
import { googleAccessToken } from '../service/googleAccessToken';
import type {
  AcceleratorMetricsSourceInfo,
  AcceleratorsResponse,
} from './types';

/** What the caller brings to reach the cluster (credentials stay in the connection). */
export interface AcceleratorRequestContext {
  credentials: BackstageCredentials;
  /** The user's own cluster tokens (`google`, `oidc.<provider>`), when sent. */
  userTokens?: Record<string, string>;
}

/** Options of {@link AcceleratorMetricsService}. */
export interface AcceleratorMetricsServiceOptions {
  config: AcceleratorMetricsConfig;
  logger: LoggerService;
  /** Entity ref → connection, through the plugin's cluster resolver. */
  connect(
    entityRef: string,
    context: AcceleratorRequestContext,
  ): Promise<ClusterConnection>;
  /** Reads the inventory (default: readAcceleratorInventory over the connection). */
  readInventory?: (
    connection: ClusterConnection,
  ) => Promise<AcceleratorInventory>;
  /** Access token from Application Default Credentials, for `auth.type: google`. */
  getGoogleAccessToken?: () => Promise<string>;
  /** Replaces the global fetch for Prometheus requests (tests). */
  fetch?: typeof fetch;
  /** Clock in ms (tests). */
  now?: () => number;
}

const MAX_CACHE_ENTRIES = 200;

/**
 * Who the answer was read as: a digest of the caller's cluster tokens, ''
 * when none were sent (the backend's own credentials). Answers are only
 * reused for the same identity, so a caller without a token never gets an
 * answer read with another user's token. The digest never leaves memory.
 */
function credentialIdentity(userTokens?: Record<string, string>): string {
  // Keys are unique, so the order is total.
  const entries = Object.entries(userTokens ?? {}).sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  if (entries.length === 0) return '';
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** The source as reports name it: origin and auth type only (no path, query or credentials). */
export function describeMetricsSource(source: ClusterMetricsSource): string {
  return describePrometheusSource(source.url, source.auth.type);
}

function sourceInfo(
  source?: ClusterMetricsSource,
): AcceleratorMetricsSourceInfo {
  return source
    ? { type: 'prometheus', auth: source.auth.type }
    : { type: 'none' };
}

/**
 * Answers `GET /clusters/:namespace/:name/accelerators`: the accelerator
 * inventory read live from the cluster, plus DCGM utilization, memory, power
 * and temperature from the cluster's configured Prometheus-compatible API.
 * Failures of either source become `errors` entries next to whatever could be
 * read; only resolution errors (unknown cluster, bad input) are thrown.
 * Answers are cached per cluster, range and credential identity (the
 * caller's cluster tokens) for `cacheSeconds`.
 */
export class AcceleratorMetricsService {
  readonly #options: AcceleratorMetricsServiceOptions;
  readonly #cache = new Map<
    string,
    { expires: number; value: Promise<AcceleratorsResponse> }
  >();
  readonly #getGoogleToken: () => Promise<string>;

  constructor(options: AcceleratorMetricsServiceOptions) {
    this.#options = options;
    this.#getGoogleToken = options.getGoogleAccessToken ?? googleAccessToken;
  }

  /** True when a metrics source is configured for the entity. */
  hasMetricsSource(entityRef: string): boolean {
    const ref = parseEntityRef(entityRef);
    return !!findMetricsSource(this.#options.config, ref.namespace, ref.name);
  }

  /** A Prometheus client for the entity's configured source, or undefined. */
  prometheusClientFor(entityRef: string): PrometheusClient | undefined {
    const ref = parseEntityRef(entityRef);
    const source = findMetricsSource(
      this.#options.config,
      ref.namespace,
      ref.name,
    );
    return source ? this.#client(source) : undefined;
  }

  /**
   * Current DCGM series of the entity's cluster from its configured source,
   * for `evaluateDcgmMetricsSample` (the accelerator_metrics check);
   * undefined when no source is configured. Query failures throw.
   */
  async sampleDcgm(
    entityRef: string,
  ): Promise<MetricSampleLabels[] | undefined> {
    const ref = parseEntityRef(entityRef);
    const source = findMetricsSource(
      this.#options.config,
      ref.namespace,
      ref.name,
    );
    if (!source) return undefined;
    return sampleDcgmMetrics(this.#client(source), source.matchers);
  }

  /**
   * The entity's DCGM series for a check run's snapshot (`snapshot.metrics`),
   * or undefined when no source is configured. Never throws: a failing or
   * slow source (bounded by twice `timeoutMs`: token, then queries) comes
   * back with `error` set and is logged.
   */
  async sampleForSnapshot(
    entityRef: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<SnapshotMetrics | undefined> {
    const ref = parseEntityRef(entityRef);
    const source = findMetricsSource(
      this.#options.config,
      ref.namespace,
      ref.name,
    );
    if (!source) return undefined;
    const description = describeMetricsSource(source);
    let client: PrometheusClient;
    try {
      client = this.#client(source);
    } catch (error) {
      return {
        source: description,
        sampledAt: new Date(this.#now()).toISOString(),
        error: isError(error) ? error.message : String(error),
      };
    }
    const metrics = await sampleMetricsSnapshot(client, {
      source: description,
      matchers: source.matchers,
      timeoutMs: 2 * this.#options.config.timeoutMs,
      signal: options.signal,
      now: this.#options.now,
    });
    if (metrics.error)
      this.#options.logger.warn(
        `Accelerator metrics sample of ${entityRef} for its check run failed: ${metrics.error}`,
      );
    return metrics;
  }

  async getAccelerators(
    entityRef: string,
    range: MetricsRange,
    context: AcceleratorRequestContext,
  ): Promise<AcceleratorsResponse> {
    const now = this.#now();
    const key = `${entityRef}\u0000${range}\u0000${credentialIdentity(
      context.userTokens,
    )}`;
    const cached = this.#cache.get(key);
    if (cached && cached.expires > now) return cached.value;
    const value = this.#compute(entityRef, range, context);
    const ttl = this.#options.config.cacheSeconds * 1000;
    if (ttl > 0) {
      if (this.#cache.size >= MAX_CACHE_ENTRIES) {
        for (const [k, v] of this.#cache)
          if (v.expires <= now) this.#cache.delete(k);
        if (this.#cache.size >= MAX_CACHE_ENTRIES)
          this.#cache.delete(this.#cache.keys().next().value!);
      }
      this.#cache.set(key, { expires: now + ttl, value });
      // Thrown answers (unknown cluster, bad input) are not kept.
      value.catch(() => this.#cache.delete(key));
    }
    return value;
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }

  #client(source: ClusterMetricsSource): PrometheusClient {
    let auth: PrometheusAuth;
    switch (source.auth.type) {
      case 'google':
        auth = { type: 'token-provider', getToken: this.#getGoogleToken };
        break;
      default:
        auth = source.auth;
    }
    return new PrometheusClient({
      url: source.url,
      auth,
      timeoutMs: this.#options.config.timeoutMs,
      fetch: this.#options.fetch,
    });
  }

  async #compute(
    entityRef: string,
    range: MetricsRange,
    context: AcceleratorRequestContext,
  ): Promise<AcceleratorsResponse> {
    const ref = parseEntityRef(entityRef);
    const source = findMetricsSource(
      this.#options.config,
      ref.namespace,
      ref.name,
    );
    const errors: AcceleratorSourceError[] = [];
    let inventory: AcceleratorInventory | null = null;
    try {
      const connection = await this.#options.connect(entityRef, context);
      inventory = await (
        this.#options.readInventory ?? readAcceleratorInventory
      )(connection);
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof InputError)
        throw error;
      // A refused backend credential (BackendCredentialRefusedError) stays
      // an error entry with its reason: nothing was sent to the cluster.
      const message = isError(error) ? error.message : String(error);
      this.#options.logger.warn(
        `Accelerator inventory of ${entityRef} failed: ${message}`,
      );
      errors.push({ source: 'kubernetes', message });
    }

    let series: AcceleratorsResponse['series'] = null;
    if (source) {
      try {
        const result = await queryDcgmMetrics({
          client: this.#client(source),
          range,
          inventory: inventory ?? undefined,
          matchers: source.matchers,
          nodeLabel: source.nodeLabel,
          now: Math.floor(this.#now() / 1000),
        });
        errors.push(...result.errors);
        const everyQueryFailed =
          result.series.gpus.length === 0 && result.errors.length > 0;
        series = everyQueryFailed ? null : result.series;
      } catch (error) {
        errors.push({
          source: 'prometheus',
          message: isError(error) ? error.message : String(error),
        });
      }
      for (const e of errors.filter(x => x.source === 'prometheus'))
        this.#options.logger.warn(
          `Accelerator metrics of ${entityRef}: ${e.message}`,
        );
    }

    return {
      entityRef,
      inventory,
      series,
      source: sourceInfo(source),
      errors,
      generatedAt: new Date(this.#now()).toISOString(),
    };
  }
}
