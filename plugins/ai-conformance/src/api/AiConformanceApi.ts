import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClusterDetail,
  ClusterListQuery,
  ClusterListResponse,
  CreateRunRequest,
  CreateRunResponse,
  RequirementCategory,
  RequirementLevel,
  RunHistoryResponse,
  RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * One requirement of a checklist version, as served by `GET /requirements`.
 *
 * @public
 */
export interface RequirementInfo {
  id: string;
  category: RequirementCategory;
  level: RequirementLevel;
  conditional: boolean;
  title: string;
  description?: string;
}

/**
 * Options of a new check run.
 *
 * @public
 */
export interface StartRunOptions extends CreateRunRequest {
  /** Checklist version to evaluate against, e.g. "1.34". */
  requirementsVersion?: string;
}

/**
 * Client of the AI Conformance backend (`/api/ai-conformance`).
 * @public
 */
export interface AiConformanceApi {
  /** The requirements of a checklist version (the backend's default when omitted). */
  listRequirements(options?: { version?: string }): Promise<RequirementInfo[]>;
  /**
   * A page of cluster summaries, filtered and sorted by the backend, with the
   * number of matching clusters (and, when asked, the fleet's facets).
   */
  listClusters(query?: ClusterListQuery): Promise<ClusterListResponse>;
  /** The latest report of a cluster (for a checklist version when given). */
  getCluster(
    entity: CompoundEntityRef,
    options?: { version?: string },
  ): Promise<ClusterDetail>;
  /** Starts a check run; poll it with {@link AiConformanceApi.getRun}. */
  startRun(
    entity: CompoundEntityRef,
    options?: StartRunOptions,
  ): Promise<CreateRunResponse>;
  /** One run: status, progress and, when finished, the report or error. */
  getRun(runId: string): Promise<RunRecord>;
  /** Past runs of a cluster, newest first. */
  getRunHistory(
    entity: CompoundEntityRef,
    options?: { limit?: number },
  ): Promise<RunHistoryResponse>;
  /** A CNCF `PRODUCT.yaml` self-assessment draft built from the latest report. */
  getSelfAssessmentYaml(
    entity: CompoundEntityRef,
    options?: { version?: string },
  ): Promise<string>;
  /**
   * The cluster's CNCF submission folder `vX.Y/<product>/` (PRODUCT.yaml,
   * artifacts, evidence) as a .tar.gz.
   */
  getSubmissionBundle(
    entity: CompoundEntityRef,
    options: { product: string; version?: string },
  ): Promise<Blob>;
}

/**
 * The {@link AiConformanceApi} reference.
 * @public
 */
export const aiConformanceApiRef = createApiRef<AiConformanceApi>({
  id: 'plugin.ai-conformance.service',
});
