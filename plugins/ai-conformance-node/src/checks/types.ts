/**
 * The contract between a check and the engine. One check per requirement id,
 * one file per check (`checks/<id>.ts`) with its tests beside it.
 */
import type {
  Evidence,
  EvaluationError,
  EvaluationMethod,
  Finding,
  Link,
  Platform,
  Remediation,
  RequirementLevel,
  RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ClusterSnapshot,
  DiscoveredGroup,
  KubeObject,
  ProbeResult,
  ReadResult,
  ReadSpec,
} from '../snapshot/types';
import type { DeclaredSolution } from '../solutions/declaredSolutions';

/**
 * What a check sees: the snapshot plus derived facts. Pure data.
 *
 * @public
 */
export interface CheckContext {
  snapshot: ClusterSnapshot;
  platform: Platform;
  /** The checklist version being evaluated, e.g. '1.34'. */
  requirementsVersion: string;
  /** Level of this requirement in that checklist. */
  level: RequirementLevel;
  /** Minor version of the cluster, when known (e.g. 34). */
  clusterMinor?: number;
  /** The read for a key declared by any check; outcome 'skipped' if never read. */
  read(key: string): ReadResult;
  /** Items of a read that succeeded, else undefined. */
  items(key: string): KubeObject[] | undefined;
  /** Is `group` (optionally at `version`) served, per discovery? */
  served(group: string, version?: string): boolean;
  /** The discovered group, if served. */
  group(name: string): DiscoveredGroup | undefined;
  probe(id: string): ProbeResult | undefined;
  /** Components the site declared (`aiConformance.solutions`, `--solutions`). */
  solutions?: readonly DeclaredSolution[];
}

/**
 * What a check returns; the engine adds id, level, category and title.
 *
 * @public
 */
export interface CheckOutcome {
  status: RequirementStatus;
  summary: string;
  method?: EvaluationMethod;
  evidence: Evidence[];
  remediation: Remediation[];
  errors: EvaluationError[];
  notes?: string[];
  links?: Link[];
  /** Cluster-level findings raised by this check. */
  findings?: Finding[];
}

/**
 * An active probe a check may ask for (only with --dry-run-probes).
 *
 * @public
 */
export interface ProbeSpec {
  id: string;
  description: string;
}

/** @public */
export interface Check {
  id: string;
  /** Reads this check needs. */
  reads: ReadSpec[];
  /**
   * API groups, besides those of its reads, whose served resources the check
   * inspects in discovery (`ctx.group(name).versions[].resources`). Legacy
   * discovery reads the resource lists of these groups too.
   */
  discoveryGroups?: string[];
  /** Optional active probes (dry-run), off by default. */
  probes?: ProbeSpec[];
  evaluate(ctx: CheckContext): CheckOutcome;
}
