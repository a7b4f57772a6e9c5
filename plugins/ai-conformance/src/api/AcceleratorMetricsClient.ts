import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

import type {
  AcceleratorsResponse,
  AiConformanceHttpJson,
  MetricsRange,
} from '@ai-conformance/plugin-ai-conformance-common';

export type {
  AcceleratorResourceCount,
  AcceleratorNode,
  AcceleratorPool,
  DraDeviceGroup,
  AcceleratorInventory,
  DcgmMetricKey,
  MetricPoint,
  GpuMetricSeries,
  PoolMetricSeries,
  MetricsRange,
  AcceleratorMetricSeries,
  AcceleratorSourceError,
  AcceleratorsResponse,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Accelerator inventory and metrics of cluster entities.
 * @public
 */
export interface AcceleratorMetricsApi {
  getAccelerators(
    entity: CompoundEntityRef,
    range: MetricsRange,
  ): Promise<AcceleratorsResponse>;
}

/** @public */
export const acceleratorMetricsApiRef = createApiRef<AcceleratorMetricsApi>({
  id: 'plugin.ai-conformance.accelerator-metrics',
});

/**
 * {@link AcceleratorMetricsApi} over the Backstage fetch and discovery APIs.
 * @public
 */
export class AcceleratorMetricsClient implements AcceleratorMetricsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getAccelerators(
    entity: CompoundEntityRef,
    range: MetricsRange,
  ): Promise<AcceleratorsResponse> {
    const base = await this.discoveryApi.getBaseUrl('ai-conformance');
    const url = `${base}/clusters/${encodeURIComponent(
      entity.namespace || 'default',
    )}/${encodeURIComponent(
      entity.name,
    )}/accelerators?range=${encodeURIComponent(range)}`;
    const response = await this.fetchApi.fetch(url);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const body: AiConformanceHttpJson<'GetClusterAccelerators'> =
      await response.json();
    return body;
  }
}
