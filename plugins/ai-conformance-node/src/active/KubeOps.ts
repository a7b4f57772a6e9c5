import type { ObjectReference } from '@ai-conformance/plugin-ai-conformance-common';
import { RequestFailure } from '../cluster/KubeApiClient';
import type { KubeObject as SnapshotObject } from '../snapshot/types';
import type { ActiveClient } from './types';

/**
 * A step that could not run or could not tell (forbidden, unavailable,
 * deadline, unreadable answer): the check reports `unknown` with this
 * message, never `fail`.
 *
 * @public
 */
export class ActiveInconclusive extends Error {
  name = 'ActiveInconclusive';
}

/**
 * A parsed API answer.
 *
 * @public
 */
export interface ApiAnswer {
  status: number;
  /** The JSON body, or undefined when it was not JSON. */
  json?: any;
  /** The Status message (or the start of the body). */
  message: string;
}

/**
 * An API object as the active checks read it (status and spec untyped).
 *
 * @public
 */
export type ActiveObject = SnapshotObject & {
  metadata: SnapshotObject['metadata'] & { deletionTimestamp?: string };
  [key: string]: any;
};

function messageOf(status: number, body: string, json: any): string {
  if (json && typeof json.message === 'string') return json.message;
  return body.slice(0, 300) || `HTTP ${status}`;
}

/** Aborts after `ms` or when `parent` aborts. */
export function deadlineSignal(
  parent: AbortSignal | undefined,
  ms: number,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  const timer = setTimeout(onAbort, ms);
  if (parent?.aborted) controller.abort();
  parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * The API calls an active check makes, bounded by a signal: each call
 * becomes `ActiveInconclusive` when the signal aborts or the server cannot
 * be reached, and records the objects it creates.
 *
 * @public
 */
export class KubeOps {
  /** Objects created through this instance, in order. */
  readonly created: ObjectReference[] = [];

  constructor(
    private readonly client: ActiveClient,
    private readonly signal: AbortSignal,
    private readonly options: {
      requestTimeoutMs: number;
      pollIntervalMs: number;
    },
  ) {}

  get pollIntervalMs(): number {
    return this.options.pollIntervalMs;
  }

  get aborted(): boolean {
    return this.signal.aborted;
  }

  async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    init: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<ApiAnswer> {
    if (this.signal.aborted) {
      throw new ActiveInconclusive(`deadline reached before ${method} ${path}`);
    }
    let res;
    try {
      res = await this.client.request({
        method,
        path,
        query: init.query,
        body: init.body,
        timeoutMs: this.options.requestTimeoutMs,
        signal: this.signal,
      });
    } catch (e) {
      if (this.signal.aborted || (e as RequestFailure).kind === 'aborted') {
        throw new ActiveInconclusive(
          `deadline reached during ${method} ${path}`,
        );
      }
      throw new ActiveInconclusive(
        `${method} ${path} failed: ${(e as Error).message}`,
      );
    }
    let json: any;
    try {
      json = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      json,
      message: messageOf(res.status, res.body, json),
    };
  }

  /** Creates an object; anything but 200/201 is inconclusive. */
  async create(path: string, body: ActiveObject): Promise<ActiveObject> {
    const answer = await this.post(path, body);
    if (answer.status !== 200 && answer.status !== 201) {
      throw new ActiveInconclusive(
        `could not create ${body.kind} ${body.metadata.name}: ${answer.message} (HTTP ${answer.status})`,
      );
    }
    return answer.json as ActiveObject;
  }

  /** A POST whose answer the caller judges (e.g. an expected webhook denial). */
  async post(path: string, body: ActiveObject): Promise<ApiAnswer> {
    const answer = await this.call('POST', path, { body });
    if (answer.status === 200 || answer.status === 201) {
      this.created.push({
        apiVersion: String(body.apiVersion),
        kind: String(body.kind),
        name: body.metadata.name,
        namespace: body.metadata.namespace,
      });
    }
    return answer;
  }

  /** The object, or undefined when it does not exist. */
  async get(path: string): Promise<ActiveObject | undefined> {
    const answer = await this.call('GET', path);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200 || !answer.json) {
      throw new ActiveInconclusive(
        `GET ${path}: ${answer.message} (HTTP ${answer.status})`,
      );
    }
    return answer.json as ActiveObject;
  }

  async list(
    path: string,
    query: Record<string, string> = {},
  ): Promise<ActiveObject[]> {
    const answer = await this.call('GET', path, { query });
    if (answer.status !== 200 || !Array.isArray(answer.json?.items)) {
      throw new ActiveInconclusive(
        `list ${path}: ${answer.message} (HTTP ${answer.status})`,
      );
    }
    return answer.json.items as ActiveObject[];
  }

  /** Deletes (background propagation); a missing object is fine. */
  async delete(path: string): Promise<void> {
    const answer = await this.call('DELETE', path, {
      body: {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        propagationPolicy: 'Background',
      },
    });
    if (answer.status >= 300 && answer.status !== 404) {
      throw new ActiveInconclusive(
        `DELETE ${path}: ${answer.message} (HTTP ${answer.status})`,
      );
    }
  }

  /** A container's log (stdout of its program). */
  async logs(
    namespace: string,
    pod: string,
    container: string,
  ): Promise<string> {
    const path = `/api/v1/namespaces/${namespace}/pods/${pod}/log`;
    if (this.signal.aborted) {
      throw new ActiveInconclusive(`deadline reached before reading ${path}`);
    }
    let res;
    try {
      res = await this.client.request({
        path,
        query: { container, limitBytes: '16384' },
        accept: 'text/plain, */*',
        timeoutMs: this.options.requestTimeoutMs,
        signal: this.signal,
      });
    } catch (e) {
      throw new ActiveInconclusive(
        `log of ${pod}/${container}: ${(e as Error).message}`,
      );
    }
    if (res.status !== 200) {
      let message = res.body.slice(0, 300);
      try {
        message = JSON.parse(res.body).message ?? message;
      } catch {
        // plain text
      }
      throw new ActiveInconclusive(
        `log of ${pod}/${container}: ${message} (HTTP ${res.status})`,
      );
    }
    return res.body;
  }

  /** Waits `ms` unless the signal aborts first (then inconclusive). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal.aborted) {
        reject(new ActiveInconclusive('deadline reached'));
        return;
      }
      let timer: NodeJS.Timeout | undefined = undefined;
      const onAbort = () => {
        clearTimeout(timer);
        reject(new ActiveInconclusive('deadline reached'));
      };
      timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Polls `probe` until it returns a value; at the deadline throws
   * `ActiveInconclusive` naming what was awaited (and the last state seen),
   * unless `onDeadline` decides otherwise.
   */
  async waitFor<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    lastSeen?: () => string | undefined,
  ): Promise<T> {
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      try {
        await this.sleep(this.options.pollIntervalMs);
      } catch {
        const seen = lastSeen?.();
        throw new ActiveInconclusive(
          `deadline reached waiting for ${what}${
            seen ? ` (last seen: ${seen})` : ''
          }`,
        );
      }
    }
  }

  /**
   * Polls `probe` for at most `ms`: its value, or undefined when the window
   * ended without one (the caller judges that). The signal still aborts it
   * (inconclusive).
   */
  async waitWithin<T>(
    ms: number,
    probe: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      const left = end - Date.now();
      if (left <= 0) return undefined;
      await this.sleep(Math.min(left, this.options.pollIntervalMs));
    }
  }
}
