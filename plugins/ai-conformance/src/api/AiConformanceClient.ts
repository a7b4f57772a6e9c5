import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterDetail,
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

/** Accepts a bare array or an `{ items }` envelope. */
function itemsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as T[]) : [];
}

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
    const body = await this.getJson<unknown>(
      `/requirements${query({ version: options?.version })}`,
    );
    if (Array.isArray(body)) return body as RequirementInfo[];
    const requirements = (body as { requirements?: unknown } | null)
      ?.requirements;
    return Array.isArray(requirements)
      ? (requirements as RequirementInfo[])
      : itemsOf<RequirementInfo>(body);
  }

  async listClusters(): Promise<ClusterSummary[]> {
    return itemsOf<ClusterSummary>(await this.getJson<unknown>('/clusters'));
  }

  async getCluster(
    entity: CompoundEntityRef,
    options?: { version?: string },
  ): Promise<ClusterDetail> {
    return this.getJson<ClusterDetail>(
      `${clusterPath(entity)}${query({ version: options?.version })}`,
    );
  }

  async startRun(
    entity: CompoundEntityRef,
    options?: StartRunOptions,
  ): Promise<CreateRunResponse> {
    const response = await this.request(`${clusterPath(entity)}/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(options ?? {}),
    });
    return (await response.json()) as CreateRunResponse;
  }

  async getRun(runId: string): Promise<RunRecord> {
    return this.getJson<RunRecord>(`/runs/${encodeURIComponent(runId)}`);
  }

  async getRunHistory(
    entity: CompoundEntityRef,
    options?: { limit?: number },
  ): Promise<RunHistoryResponse> {
    const body = await this.getJson<unknown>(
      `${clusterPath(entity)}/runs${query({ limit: options?.limit })}`,
    );
    return { items: itemsOf<RunRecord>(body) };
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

  private async getJson<T>(path: string): Promise<T> {
    const response = await this.request(path);
    return (await response.json()) as T;
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
