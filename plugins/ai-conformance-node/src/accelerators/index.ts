export type * from './types';
export {
  ACCELERATOR_RESOURCE,
  isAcceleratorResource,
  POOL_LABELS,
  NO_POOL,
} from './acceleratorLabels';
export {
  buildAcceleratorInventory,
  podAcceleratorRequests,
} from './buildAcceleratorInventory';
export type { AcceleratorInventoryInput } from './buildAcceleratorInventory';
export {
  readAcceleratorInventory,
  InventoryReadError,
} from './readAcceleratorInventory';
export type { ReadAcceleratorInventoryOptions } from './readAcceleratorInventory';
export { PrometheusClient, PrometheusQueryError } from './PrometheusClient';
export type {
  PrometheusAuth,
  PrometheusClientOptions,
  InstantSample,
  RangeSeries,
} from './PrometheusClient';
export { escapeLabelValue, vectorSelector } from './promql';
export {
  DCGM_METRICS,
  RANGE_SECONDS,
  isMetricsRange,
  stepForRange,
} from './dcgmMetrics';
export type { DcgmMetricDefinition } from './dcgmMetrics';
export { queryDcgmMetrics, UNKNOWN_POOL } from './queryDcgmMetrics';
export type {
  QueryDcgmMetricsOptions,
  DcgmMetricsResult,
} from './queryDcgmMetrics';
export {
  evaluateDcgmMetricsSample,
  parseExpositionText,
  PER_DEVICE_LABELS,
} from './evaluateDcgmMetricsSample';
export type {
  DcgmMetricsEvaluation,
  MetricSampleLabels,
} from './evaluateDcgmMetricsSample';
export { sampleDcgmMetrics, DCGM_SAMPLED_METRICS } from './sampleDcgmMetrics';
export {
  sampleMetricsSnapshot,
  describePrometheusSource,
  MAX_SERIES_PER_METRIC,
} from './sampleMetricsSnapshot';
export type { SampleMetricsSnapshotOptions } from './sampleMetricsSnapshot';
