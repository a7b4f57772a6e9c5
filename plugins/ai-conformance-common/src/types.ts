/**
 * Result types shared by the engine, the backend, the CLI and the frontend.
 * A report is plain JSON: it crosses process and network boundaries.
 */

/**
 * Requirement levels as published in the CNCF checklists.
 *
 * @public
 */
export type RequirementLevel = 'MUST' | 'SHOULD';

/**
 * Checklist categories, keyed as in the official YAML `spec`.
 *
 * @public
 */
export type RequirementCategory =
  | 'accelerators'
  | 'networking'
  | 'schedulingOrchestration'
  | 'observability'
  | 'security'
  | 'operator';

/**
 * Outcome of one requirement.
 * - `pass`: evidence found that the requirement is met.
 * - `fail`: the engine looked and found the requirement not met.
 * - `partial`: some but not all of the required evidence.
 * - `not-applicable`: a conditional requirement whose condition does not hold.
 * - `unknown`: the engine could not look (forbidden, unavailable, timeout...).
 *
 * @public
 */
export type RequirementStatus =
  | 'pass'
  | 'fail'
  | 'partial'
  | 'not-applicable'
  | 'unknown';

/**
 * How the status was established: `passive` reads, `dry-run` probes,
 * official-suite `artifact`s, or `active` test workloads run on the cluster.
 *
 * @public
 */
export type EvaluationMethod = 'passive' | 'dry-run' | 'artifact' | 'active';

/** @public */
export type Verdict = 'conformant' | 'not-conformant' | 'incomplete';

/**
 * The platform a cluster runs on, as detected from its server version, served
 * API groups, node labels, provider IDs and OS image; `generic` when nothing
 * points anywhere.
 *
 * @public
 */
export type Platform =
  | 'gke'
  | 'eks'
  | 'aks'
  | 'openshift'
  | 'oke'
  | 'ack'
  | 'cce'
  | 'lke'
  | 'coreweave'
  | 'vks'
  | 'gardener'
  | 'kops'
  | 'rke2'
  | 'k3s'
  | 'talos'
  | 'generic';

/**
 * A reference to a Kubernetes object that proves (or disproves) a point.
 *
 * @public
 */
export interface ObjectReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/**
 * One piece of evidence: what was found, where, and the fields that matter.
 *
 * @public
 */
export interface Evidence {
  /** Human-readable statement, e.g. "GatewayClass gke-l7-rilb is Accepted". */
  description: string;
  object?: ObjectReference;
  /** Field path → value, e.g. `{ "status.conditions[Accepted]": "True" }`. */
  fields?: Record<string, string | number | boolean>;
  /** A URL (artifact, documentation) backing the evidence. */
  url?: string;
}

/**
 * A remediation step; platform-specific steps name their platform.
 *
 * @public
 */
export interface Remediation {
  description: string;
  platform?: Platform | 'any';
  /** A shell command (gcloud, kubectl, helm...). */
  command?: string;
  /** A Terraform snippet. */
  terraform?: string;
  url?: string;
}

/**
 * Why a read could not be used: forbidden, unavailable, timeout...
 *
 * @public
 */
export interface EvaluationError {
  /** The read that failed, e.g. "list apiextensions.k8s.io/v1 customresourcedefinitions". */
  read: string;
  outcome: ReadOutcome;
  message: string;
  /** What would let the engine look, e.g. "needs list on customresourcedefinitions". */
  hint?: string;
}

/**
 * Outcome of one API read in a snapshot.
 *
 * @public
 */
export type ReadOutcome =
  | 'ok'
  | 'forbidden'
  | 'notFound'
  | 'unavailable'
  | 'timeout'
  | 'error'
  | 'skipped';

/** @public */
export interface Link {
  title: string;
  url: string;
}

/** @public */
export interface RequirementResult {
  id: string;
  category: RequirementCategory;
  level: RequirementLevel;
  conditional: boolean;
  title: string;
  status: RequirementStatus;
  method: EvaluationMethod;
  /** One sentence: what was found or why the engine could not tell. */
  summary: string;
  evidence: Evidence[];
  remediation: Remediation[];
  errors: EvaluationError[];
  links?: Link[];
  /** Caveats shown with the result (e.g. the CNCF validator and N/A on MUSTs). */
  notes?: string[];
}

/** @public */
export type FindingSeverity = 'info' | 'warning' | 'error';

/**
 * A cluster-level observation that is not one requirement (e.g. GKE version gate).
 *
 * @public
 */
export interface Finding {
  id: string;
  severity: FindingSeverity;
  summary: string;
  details?: string;
  remediation?: Remediation[];
}

/** @public */
export interface AcceleratorSummary {
  /** Extended resource name, e.g. nvidia.com/gpu, google.com/tpu. */
  resource: string;
  /** Model or type when known, e.g. nvidia-l4. */
  type?: string;
  nodes: number;
  capacity: number;
  allocatable: number;
}

/** @public */
export interface ClusterInfo {
  name: string;
  server?: string;
  kubernetesVersion?: string;
  platform: Platform;
  nodeCount?: number;
  accelerators: AcceleratorSummary[];
}

/** @public */
export interface ReportStats {
  apiRequests: number;
  durationMs: number;
  /** Sequential request waves after /version (discovery, then reads). */
  waves?: number;
}

/**
 * The engine's result for one cluster and one checklist version.
 *
 * @public
 */
export interface ConformanceReport {
  schemaVersion: 1;
  requirementsVersion: string;
  generatedAt: string;
  cluster: ClusterInfo;
  verdict: Verdict;
  requirements: RequirementResult[];
  findings: Finding[];
  stats: ReportStats;
}

/**
 * Counts derived from a report, used by summaries, facts and badges.
 *
 * @public
 */
export interface ReportCounts {
  mustPassed: number;
  mustTotal: number;
  shouldPassed: number;
  shouldTotal: number;
}
