export * from './types';
export { DEFAULT_ACTIVE_IMAGES, ACTIVE_IMAGE_NAMES } from './activeImages';
export type { ActiveImages } from './activeImages';
export { ActiveInconclusive, KubeOps } from './KubeOps';
export type { ActiveObject, ApiAnswer } from './KubeOps';
export {
  ACTIVE_CHECKS,
  RUNNER_PERMISSIONS,
  activeRequirementIds,
} from './activeChecks';
export { secureAcceleratorAccessActive } from './secureAcceleratorAccess';
export { gangSchedulingActive } from './gangScheduling';
export { clusterAutoscalingActive } from './clusterAutoscaling';
export { podAutoscalingActive } from './podAutoscaling';
export { robustControllerActive } from './robustController';
export { workloadSandboxingActive } from './workloadSandboxing';
export { runActiveChecks } from './runActiveChecks';
export type {
  RunActiveChecksOptions,
  ActiveRunResult,
} from './runActiveChecks';
export { cleanupActiveRuns } from './cleanupActiveRuns';
export type {
  CleanupActiveRunsOptions,
  CleanupActiveRunsResult,
} from './cleanupActiveRuns';
export { mergeActiveResults } from './mergeActiveResults';
export {
  activeRbacRules,
  activeClusterRoleYaml,
  activeChecksTableMarkdown,
} from './activeRbac';
export {
  ACTIVE_RUN_SELECTOR,
  EXPIRES_ANNOTATION,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  RUN_ID_LABEL,
  runLabels,
  runNamespace,
} from './runLabels';
