/**
 * Shapes of the backend's HTTP API (`/api/ai-conformance`), shared by the
 * backend, the frontend client and the CLI's upload command.
 */
import type {
  ConformanceReport,
  Verdict,
  Platform,
  ReportCounts,
} from './types';
import type { ConformanceLevel, ConformanceLevelResult } from './levels';

/** @public */
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * Who or what started a run.
 *
 * @public
 */
export type RunTrigger = 'user' | 'schedule' | 'upload';

/**
 * How a run checks the cluster: `passive` reads only; `active` also runs
 * test workloads on it ("Verify with workloads").
 *
 * @public
 */
export type RunMode = 'passive' | 'active';

/** @public */
export interface RunProgress {
  done: number;
  total: number;
  /** Current phase, e.g. "discovery", "reads", "evaluate". */
  phase?: string;
}

/** @public */
export interface RunRecord {
  runId: string;
  entityRef: string;
  status: RunStatus;
  trigger: RunTrigger;
  /** `active` when the run also ran test workloads; absent means passive. */
  mode?: RunMode;
  progress: RunProgress;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Who started or uploaded it (user entity ref or service principal). */
  createdBy?: string;
  verdict?: Verdict;
  requirementsVersion?: string;
  report?: ConformanceReport;
  /** MUST/SHOULD counts of a succeeded run (history items carry these). */
  counts?: ReportCounts;
  error?: string;
}

/**
 * One row of `GET /clusters`.
 *
 * @public
 */
export interface ClusterSummary {
  entityRef: string;
  verdict: Verdict | null;
  requirementsVersion: string | null;
  mustPassed: number;
  mustTotal: number;
  shouldPassed: number;
  shouldTotal: number;
  platform: Platform | null;
  kubernetesVersion: string | null;
  lastRunAt: string | null;
  /** Per requirement id → status, for the fleet matrix. */
  statuses?: Record<string, string>;
  /** Scorecard level of the latest report; null when never checked. */
  level?: ConformanceLevel | null;
  /** Why the cluster is not one level higher (empty at gold). */
  levelMissing?: string[];
  /** When the latest succeeded run finished; null when never checked. */
  checkedAt?: string | null;
  /** The newest run of any status. */
  lastRunId?: string | null;
  lastRunStatus?: RunStatus | null;
  /** Accelerators the latest report counts as capacity. */
  acceleratorCount?: number;
  /** `spec.owner` and `metadata.title` of the catalog entity. */
  owner?: string | null;
  title?: string | null;
}

/**
 * Filters, order and page of `GET /clusters`; list values are sent
 * comma-separated. `unchecked` selects clusters without a succeeded run.
 *
 * @public
 */
export interface ClusterListQuery {
  verdict?: Array<Verdict | 'unchecked'>;
  level?: Array<ConformanceLevel | 'unchecked'>;
  platform?: string[];
  /** Checklist versions of the latest report, e.g. `1.35`. */
  requirementsVersion?: string[];
  /** The catalog owner (`spec.owner` as written). */
  owner?: string;
  /** Version prefix, e.g. `1.35`. */
  kubernetesVersion?: string;
  /** Text the entity name or title contains (case-insensitive). */
  q?: string;
  sort?: 'name' | 'verdict' | 'level' | 'lastRun' | 'failures';
  order?: 'asc' | 'desc';
  offset?: number;
  /** Page size, 1–1000 (default 100). */
  limit?: number;
  /** Also return {@link ClusterListFacets} over every readable cluster. */
  facets?: boolean;
}

/**
 * Counts and filter values of `GET /clusters?facets=true`, over every
 * cluster the caller may read (filters aside).
 *
 * @public
 */
export interface ClusterListFacets {
  /** Per verdict; `unchecked` for clusters without a succeeded run. */
  verdicts: Record<string, number>;
  /** Per scorecard level; `unchecked` for clusters without one. */
  levels: Record<string, number>;
  owners: string[];
  platforms: string[];
  requirementsVersions: string[];
}

/**
 * `GET /clusters`: one page of summaries and how many match in all.
 *
 * @public
 */
export interface ClusterListResponse {
  items: ClusterSummary[];
  totalCount: number;
  offset: number;
  limit: number;
  facets?: ClusterListFacets;
}

/**
 * `GET /clusters/:namespace/:name`.
 *
 * @public
 */
export interface ClusterDetail {
  entityRef: string;
  report: ConformanceReport | null;
  lastRun: RunRecord | null;
  /** Scorecard level of `report` with what the next level needs. */
  level?: ConformanceLevelResult | null;
}

/**
 * `POST /clusters/:namespace/:name/runs` body.
 *
 * @public
 */
export interface CreateRunRequest {
  dryRunProbes?: boolean;
  /** Evaluate against this checklist version instead of the cluster's minor. */
  requirementsVersion?: string;
  /** `active` also runs test workloads (needs `ai-conformance.run.active`); default `passive`. */
  mode?: RunMode;
}

/**
 * `POST /clusters/:namespace/:name/runs` response.
 *
 * @public
 */
export interface CreateRunResponse {
  runId: string;
  status?: RunStatus;
}

/**
 * `GET /clusters/:namespace/:name/runs`.
 *
 * @public
 */
export interface RunHistoryResponse {
  items: RunRecord[];
}
