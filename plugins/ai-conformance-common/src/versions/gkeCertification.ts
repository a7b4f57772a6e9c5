import {
  compareKubernetesVersions,
  parseKubernetesVersion,
} from './kubernetesVersion';

/**
 * Lowest GKE version per minor that is a certified AI-conformant platform
 * version in the CNCF repository. A minor not listed has no certified GKE
 * entry yet.
 *
 * @public
 */
export const GKE_CERTIFIED_MINIMUMS: Readonly<Record<string, string>> = {
  '1.34': '1.34.0-gke.1662000',
  '1.35': '1.35.0-gke.2232000',
  '1.36': '1.36.4-gke.1247000',
  '1.37': '1.37.0-gke.3503000',
};

/** @public */
export type GkeCertificationStatus =
  | 'certified'
  | 'below-minimum'
  | 'not-certified-yet'
  | 'not-gke'
  | 'unknown';

/** @public */
export interface GkeCertification {
  status: GkeCertificationStatus;
  /** The certified minimum of the version's minor, when one exists. */
  minimum?: string;
  /** The version's minor, e.g. '1.34'. */
  minor?: string;
}

/**
 * Where a GKE version stands against the certified minimum of its minor.
 * `unknown` when the text is not a version; `not-gke` for other distributions.
 *
 * @public
 */
export function gkeCertification(
  version: string | undefined | null,
): GkeCertification {
  const parsed = parseKubernetesVersion(version);
  if (!parsed) return { status: 'unknown' };
  const minor = `${parsed.major}.${parsed.minor}`;
  if (parsed.distribution !== 'gke') return { status: 'not-gke', minor };
  const minimum = GKE_CERTIFIED_MINIMUMS[minor];
  if (!minimum) return { status: 'not-certified-yet', minor };
  const status =
    compareKubernetesVersions(parsed, minimum) >= 0
      ? 'certified'
      : 'below-minimum';
  return { status, minimum, minor };
}
