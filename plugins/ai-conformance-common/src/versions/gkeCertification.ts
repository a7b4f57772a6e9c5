import {
  type CertifiedVersions,
  gkeMinimumsFromData,
} from './certifiedVersions';
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
  /**
   * Where the minimum comes from: the submission file it was read from
   * (`v1.36/gke/PRODUCT.yaml`) or `built-in` (GKE_CERTIFIED_MINIMUMS).
   */
  source?: string;
}

/**
 * Where a GKE version stands against the certified minimum of its minor.
 * `unknown` when the text is not a version; `not-gke` for other distributions.
 * With `data` (certified versions read from the CNCF repository), a minor the
 * data lists is measured against the data's lowest certified version; other
 * minors against the built-in table.
 *
 * @public
 */
export function gkeCertification(
  version: string | undefined | null,
  data?: CertifiedVersions,
): GkeCertification {
  const parsed = parseKubernetesVersion(version);
  if (!parsed) return { status: 'unknown' };
  const minor = `${parsed.major}.${parsed.minor}`;
  if (parsed.distribution !== 'gke') return { status: 'not-gke', minor };
  const fromData = gkeMinimumsFromData(data)[minor];
  const minimum = fromData?.minimum ?? GKE_CERTIFIED_MINIMUMS[minor];
  if (!minimum) return { status: 'not-certified-yet', minor };
  const status =
    compareKubernetesVersions(parsed, minimum) >= 0
      ? 'certified'
      : 'below-minimum';
  return { status, minimum, minor, source: fromData?.source ?? 'built-in' };
}

/**
 * Minors with a certified GKE version, built-in or in `data`, in order.
 *
 * @public
 */
export function gkeCertifiedMinors(data?: CertifiedVersions): string[] {
  const minors = new Set([
    ...Object.keys(GKE_CERTIFIED_MINIMUMS),
    ...Object.keys(gkeMinimumsFromData(data)),
  ]);
  return [...minors].sort((a, b) => {
    const [am, an] = a.split('.').map(Number);
    const [bm, bn] = b.split('.').map(Number);
    return am - bm || an - bn;
  });
}
