import type { Check } from './types';
import { draSupportCheck } from './dra_support';
import { driverRuntimeManagementCheck } from './driver_runtime_management';
import { gpuSharingCheck } from './gpu_sharing';
import { virtualizedAcceleratorCheck } from './virtualized_accelerator';
import { aiInferenceCheck } from './ai_inference';
import { advancedInferenceIngressCheck } from './advanced_inference_ingress';
import { highPerformanceNetworkingCheck } from './high_performance_networking';
import { disaggregatedInferenceCheck } from './disaggregated_inference';
import { gangSchedulingCheck } from './gang_scheduling';
import { clusterAutoscalingCheck } from './cluster_autoscaling';
import { podAutoscalingCheck } from './pod_autoscaling';
import { acceleratorMetricsCheck } from './accelerator_metrics';
import { aiServiceMetricsCheck } from './ai_service_metrics';
import { secureAcceleratorAccessCheck } from './secure_accelerator_access';
import { workloadSandboxingCheck } from './workload_sandboxing';
import { robustControllerCheck } from './robust_controller';

export type { Check, CheckContext, CheckOutcome, ProbeSpec } from './types';
export { READS } from './lib/reads';
export { remediationFor } from './lib/remediation';

/**
 * Every check, one per requirement id (one file each), in checklist order.
 *
 * @public
 */
export const allChecks: Check[] = [
  draSupportCheck,
  driverRuntimeManagementCheck,
  gpuSharingCheck,
  virtualizedAcceleratorCheck,
  aiInferenceCheck,
  advancedInferenceIngressCheck,
  highPerformanceNetworkingCheck,
  disaggregatedInferenceCheck,
  gangSchedulingCheck,
  clusterAutoscalingCheck,
  podAutoscalingCheck,
  acceleratorMetricsCheck,
  aiServiceMetricsCheck,
  secureAcceleratorAccessCheck,
  workloadSandboxingCheck,
  robustControllerCheck,
];
