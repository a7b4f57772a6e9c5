export type {
  AcceleratorMetricsSourceInfo,
  AcceleratorsResponse,
} from '@ai-conformance/plugin-ai-conformance-common';
