import type { Check } from './types';

export type { Check, CheckContext, CheckOutcome, ProbeSpec } from './types';

/** Every check, one per requirement id (one file each). */
export const allChecks: Check[] = [];
