export { aiConformanceApiRef } from './AiConformanceApi';
export type {
  AiConformanceApi,
  RequirementInfo,
  StartRunOptions,
} from './AiConformanceApi';
export { AiConformanceClient } from './AiConformanceClient';
