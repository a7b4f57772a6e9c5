import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ClusterConnection } from './ClusterConnection';
import { ConnectionError } from './ConnectionError';
import { DEFAULT_MAX_RESPONSE_BYTES } from './responseLimits';

/**
 * A raw API response.
 *
 * @public
 */
export interface KubeResponse {
  status: number;
  contentType: string;
  body: string;
}

/** @public */
export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the server URL, e.g. '/apis/apps/v1/deployments'. */
  path: string;
  query?: Record<string, string | undefined>;
  accept?: string;
  body?: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Why a request produced no response.
 *
 * @public
 */
export type RequestFailureKind =
  | 'timeout'
  | 'aborted'
  | 'tls'
  | 'unreachable'
  | 'network'
  | 'tooLarge';

/** @public */
export class RequestFailure extends Error {
  name = 'RequestFailure';
  constructor(readonly kind: RequestFailureKind, message: string) {
    super(message);
  }
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function classify(error: NodeJS.ErrnoException): RequestFailure {
  const code = error.code ?? '';
  if (TLS_CODES.has(code) || /certificate|tls|ssl/i.test(error.message)) {
    return new RequestFailure('tls', `TLS error: ${code || error.message}`);
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new RequestFailure('unreachable', `API server unreachable: ${code}`);
  }
  return new RequestFailure(
    'network',
    `Network error: ${code || error.message}`,
  );
}

/**
 * A `lookup` for sockets that always answers `address`: the connection goes
 * to the address that was checked, whatever the host name resolves to now
 * (TLS still verifies the certificate against the host name).
 */
function pinnedLookup(address: string): LookupFunction {
  const family = address.includes(':') ? 6 : 4;
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean })?.all) {
      (
        callback as (
          e: null,
          a: Array<{ address: string; family: number }>,
        ) => void
      )(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
}

/**
 * Issues raw HTTP requests to one API server with the connection's TLS
 * settings and credentials (applied by `@kubernetes/client-node`), over
 * keep-alive sockets. Counts requests. Credentials stay inside: they are not
 * part of responses, errors or `toJSON()`. Reads at most `maxResponseBytes`
 * of each response body (counted while it streams): past that the request is
 * aborted and fails with a `tooLarge` {@link RequestFailure}. When the
 * connection has a pinned address, sockets go to that address.
 *
 * @public
 */
export class KubeApiClient {
  #requests = 0;
  readonly #agent: http.Agent;
  readonly #headers: Record<string, string>;
  readonly #base: URL;
  readonly #maxResponseBytes: number;

  private constructor(
    base: URL,
    agent: http.Agent,
    headers: Record<string, string>,
    maxResponseBytes: number,
  ) {
    this.#base = base;
    this.#agent = agent;
    this.#headers = headers;
    this.#maxResponseBytes = maxResponseBytes;
  }

  /** Prepares a client; resolves exec/auth-provider credentials once. */
  static async create(
    connection: ClusterConnection,
    options: {
      maxSockets?: number;
      /** Overrides the connection's cap on the bytes of one response body. */
      maxResponseBytes?: number;
    } = {},
  ): Promise<KubeApiClient> {
    const opts: https.RequestOptions = {};
    try {
      await connection.kubeConfig.applyToHTTPSOptions(opts);
    } catch (e) {
      throw new ConnectionError(
        'invalid-config',
        `Could not prepare credentials for ${connection.name}: ${
          (e as Error).message
        }`,
      );
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (v !== undefined)
        headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
    }
    if (opts.auth) {
      headers.Authorization = `Basic ${Buffer.from(opts.auth).toString(
        'base64',
      )}`;
    }
    const base = new URL(connection.server);
    const cluster = connection.kubeConfig.getCurrentCluster();
    const maxSockets = options.maxSockets ?? 16;
    const lookup = connection.pinnedAddress
      ? pinnedLookup(connection.pinnedAddress)
      : undefined;
    let agent: http.Agent;
    if (cluster?.proxyUrl) {
      agent = opts.agent as http.Agent;
    } else if (base.protocol === 'http:') {
      agent = new http.Agent({ keepAlive: true, maxSockets, lookup });
    } else {
      agent = new https.Agent({
        keepAlive: true,
        maxSockets,
        lookup,
        ca: opts.ca,
        cert: opts.cert,
        key: opts.key,
        servername: opts.servername,
        rejectUnauthorized: !connection.skipTLSVerify,
      });
    }
    return new KubeApiClient(
      base,
      agent,
      headers,
      options.maxResponseBytes ??
        connection.maxResponseBytes ??
        DEFAULT_MAX_RESPONSE_BYTES,
    );
  }

  /** The most bytes one response body may have. */
  get maxResponseBytes(): number {
    return this.#maxResponseBytes;
  }

  /** Requests issued so far (each page counts). */
  get requestCount(): number {
    return this.#requests;
  }

  request(req: KubeRequest): Promise<KubeResponse> {
    const url = new URL(
      this.#base.pathname.replace(/\/+$/, '') + req.path,
      this.#base,
    );
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined && v !== '') url.searchParams.set(k, v);
    }
    const payload =
      req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = {
      ...this.#headers,
      Accept: req.accept ?? 'application/json',
      'User-Agent': 'ai-conformance-engine',
    };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise<KubeResponse>((resolve, reject) => {
      if (req.signal?.aborted) {
        reject(new RequestFailure('aborted', 'request aborted'));
        return;
      }
      this.#requests++;
      let settled = false;
      let timer: NodeJS.Timeout | undefined = undefined;
      const cleanup: Array<() => void> = [];
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        cleanup.forEach(c => c());
        fn();
      };
      const r = transport.request(url, {
        method: req.method ?? 'GET',
        headers,
        agent: this.#agent,
      });
      timer = setTimeout(() => {
        finish(() =>
          reject(
            new RequestFailure(
              'timeout',
              `no response within ${req.timeoutMs} ms`,
            ),
          ),
        );
        r.destroy();
      }, req.timeoutMs);
      const onAbort = () => {
        finish(() => reject(new RequestFailure('aborted', 'request aborted')));
        r.destroy();
      };
      req.signal?.addEventListener('abort', onAbort, { once: true });
      cleanup.push(() => req.signal?.removeEventListener('abort', onAbort));
      r.on('error', (e: NodeJS.ErrnoException) =>
        finish(() => reject(classify(e))),
      );
      const max = this.#maxResponseBytes;
      r.on('response', res => {
        const declared = Number(res.headers['content-length']);
        const tooLarge = () => {
          finish(() =>
            reject(
              new RequestFailure(
                'tooLarge',
                `response exceeded ${max} bytes (the limit of one API response)`,
              ),
            ),
          );
          // Stop reading and drop the socket: nothing more is buffered.
          res.destroy();
          r.destroy();
        };
        if (Number.isFinite(declared) && declared > max) {
          tooLarge();
          return;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          if (settled) return;
          bytes += c.length;
          if (bytes > max) {
            chunks.length = 0;
            tooLarge();
            return;
          }
          chunks.push(c);
        });
        res.on('error', (e: NodeJS.ErrnoException) =>
          finish(() => reject(classify(e))),
        );
        res.on('end', () =>
          finish(() => {
            let body: string;
            try {
              body = Buffer.concat(chunks).toString('utf8');
            } catch (e) {
              // e.g. ERR_STRING_TOO_LONG: an outcome, never an uncaught error
              reject(
                new RequestFailure(
                  'tooLarge',
                  `response of ${bytes} bytes could not be read: ${
                    (e as NodeJS.ErrnoException).code ?? (e as Error).message
                  }`,
                ),
              );
              return;
            }
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body,
            });
          }),
        );
      });
      r.end(payload);
    });
  }

  /** Closes idle sockets. */
  close(): void {
    this.#agent.destroy();
  }

  toJSON(): { server: string } {
    return { server: this.#base.origin };
  }
}
