import {
  GKE_CERTIFIED_MINIMUMS,
  compareKubernetesVersions,
  gkeCertification,
} from '@ai-conformance/plugin-ai-conformance-common';

/** Minors with a certified GKE version, e.g. ['1.34', '1.35']. */
export function certifiedMinors(): string[] {
  return Object.keys(GKE_CERTIFIED_MINIMUMS).sort(compareKubernetesVersions);
}

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
  return certifiedMinors().map(m => GKE_CERTIFIED_MINIMUMS[m]);
}

/**
 * Why a typed GKE version is not acceptable, or undefined when it is: a
 * GKE version of the chosen minor at or above that minor's certified
 * minimum.
 *
 * @public
 */
export function gkeVersionProblem(
  value: string | undefined,
  minor?: string,
): string | undefined {
  const text = value?.trim() ?? '';
  if (!text) return 'Enter a GKE version, e.g. 1.34.0-gke.1662000';
  const certification = gkeCertification(text);
  if (
    certification.status === 'unknown' ||
    certification.status === 'not-gke'
  ) {
    return `"${text}" is not a GKE version (expected MAJOR.MINOR.PATCH-gke.N, e.g. ${
      certifiedVersionOptions(minor)[0] ?? '1.34.0-gke.1662000'
    })`;
  }
  if (minor && certification.minor !== minor) {
    const minimum = GKE_CERTIFIED_MINIMUMS[minor];
    return minimum
      ? `${text} is not a ${minor} version; the lowest certified ${minor} version is ${minimum}`
      : `GKE ${minor} has no AI-conformance-certified version yet`;
  }
  if (certification.status === 'not-certified-yet') {
    return `GKE ${
      certification.minor
    } has no AI-conformance-certified version yet; choose ${certifiedMinors().join(
      ' or ',
    )}`;
  }
  if (certification.status === 'below-minimum') {
    return `${text} is below ${certification.minimum}, the lowest AI-conformance-certified GKE version of ${certification.minor}`;
  }
  return undefined;
}
