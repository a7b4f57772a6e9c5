import { DEFAULT_MAX_RESPONSE_BYTES } from '../cluster/responseLimits';
import { bodyText } from '../collector/responseOutcome';
import type { MetricPoint } from './types';

/**
 * How requests to the Prometheus HTTP API authenticate.
 *
 * @public
 */
export type PrometheusAuth =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string }
  /** A bearer token obtained per request, e.g. Google Application Default Credentials. */
  | { type: 'token-provider'; getToken: () => Promise<string> };

/**
 * Options of {@link PrometheusClient}.
 *
 * @public
 */
export interface PrometheusClientOptions {
  /**
   * Base URL of the Prometheus-compatible API, without `/api/v1`, e.g.
   * `http://prometheus:9090` or Google Managed Prometheus'
   * `https://monitoring.googleapis.com/v1/projects/PROJECT/location/global/prometheus`.
   */
  url: string;
  auth?: PrometheusAuth;
  /** Timeout of each request; default 5 s. */
  timeoutMs?: number;
  /** The most bytes one answer may have; default 32 MiB. */
  maxResponseBytes?: number;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
}

/**
 * One series of an instant query.
 *
 * @public
 */
export interface InstantSample {
  labels: Record<string, string>;
  point: MetricPoint;
}

/**
 * One series of a range query.
 *
 * @public
 */
export interface RangeSeries {
  labels: Record<string, string>;
  points: MetricPoint[];
}

/**
 * A failed query; the message never holds credentials.
 *
 * @public
 */
export class PrometheusQueryError extends Error {
  name = 'PrometheusQueryError';
  constructor(
    readonly kind: 'timeout' | 'unreachable' | 'http' | 'api' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

function toPoint(value: unknown): MetricPoint | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const t = Number(value[0]);
  const v = Number(value[1]);
  return Number.isFinite(t) && Number.isFinite(v) ? [t, v] : undefined;
}

/**
 * A response body as text, reading at most `max` bytes: a longer answer is
 * cancelled (nothing more is buffered) and fails with its reason.
 */
async function readCapped(response: Response, max: number): Promise<string> {
  const tooLarge = () =>
    new PrometheusQueryError('invalid', `response exceeded ${max} bytes`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A small client of the Prometheus HTTP API (`/api/v1/query`,
 * `/api/v1/query_range`), for Prometheus itself and compatible services
 * (Google Managed Prometheus, Thanos, Mimir). Each request has a timeout;
 * failures become {@link PrometheusQueryError}s with safe messages.
 *
 * @public
 */
export class PrometheusClient {
  readonly #base: string;
  readonly #auth: PrometheusAuth;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #maxResponseBytes: number;

  constructor(options: PrometheusClientOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`Prometheus URL must be http(s), got ${url.protocol}`);
    if (url.username || url.password)
      throw new Error('Put Prometheus credentials in auth, not in the URL');
    this.#base = url.toString().replace(/\/+$/, '');
    this.#auth = options.auth ?? { type: 'none' };
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#fetch = options.fetch ?? fetch;
    this.#maxResponseBytes =
      options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** Instant query at `time` (Unix seconds; default now). */
  async query(promql: string, time?: number): Promise<InstantSample[]> {
    const data = await this.#get('/api/v1/query', {
      query: promql,
      ...(time !== undefined ? { time: String(time) } : {}),
    });
    if (data.resultType !== 'vector')
      throw new PrometheusQueryError(
        'invalid',
        `expected a vector, got ${data.resultType}`,
      );
    const out: InstantSample[] = [];
    for (const r of data.result ?? []) {
      const point = toPoint(r.value);
      if (point) out.push({ labels: r.metric ?? {}, point });
    }
    return out;
  }

  /** Range query from `start` to `end` (Unix seconds) every `stepSeconds`. */
  async queryRange(
    promql: string,
    start: number,
    end: number,
    stepSeconds: number,
  ): Promise<RangeSeries[]> {
    const data = await this.#get('/api/v1/query_range', {
      query: promql,
      start: String(start),
      end: String(end),
      step: String(stepSeconds),
    });
    if (data.resultType !== 'matrix')
      throw new PrometheusQueryError(
        'invalid',
        `expected a matrix, got ${data.resultType}`,
      );
    return (data.result ?? []).map((r: any) => ({
      labels: r.metric ?? {},
      points: (r.values ?? [])
        .map(toPoint)
        .filter((p: MetricPoint | undefined): p is MetricPoint => !!p),
    }));
  }

  async #headers(): Promise<Record<string, string>> {
    const auth = this.#auth;
    switch (auth.type) {
      case 'bearer':
        return { Authorization: `Bearer ${auth.token}` };
      case 'basic':
        return {
          Authorization: `Basic ${Buffer.from(
            `${auth.username}:${auth.password}`,
          ).toString('base64')}`,
        };
      case 'token-provider':
        try {
          return { Authorization: `Bearer ${await auth.getToken()}` };
        } catch (e) {
          throw new PrometheusQueryError(
            'http',
            `could not obtain an access token: ${(e as Error).message}`,
          );
        }
      default:
        return {};
    }
  }

  async #get(path: string, params: Record<string, string>): Promise<any> {
    const url = `${this.#base}${path}?${new URLSearchParams(params)}`;
    const headers = { Accept: 'application/json', ...(await this.#headers()) };
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
        headers,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await readCapped(response, this.#maxResponseBytes);
    } catch (e) {
      if (e instanceof PrometheusQueryError) throw e;
      const error = e as Error & { cause?: { code?: string } };
      if (error.name === 'TimeoutError' || error.name === 'AbortError')
        throw new PrometheusQueryError(
          'timeout',
          `no answer within ${this.#timeoutMs} ms`,
        );
      throw new PrometheusQueryError(
        'unreachable',
        `unreachable: ${error.cause?.code ?? error.message}`,
      );
    }
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PrometheusQueryError(
        response.ok ? 'invalid' : 'http',
        response.ok
          ? 'the answer is not JSON'
          : `HTTP ${response.status} ${response.statusText}`.trim(),
      );
    }
    if (!response.ok || body?.status !== 'success') {
      const detail =
        typeof body?.error === 'string' ? `: ${bodyText(body.error, 300)}` : '';
      throw new PrometheusQueryError(
        response.ok ? 'api' : 'http',
        `HTTP ${response.status}${
          body?.errorType ? ` ${body.errorType}` : ''
        }${detail}`,
      );
    }
    return body.data ?? {};
  }
}
