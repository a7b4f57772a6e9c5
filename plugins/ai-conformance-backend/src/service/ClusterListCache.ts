import type { ClusterListResponse } from '@ai-conformance/plugin-ai-conformance-common';

/** A `GET /clusters` answer as it was serialized, and when. */
export interface CachedClusterList {
  /** The summaries' generation read before the page was. */
  generation: string;
  /** When it was computed (ms); levels depend on the time. */
  at: number;
  body: ClusterListResponse;
  json: string;
  /** SHA-256 of `json` (base64url). */
  digest: string;
  /** `json` gzip-compressed, once a client asked for it. */
  gzip?: Buffer;
}

/** How long an answer is reused at most, even when nothing changed. */
export const CLUSTER_LIST_MAX_AGE_MS = 2_000;
/** The most JSON characters kept in all answers together. */
const MAX_CHARS = 8 * 1024 * 1024;

/**
 * Recent `GET /clusters` answers of the fleet everyone with full read
 * access sees, keyed by the query. An answer is reused only while the
 * summaries' generation is the one read before it was computed, and for
 * at most {@link CLUSTER_LIST_MAX_AGE_MS}: a level that ages past the
 * gold rules' limit, or a row changed by a replica that does not raise
 * the generation, shows within that time. The oldest answers go first
 * once the kept JSON exceeds 8 MiB.
 */
export class ClusterListCache {
  readonly #entries = new Map<string, CachedClusterList>();
  #chars = 0;

  constructor(
    private readonly options: { maxAgeMs?: number; maxChars?: number } = {},
  ) {}

  get(
    key: string,
    generation: string,
    nowMs: number,
  ): CachedClusterList | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const maxAge = this.options.maxAgeMs ?? CLUSTER_LIST_MAX_AGE_MS;
    if (
      entry.generation !== generation ||
      nowMs - entry.at >= maxAge ||
      nowMs < entry.at
    ) {
      this.#delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: CachedClusterList): void {
    const maxChars = this.options.maxChars ?? MAX_CHARS;
    this.#delete(key);
    if (entry.json.length > maxChars) return;
    this.#entries.set(key, entry);
    this.#chars += entry.json.length;
    for (const [oldest] of this.#entries) {
      if (this.#chars <= maxChars) break;
      this.#delete(oldest);
    }
  }

  #delete(key: string) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#chars -= entry.json.length;
  }
}
