import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/** Counts of one accelerator resource (e.g. `nvidia.com/gpu`). */
export interface AcceleratorResourceCount {
  resource: string;
  capacity: number;
  allocatable: number;
  /** Requests of Running pods; absent when pods could not be read. */
  allocated?: number;
}

/** One accelerator node. */
export interface AcceleratorNode {
  name: string;
  ready: boolean;
  model?: string;
  driverVersion?: string;
  zone?: string;
  instanceType?: string;
  resources: AcceleratorResourceCount[];
  draDevices: number;
}

/** Accelerator nodes of one node pool and accelerator type. */
export interface AcceleratorPool {
  pool: string;
  poolLabel?: string;
  acceleratorType?: string;
  models: string[];
  driverVersions: string[];
  labels: Record<string, string>;
  resources: AcceleratorResourceCount[];
  draDevices: number;
  nodes: AcceleratorNode[];
}

/** Devices of one DRA driver from ResourceSlices. */
export interface DraDeviceGroup {
  driver: string;
  node?: string;
  pool?: string;
  devices: number;
  models: string[];
  driverVersions: string[];
}

/** Accelerators of one cluster. */
export interface AcceleratorInventory {
  totalNodes: number;
  acceleratorNodes: number;
  totals: AcceleratorResourceCount[];
  pools: AcceleratorPool[];
  draDevices: DraDeviceGroup[];
  warnings: string[];
}

/** The DCGM measurements. */
export type DcgmMetricKey =
  | 'utilization'
  | 'memoryUsed'
  | 'memoryFree'
  | 'power'
  | 'temperature';

/** [Unix seconds, value]. */
export type MetricPoint = [number, number];

/** One GPU's series. */
export interface GpuMetricSeries {
  metric: DcgmMetricKey;
  unit: string;
  node: string;
  pool: string;
  gpu: string;
  uuid?: string;
  modelName?: string;
  latest?: MetricPoint;
  points: MetricPoint[];
}

/** One pool's series, combined over its GPUs. */
export interface PoolMetricSeries {
  metric: DcgmMetricKey;
  unit: string;
  pool: string;
  aggregate: 'avg' | 'sum' | 'max';
  gpus: number;
  latest?: MetricPoint;
  points: MetricPoint[];
}

/** Chart ranges. */
export type MetricsRange = '1h' | '6h' | '24h';

/** Series of a range. */
export interface AcceleratorMetricSeries {
  range: MetricsRange;
  stepSeconds: number;
  start: number;
  end: number;
  gpus: GpuMetricSeries[];
  pools: PoolMetricSeries[];
}

/** A source that could not be read. */
export interface AcceleratorSourceError {
  source: 'prometheus' | 'kubernetes' | 'config';
  message: string;
}

/** `GET /clusters/:namespace/:name/accelerators`. */
export interface AcceleratorsResponse {
  entityRef: string;
  inventory: AcceleratorInventory | null;
  series: AcceleratorMetricSeries | null;
  source:
    | { type: 'none' }
    | { type: 'prometheus'; auth: 'none' | 'bearer' | 'basic' | 'google' };
  errors: AcceleratorSourceError[];
  generatedAt: string;
}

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
    return (await response.json()) as AcceleratorsResponse;
  }
}
