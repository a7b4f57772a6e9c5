/**
 * Catalog module that labels Kubernetes cluster entities with their
 * latest AI Conformance verdict.
 * @packageDocumentation
 */
export { catalogModuleAiConformance as default } from './module';
export {
  AiConformanceLabelProcessor,
  REQUIREMENTS_VERSION_LABEL,
  VERDICT_LABEL,
} from './AiConformanceLabelProcessor';
export { LatestVerdictCache, type VerdictLabels } from './LatestVerdictCache';
