import {
  GKE_CERTIFIED_MINIMUMS,
  gkeCertification,
  gkeCertifiedMinors,
} from './gkeCertification';

/**
 * Why a GKE version is not acceptable for a new AI-conformant cluster, or
 * undefined when it is: a GKE version of the chosen minor (when one is
 * given) at or above that minor's certified minimum. The one rule the
 * scaffolder's version field and its actions share. `subject` is how
 * messages name the version (default: the version text itself).
 *
 * @public
 */
export function gkeVersionProblem(
  value: string | undefined,
  minor?: string,
  options: { subject?: string } = {},
): string | undefined {
  const text = value?.trim() ?? '';
  const example =
    (minor && GKE_CERTIFIED_MINIMUMS[minor]) ||
    GKE_CERTIFIED_MINIMUMS[gkeCertifiedMinors()[0]];
  if (!text) return `Enter a GKE version, e.g. ${example}`;
  const subject = options.subject ?? text;
  const certification = gkeCertification(text);
  if (
    certification.status === 'unknown' ||
    certification.status === 'not-gke'
  ) {
    return `"${text}" is not a GKE version (expected MAJOR.MINOR.PATCH-gke.N, e.g. ${example})`;
  }
  if (minor && certification.minor !== minor) {
    const minimum = GKE_CERTIFIED_MINIMUMS[minor];
    return minimum
      ? `${subject} is not a ${minor} version; the lowest certified ${minor} version is ${minimum}`
      : `GKE ${minor} has no AI-conformance-certified version yet`;
  }
  if (certification.status === 'not-certified-yet') {
    return `GKE ${
      certification.minor
    } has no AI-conformance-certified version yet; choose ${gkeCertifiedMinors().join(
      ' or ',
    )}`;
  }
  if (certification.status === 'below-minimum') {
    return `${subject} is below ${certification.minimum}, the lowest AI-conformance-certified GKE version of ${certification.minor}`;
  }
  return undefined;
}
