import {
  GKE_CERTIFIED_MINIMUMS,
  gkeCertifiedMinors,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Why a typed GKE version is not acceptable, or undefined when it is: the
 * rule the scaffolder actions apply too, from the common package.
 *
 * @public
 */
export { gkeVersionProblem } from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Versions the picker offers: the certified minimum of the chosen minor,
 * or of every certified minor when none is chosen.
 *
 * @public
 */
export function certifiedVersionOptions(minor?: string): string[] {
  if (minor) {
    const minimum = GKE_CERTIFIED_MINIMUMS[minor];
    return minimum ? [minimum] : [];
  }
  return gkeCertifiedMinors().map(m => GKE_CERTIFIED_MINIMUMS[m]);
}
