export { aiConformanceExtensionPoint } from './aiConformanceExtensionPoint';
export type {
  AiConformanceExtensionPoint,
  AiConformanceMetricsSource,
} from './aiConformanceExtensionPoint';
