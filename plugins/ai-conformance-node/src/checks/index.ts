import type { Check } from './types';
import { draSupportCheck } from './draSupportCheck';
import { driverRuntimeManagementCheck } from './driverRuntimeManagementCheck';
import { gpuSharingCheck } from './gpuSharingCheck';
import { virtualizedAcceleratorCheck } from './virtualizedAcceleratorCheck';
import { aiInferenceCheck } from './aiInferenceCheck';
import { advancedInferenceIngressCheck } from './advancedInferenceIngressCheck';
import { highPerformanceNetworkingCheck } from './highPerformanceNetworkingCheck';
import { disaggregatedInferenceCheck } from './disaggregatedInferenceCheck';
import { gangSchedulingCheck } from './gangSchedulingCheck';
import { clusterAutoscalingCheck } from './clusterAutoscalingCheck';
import { podAutoscalingCheck } from './podAutoscalingCheck';
import { acceleratorMetricsCheck } from './acceleratorMetricsCheck';
import { aiServiceMetricsCheck } from './aiServiceMetricsCheck';
import { secureAcceleratorAccessCheck } from './secureAcceleratorAccessCheck';
import { workloadSandboxingCheck } from './workloadSandboxingCheck';
import { robustControllerCheck } from './robustControllerCheck';

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
