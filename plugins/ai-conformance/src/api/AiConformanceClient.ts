import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AiConformanceHttpJson,
  AiConformanceHttpOperations,
  ClusterDetail,
  ClusterListQuery,
  ClusterListResponse,
  ClusterSummary,
  CreateRunResponse,
  RunHistoryResponse,
  RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  AiConformanceApi,
  RequirementInfo,
  StartRunOptions,
} from './AiConformanceApi';

/** Operations whose 200 answer is JSON. */
type JsonOperation = {
  [Op in keyof AiConformanceHttpOperations]: [
    AiConformanceHttpJson<Op>,
  ] extends [never]
    ? never
    : Op;
}[keyof AiConformanceHttpOperations];

type CreateRunRequestBody = NonNullable<
  AiConformanceHttpOperations['CreateRun']['requestBody']
>['content']['application/json'];

function clusterPath(entity: CompoundEntityRef): string {
  return `/clusters/${encodeURIComponent(
    entity.namespace || 'default',
  )}/${encodeURIComponent(entity.name)}`;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * {@link AiConformanceApi} over the Backstage fetch and discovery APIs.
 * @public
 */
export class AiConformanceClient implements AiConformanceApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listRequirements(options?: {
    version?: string;
  }): Promise<RequirementInfo[]> {
    const checklist = await this.getJson(
      'GetRequirements',
      `/requirements${query({ version: options?.version })}`,
    );
    return checklist.requirements;
  }

  async listClusters(
    options: ClusterListQuery = {},
  ): Promise<ClusterListResponse> {
    const list = (values?: string[]) => values?.join(',');
    const body: ClusterListResponse | ClusterSummary[] = await this.getJson(
      'ListClusters',
      `/clusters${query({
        verdict: list(options.verdict),
        level: list(options.level),
        platform: list(options.platform),
        requirementsVersion: list(options.requirementsVersion),
        owner: options.owner,
        kubernetesVersion: options.kubernetesVersion,
        q: options.q,
        sort: options.sort,
        order: options.order,
        offset: options.offset,
        limit: options.limit,
        facets: options.facets ? 'true' : undefined,
      })}`,
    );
    if (!Array.isArray(body)) return body;
    // A backend from before paging answers with every cluster at once: the
    // page asked for is cut here (its filters and order are not applied).
    const offset = options.offset ?? 0;
    const limit = options.limit ?? body.length;
    return {
      items: body.slice(offset, offset + limit),
      totalCount: body.length,
      offset,
      limit,
    };
  }

  async getCluster(
    entity: CompoundEntityRef,
    options?: { version?: string },
  ): Promise<ClusterDetail> {
    return this.getJson(
      'GetCluster',
      `${clusterPath(entity)}${query({ version: options?.version })}`,
    );
  }

  async startRun(
    entity: CompoundEntityRef,
    options?: StartRunOptions,
  ): Promise<CreateRunResponse> {
    const body: CreateRunRequestBody = options ?? {};
    return this.getJson('CreateRun', `${clusterPath(entity)}/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async getRun(runId: string): Promise<RunRecord> {
    return this.getJson('GetRun', `/runs/${encodeURIComponent(runId)}`);
  }

  async getRunHistory(
    entity: CompoundEntityRef,
    options?: { limit?: number },
  ): Promise<RunHistoryResponse> {
    return this.getJson(
      'ListRuns',
      `${clusterPath(entity)}/runs${query({ limit: options?.limit })}`,
    );
  }

  async getSelfAssessmentYaml(
    entity: CompoundEntityRef,
    options?: { version?: string },
  ): Promise<string> {
    const response = await this.request(
      `${clusterPath(entity)}/self-assessment${query({
        format: 'yaml',
        version: options?.version,
      })}`,
      { headers: { Accept: 'application/yaml, text/yaml, text/plain' } },
    );
    return response.text();
  }

  async getSubmissionBundle(
    entity: CompoundEntityRef,
    options: { product: string; version?: string },
  ): Promise<Blob> {
    const response = await this.request(
      `${clusterPath(entity)}/bundle${query({
        product: options.product,
        version: options.version,
      })}`,
      { headers: { Accept: 'application/gzip' } },
    );
    return response.blob();
  }

  /** The JSON answer of an operation, typed by the backend's OpenAPI spec. */
  private async getJson<Operation extends JsonOperation>(
    _operation: Operation,
    path: string,
    init?: RequestInit,
  ): Promise<AiConformanceHttpJson<Operation>> {
    const response = await this.request(path, init);
    const body: AiConformanceHttpJson<Operation> = await response.json();
    return body;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ai-conformance');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
