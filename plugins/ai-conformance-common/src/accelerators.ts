/**
 * Accelerator inventory and metrics: the answer of
 * `GET /clusters/:namespace/:name/accelerators`, shared by the engine, the
 * backend and the frontend.
 */

/**
 * Counts of one accelerator resource (e.g. `nvidia.com/gpu`) on a node or pool.
 *
 * @public
 */
export interface AcceleratorResourceCount {
  resource: string;
  capacity: number;
  allocatable: number;
  /** Sum of the requests of Running pods; undefined when pods could not be read. */
  allocated?: number;
}

/**
 * One node that carries accelerators (extended resources or DRA devices).
 *
 * @public
 */
export interface AcceleratorNode {
  name: string;
  ready: boolean;
  /** Accelerator model, e.g. `nvidia-l4` or `NVIDIA L4`. */
  model?: string;
  driverVersion?: string;
  zone?: string;
  instanceType?: string;
  resources: AcceleratorResourceCount[];
  /** Devices published for this node in DRA ResourceSlices. */
  draDevices: number;
}

/**
 * Accelerator nodes of one node pool and accelerator type.
 *
 * @public
 */
export interface AcceleratorPool {
  /** Pool name from the provider's node-pool label, or `(no pool label)`. */
  pool: string;
  /** The label the pool name came from. */
  poolLabel?: string;
  /** Accelerator type label value (e.g. GKE `cloud.google.com/gke-accelerator`). */
  acceleratorType?: string;
  models: string[];
  driverVersions: string[];
  /** Selected provider labels shared by every node of the pool (GKE pool/accelerator labels). */
  labels: Record<string, string>;
  resources: AcceleratorResourceCount[];
  draDevices: number;
  nodes: AcceleratorNode[];
}

/**
 * Devices of one DRA driver (and node, when the slice is node-local) from ResourceSlices.
 *
 * @public
 */
export interface DraDeviceGroup {
  driver: string;
  node?: string;
  pool?: string;
  devices: number;
  models: string[];
  driverVersions: string[];
}

/**
 * Accelerators of one cluster, per node pool and accelerator type.
 *
 * @public
 */
export interface AcceleratorInventory {
  /** All nodes in the cluster. */
  totalNodes: number;
  /** Nodes with at least one accelerator. */
  acceleratorNodes: number;
  /** Totals per resource over every pool. */
  totals: AcceleratorResourceCount[];
  pools: AcceleratorPool[];
  draDevices: DraDeviceGroup[];
  /** What could not be read (e.g. pods forbidden → allocated unknown). */
  warnings: string[];
}

/**
 * The DCGM measurements shown per GPU and per pool.
 *
 * @public
 */
export type DcgmMetricKey =
  | 'utilization'
  | 'memoryUsed'
  | 'memoryFree'
  | 'power'
  | 'temperature';

/**
 * A point in time (Unix seconds) and a value.
 *
 * @public
 */
export type MetricPoint = [number, number];

/**
 * One GPU's series of one measurement.
 *
 * @public
 */
export interface GpuMetricSeries {
  metric: DcgmMetricKey;
  unit: string;
  node: string;
  /** Node pool of the node; `(unknown)` when the node is not in the inventory. */
  pool: string;
  gpu: string;
  uuid?: string;
  modelName?: string;
  /** Value of the instant query. */
  latest?: MetricPoint;
  /** Values of the range query. */
  points: MetricPoint[];
}

/**
 * How GPU values combine into a pool value.
 *
 * @public
 */
export type PoolAggregate = 'avg' | 'sum' | 'max';

/**
 * One pool's series of one measurement, combined over its GPUs.
 *
 * @public
 */
export interface PoolMetricSeries {
  metric: DcgmMetricKey;
  unit: string;
  pool: string;
  aggregate: PoolAggregate;
  /** GPUs that reported the measurement. */
  gpus: number;
  latest?: MetricPoint;
  points: MetricPoint[];
}

/**
 * Supported ranges of the charts.
 *
 * @public
 */
export type MetricsRange = '1h' | '6h' | '24h';

/**
 * Utilization, memory, power and temperature of a cluster's GPUs.
 *
 * @public
 */
export interface AcceleratorMetricSeries {
  range: MetricsRange;
  stepSeconds: number;
  /** Unix seconds. */
  start: number;
  end: number;
  gpus: GpuMetricSeries[];
  pools: PoolMetricSeries[];
}

/**
 * A problem reading one source; the rest of the answer stays valid.
 *
 * @public
 */
export interface AcceleratorSourceError {
  source: 'prometheus' | 'kubernetes' | 'config';
  message: string;
}

/**
 * Where utilization series come from (never the URL or credentials).
 *
 * @public
 */
export type AcceleratorMetricsSourceInfo =
  | { type: 'none' }
  | { type: 'prometheus'; auth: 'none' | 'bearer' | 'basic' | 'google' };

/**
 * `GET /clusters/:namespace/:name/accelerators?range=1h`.
 *
 * @public
 */
export interface AcceleratorsResponse {
  entityRef: string;
  /** Null when the cluster could not be read (see errors). */
  inventory: AcceleratorInventory | null;
  /** Null when no metrics source is configured or every query failed. */
  series: AcceleratorMetricSeries | null;
  source: AcceleratorMetricsSourceInfo;
  errors: AcceleratorSourceError[];
  /** ISO time the answer was produced (answers are cached briefly). */
  generatedAt: string;
}
