// The shapes are shared with the backend and the frontend (common package).
export type {
  AcceleratorResourceCount,
  AcceleratorNode,
  AcceleratorPool,
  DraDeviceGroup,
  AcceleratorInventory,
  DcgmMetricKey,
  MetricPoint,
  GpuMetricSeries,
  PoolAggregate,
  PoolMetricSeries,
  MetricsRange,
  AcceleratorMetricSeries,
  AcceleratorSourceError,
} from '@ai-conformance/plugin-ai-conformance-common';
