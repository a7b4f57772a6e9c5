/**
 * A Kubernetes API server double with AI-platform scenarios.
 *
 * @packageDocumentation
 */
export { startKubeSim } from './server/startKubeSim';
export { listScenarios, loadScenario } from './scenario/loadScenario';
export { kubeconfigYaml } from './server/writeKubeconfigs';
export { DEMO_CLUSTERS } from './cli/demoClusters';
export type {
  FaultSpec,
  AggregatedDiscoveryFault,
  MalformedBodyFault,
  KubeSim,
  KubeSimOptions,
  KubeObject,
  RequestLogEntry,
  Scenario,
  SimCluster,
  RbacRule,
  AdmissionRule,
  AdmissionCheck,
  NodePoolSpec,
  PodGeneratorSpec,
  CrdSpec,
  WorkloadSpec,
  AggregatedApiSpec,
} from './types';
