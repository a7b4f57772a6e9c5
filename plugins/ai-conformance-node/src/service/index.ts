export type {
  AiConformanceService,
  ClusterLatestResult,
  RequestRunOptions,
  RequestRunResult,
  RunFinishedListener,
} from './AiConformanceService';
export {
  AiConformanceServiceBroker,
  type AiConformanceServiceBrokerOptions,
} from './AiConformanceServiceBroker';
export { aiConformanceServiceRef } from './aiConformanceServiceRef';
