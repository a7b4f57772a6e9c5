import type { RequirementLevel, RequirementStatus } from '../types';

/**
 * Statuses a vendor files in a CNCF AI Conformance submission.
 *
 * @public
 */
export type CncfStatus =
  | 'Implemented'
  | 'Not Implemented'
  | 'Partially Implemented'
  | 'N/A';

/** @public */
export const CNCF_STATUSES: readonly CncfStatus[] = [
  'Implemented',
  'Not Implemented',
  'Partially Implemented',
  'N/A',
];

/**
 * The CNCF status matching an engine status. `unknown` has none (the engine
 * could not look), so it maps to undefined and the field stays to be filled.
 *
 * @public
 */
export function toCncfStatus(
  status: RequirementStatus,
): CncfStatus | undefined {
  switch (status) {
    case 'pass':
      return 'Implemented';
    case 'fail':
      return 'Not Implemented';
    case 'partial':
      return 'Partially Implemented';
    case 'not-applicable':
      return 'N/A';
    default:
      return undefined;
  }
}

/**
 * The engine status matching a CNCF status (e.g. of an uploaded PRODUCT.yaml).
 *
 * @public
 */
export function fromCncfStatus(status: string): RequirementStatus {
  switch (status.trim()) {
    case 'Implemented':
      return 'pass';
    case 'Not Implemented':
      return 'fail';
    case 'Partially Implemented':
      return 'partial';
    case 'N/A':
      return 'not-applicable';
    default:
      return 'unknown';
  }
}

/**
 * Caveat shown with a conditional requirement reported as not applicable.
 * The program FAQ allows N/A with a reason, but the CNCF validator rejects
 * N/A on a MUST; vendors file `Implemented` with a note instead.
 *
 * @public
 */
export function notApplicableCaveat(level: RequirementLevel): string {
  if (level === 'MUST') {
    return 'The condition does not hold, so the requirement does not apply. The program FAQ allows N/A with a justification, but the CNCF submission validator rejects N/A on a MUST (cncf/k8s-ai-conformance#145): vendors file "Implemented" with a note explaining the condition.';
  }
  return 'The condition does not hold, so the requirement does not apply; file N/A with a justification in notes.';
}
