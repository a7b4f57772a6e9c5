/**
 * A Kubernetes API server double with AI-platform scenarios.
 *
 * @packageDocumentation
 */
export { startKubeSim } from './server/startKubeSim';
export { listScenarios, loadScenario } from './scenario/loadScenario';
export { kubeconfigYaml } from './server/writeKubeconfigs';
export { DEMO_CLUSTERS } from './cli/demoClusters';
export { startContainerApiSim } from './gcp/startContainerApiSim';
export type {
  ContainerApiSim,
  ContainerApiSimOptions,
  ContainerApiRequest,
} from './gcp/startContainerApiSim';
export type { ContainerApiFault } from './gcp/ContainerApiFaults';
export type {
  OperationDelays,
  OperationFailure,
} from './gcp/ContainerApiService';
export type { GkeServerConfig } from './gcp/gkeFacts';
export type { ServiceAccountKey } from './gcp/ServiceAccountIssuer';
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
  SimClusterOptions,
  RbacRule,
  AdmissionRule,
  AdmissionCheck,
  NodePoolSpec,
  PodGeneratorSpec,
  CrdSpec,
  WorkloadSpec,
  AggregatedApiSpec,
  WorkloadRuntimeSpec,
} from './types';
