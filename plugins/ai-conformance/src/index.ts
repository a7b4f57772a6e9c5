/**
 * Frontend of the Kubernetes AI Conformance plugins: a cluster tab, an
 * overview card and a fleet page.
 * @packageDocumentation
 */
export {
  aiConformancePlugin,
  AiConformancePage,
  EntityAiConformanceCard,
  EntityAiConformanceContent,
  EntityAcceleratorMetricsCard,
} from './plugin';
export type { EntityAiConformanceContentProps } from './components/EntityAiConformanceContent';
export { isAiConformanceAvailable } from './filters';
export { aiConformanceApiRef, AiConformanceClient } from './api';
export type { AiConformanceApi, RequirementInfo, StartRunOptions } from './api';
export { rootRouteRef as aiConformanceRouteRef } from './routes';
export {
  acceleratorMetricsApiRef,
  AcceleratorMetricsClient,
} from './api/AcceleratorMetricsClient';
export type { AcceleratorMetricsApi } from './api/AcceleratorMetricsClient';
export { AcceleratorMetricsSection } from './components/AcceleratorMetrics';
