/**
 * The cluster snapshot: everything the checks read from the API server,
 * collected once and evaluated by pure functions. JSON, schema-versioned,
 * free of credentials (the collector never reads Secrets and never stores
 * tokens, CA data or headers).
 */
import type { ReadOutcome } from '@ai-conformance/plugin-ai-conformance-common';

/** @public */
export const SNAPSHOT_SCHEMA_VERSION = 1;

/**
 * A Kubernetes object as returned by the API (or its metadata only).
 *
 * @public
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    uid?: string;
    ownerReferences?: Array<{
      kind: string;
      name: string;
      apiVersion?: string;
    }>;
  };
  spec?: any;
  status?: any;
  data?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * What the engine wants to read. Checks declare these; keys are shared.
 *
 * @public
 */
export interface ReadSpec {
  /** Unique key: two checks that declare the same key share one request. */
  key: string;
  /** API group; '' for the core group. */
  group: string;
  /** API version, or '*' for the group's preferred served version. */
  version: string;
  /** Plural resource name, e.g. 'nodes', 'customresourcedefinitions'. */
  resource: string;
  /** Namespace for a namespaced read; omitted = all namespaces / cluster scope. */
  namespace?: string;
  /** Get one object by name instead of listing. */
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Only metadata is needed (PartialObjectMetadataList). */
  metadataOnly?: boolean;
}

/** @public */
export interface ReadResult {
  outcome: ReadOutcome;
  /** Human-readable request, e.g. "list apiextensions.k8s.io/v1 customresourcedefinitions". */
  request: string;
  /** The API version actually read (resolved when the spec said '*'). */
  version?: string;
  httpStatus?: number;
  message?: string;
  /** List results (all pages). */
  items?: KubeObject[];
  /** Get result. */
  object?: KubeObject;
  /** Number of API requests (pages) this read took. */
  requests?: number;
}

/** @public */
export interface DiscoveredResource {
  /** Plural name, e.g. 'gatewayclasses'. */
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

/** @public */
export interface DiscoveredVersion {
  version: string;
  resources: DiscoveredResource[];
  /** Aggregated discovery marks versions of unavailable APIServices Stale. */
  freshness?: 'Current' | 'Stale';
}

/** @public */
export interface DiscoveredGroup {
  /** '' for the core group. */
  name: string;
  preferredVersion?: string;
  versions: DiscoveredVersion[];
}

/** @public */
export interface DiscoveryFailure {
  groupVersion: string;
  outcome: ReadOutcome;
  httpStatus?: number;
  message: string;
}

/** @public */
export interface DiscoverySnapshot {
  /**
   * Which discovery the groups come from: aggregated discovery (`/api`, `/apis` in the
   * `apidiscovery.k8s.io` format) or legacy discovery (the group lists, then
   * `/api/v1` and `/apis/<group>/<version>` of the groups the reads need).
   */
  source: 'aggregated' | 'legacy';
  /**
   * Why aggregated discovery was not used, e.g. "/apis answered HTTP 503" or
   * "the /apis body is not valid JSON (truncated or malformed)"; set with
   * source 'legacy' and when both kinds of discovery failed.
   */
  fallbackReason?: string;
  /** Overall outcome; 'ok' when the group list was read. */
  outcome: ReadOutcome;
  groups: DiscoveredGroup[];
  /** Group versions whose discovery failed (e.g. 503 for a down APIService). */
  failures: DiscoveryFailure[];
  message?: string;
}

/** @public */
export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  platform?: string;
  [key: string]: unknown;
}

/**
 * Result of an optional active probe (e.g. a server-side dry-run create).
 *
 * @public
 */
export interface ProbeResult {
  id: string;
  outcome: 'rejected' | 'accepted' | 'forbidden' | 'skipped' | 'error';
  message: string;
  /** The object the probe sent (no credentials). */
  object?: ObjectRefLike;
  /** HTTP status of the dry-run request, when one was sent. */
  httpStatus?: number;
}

/** @public */
export interface ObjectRefLike {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** @public */
export interface ClusterSnapshot {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  collectedAt: string;
  /** Name the caller gave the cluster, and the API server URL (no credentials). */
  cluster: { name: string; server?: string };
  version: { outcome: ReadOutcome; info?: VersionInfo; message?: string };
  discovery: DiscoverySnapshot;
  /** Read key → result. */
  reads: Record<string, ReadResult>;
  probes: Record<string, ProbeResult>;
  stats: SnapshotStats;
  /**
   * Accelerator metrics sampled from the cluster's configured
   * Prometheus-compatible source; absent when no source is configured
   * (checks then rest on what the API server shows).
   */
  metrics?: SnapshotMetrics;
}

/**
 * One metric series: its name and the labels kept for the checks.
 *
 * @public
 */
export interface SnapshotMetricSample {
  name: string;
  labels: Record<string, string>;
}

/**
 * An instant sample of the accelerator (DCGM) series of one cluster, read
 * from its metrics source while the snapshot was collected. Holds no
 * credentials and no source URL beyond its origin.
 *
 * @public
 */
export interface SnapshotMetrics {
  /** Which source was read, e.g. "Prometheus-compatible API at https://prom.example:9090 (auth bearer)". */
  source: string;
  /** When the source was read (ISO 8601). */
  sampledAt: string;
  /** Series found; absent when the source could not be read. Only labels naming a device, its node or model are kept. */
  samples?: SnapshotMetricSample[];
  /** Metric names asked for. */
  queried?: string[];
  /** Series left out to bound the snapshot's size. */
  omitted?: number;
  /** Why the source could not be read (timeout, unreachable, HTTP status). */
  error?: string;
  durationMs?: number;
}

/** @public */
export interface SnapshotStats {
  /** HTTP requests sent, /version and every page included. */
  apiRequests: number;
  durationMs: number;
  /** Dependent request phases after /version (discovery, reads, probes). */
  waves: number;
  /** Longest run of requests that had to wait for each other after /version (waves plus list pages). */
  longestChain?: number;
  /** True when the overall deadline stopped the collection. */
  deadlineReached?: boolean;
}
