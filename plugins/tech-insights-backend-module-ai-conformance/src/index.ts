/**
 * Tech Insights facts for Kubernetes AI Conformance.
 * @packageDocumentation
 */
export { techInsightsModuleAiConformance as default } from './module';
export { createAiConformanceFactRetriever } from './createAiConformanceFactRetriever';
export { buildClusterFacts } from './buildClusterFacts';
export type { ClusterFacts } from './buildClusterFacts';
export {
  AI_CONFORMANCE_FACT_RETRIEVER_ID,
  aiConformanceFactSchema,
} from './factSchema';
