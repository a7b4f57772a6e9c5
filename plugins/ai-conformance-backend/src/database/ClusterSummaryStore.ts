import type {
  ClusterListFacets,
  ConformanceLevel,
  GoldLevelRules,
  RunStatus,
  Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { StoredOutcome } from './ConformanceStore';

/** One cluster's row of the fleet read model (no report body). */
export interface ClusterSummaryRecord {
  entityRef: string;
  /** The entity exists in the catalog (as last seen by the catalog sync). */
  inCatalog: boolean;
  /** `spec.owner` and `metadata.title` of the catalog entity. */
  owner: string | null;
  title: string | null;
  /** Of the latest succeeded run; null when the cluster has none. */
  verdict: Verdict | null;
  requirementsVersion: string | null;
  mustPassed: number;
  mustTotal: number;
  shouldPassed: number;
  shouldTotal: number;
  platform: string | null;
  kubernetesVersion: string | null;
  acceleratorCount: number;
  /** Requirements that fail (any level) in the latest succeeded run. */
  failed: number;
  /** Each requirement's outcome in the latest succeeded run. */
  outcomes: StoredOutcome[];
  lastSucceededRunId: string | null;
  /** When the latest succeeded run finished (the level's "checked at"). */
  lastSucceededAt: string | null;
  /** The newest run of any status. */
  lastRunId: string | null;
  lastRunStatus: RunStatus | null;
  lastRunCreatedAt: string | null;
  lastRunFinishedAt: string | null;
  updatedAt: string;
}

/** Sort keys of {@link ClusterSummaryStore.list}. */
export type ClusterSummarySort =
  | 'name'
  | 'verdict'
  | 'level'
  | 'lastRun'
  | 'failures';

/** `unchecked`: clusters without a succeeded run. */
export type VerdictFilter = Verdict | 'unchecked';
export type LevelFilter = ConformanceLevel | 'unchecked';

/** Filters, order and page of {@link ClusterSummaryStore.list}. */
export interface ClusterSummaryQuery {
  /**
   * Which clusters: every one in the catalog, or exactly these refs
   * (a caller's readable set).
   */
  scope: { inCatalog: true } | { refs: readonly string[] };
  verdict?: VerdictFilter[];
  level?: LevelFilter[];
  platform?: string[];
  /** Checklist versions, e.g. `1.35`. */
  requirementsVersion?: string[];
  /** Catalog owners (`spec.owner` as written). */
  owner?: string[];
  /** Kubernetes version prefix, e.g. `v1.35` (matches `v1.35.0-gke.1`). */
  kubernetesVersion?: string;
  /** Case-insensitive substring of the entity name or title. */
  text?: string;
  sort?: ClusterSummarySort;
  order?: 'asc' | 'desc';
  offset?: number;
  limit: number;
  /** How levels are measured (gold rules and the clock). */
  levels: { rules: GoldLevelRules; now: Date };
}

/** A page of summaries and the number of clusters matching the filters. */
export interface ClusterSummaryPage {
  items: ClusterSummaryRecord[];
  totalCount: number;
}

/** Counts and filter values over every cluster of a scope (no filter). */
export type ClusterSummaryFacets = ClusterListFacets;

/** A cluster entity as the catalog sync reads it. */
export interface CatalogCluster {
  entityRef: string;
  owner?: string;
  title?: string;
}

/**
 * The fleet read model: one row per cluster, written with the run that
 * changes it. `DatabaseClusterSummaryStore` is the implementation.
 */
export interface ClusterSummaryStore {
  /** A filtered, sorted page of summaries and the total matching. */
  list(query: ClusterSummaryQuery): Promise<ClusterSummaryPage>;

  /** Verdict and level counts and filter values of a scope. */
  facets(
    scope: ClusterSummaryQuery['scope'],
    levels: ClusterSummaryQuery['levels'],
  ): Promise<ClusterSummaryFacets>;

  /**
   * A value that changes whenever any summary changes (on any replica):
   * equal values mean an answer read from the summaries is still current.
   */
  generation(): Promise<string>;

  /** One cluster's summary, if it has a row. */
  get(entityRef: string): Promise<ClusterSummaryRecord | undefined>;

  /** Every summary of a cluster with at least one run. */
  listChecked(): Promise<ClusterSummaryRecord[]>;

  /** The refs of every cluster with at least one run. */
  listRefsWithRuns(): Promise<string[]>;

  /**
   * Records which entities exist in the catalog: `clusters` (every
   * cluster entity) get a row with their owner and title; other refs with runs are marked present
   * when `exists` says so, absent otherwise. Rows with neither runs nor
   * catalog entity are removed.
   */
  syncCatalog(
    clusters: readonly CatalogCluster[],
    exists: (refs: string[]) => Promise<string[]>,
  ): Promise<void>;

  /**
   * Builds the rows of clusters that have runs but no summary yet (a
   * database from before the read model); returns how many.
   */
  backfill(): Promise<number>;
}
