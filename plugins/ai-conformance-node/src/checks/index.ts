import type { Check } from './types';
import { draSupportCheck } from './dra_support';
import { aiInferenceCheck } from './ai_inference';
import { advancedInferenceIngressCheck } from './advanced_inference_ingress';
import { gangSchedulingCheck } from './gang_scheduling';

export type { Check, CheckContext, CheckOutcome, ProbeSpec } from './types';
export { READS } from './lib/reads';

/** Every check, one per requirement id (one file each). */
export const allChecks: Check[] = [
  draSupportCheck,
  aiInferenceCheck,
  advancedInferenceIngressCheck,
  gangSchedulingCheck,
];
