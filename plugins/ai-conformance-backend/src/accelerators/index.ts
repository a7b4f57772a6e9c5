export {
  createAcceleratorMetricsService,
  connectThroughResolver,
} from './createAcceleratorMetricsService';
export type { AcceleratorMetricsServiceDeps } from './createAcceleratorMetricsService';
export {
  AcceleratorMetricsService,
  describeMetricsSource,
} from './AcceleratorMetricsService';
export type {
  AcceleratorMetricsServiceOptions,
  AcceleratorRequestContext,
} from './AcceleratorMetricsService';
export { readMetricsConfig, findMetricsSource } from './readMetricsConfig';
export type {
  AcceleratorMetricsConfig,
  ClusterMetricsSource,
  MetricsAuthConfig,
} from './readMetricsConfig';
export type {
  AcceleratorsResponse,
  AcceleratorMetricsSourceInfo,
} from './types';
export {
  startLocalPrometheus,
  findPrometheusBinary,
} from './startLocalPrometheus';
export type {
  LocalPrometheus,
  LocalPrometheusOptions,
  LocalScrapeTarget,
} from './startLocalPrometheus';
