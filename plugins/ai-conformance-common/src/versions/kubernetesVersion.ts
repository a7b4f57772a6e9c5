import { InputError } from '@backstage/errors';

/**
 * Distribution a version string names (AKS and most others report plain versions).
 *
 * @public
 */
export type KubernetesDistribution =
  | 'gke'
  | 'eks'
  | 'k3s'
  | 'openshift'
  | 'vanilla';

/**
 * A parsed Kubernetes server version.
 *
 * @public
 */
export interface KubernetesVersion {
  /** The text as given. */
  raw: string;
  major: number;
  minor: number;
  patch: number;
  /** Pre-release of an upstream build: 'alpha.1', 'beta.0', 'rc.2'. */
  prerelease?: string;
  distribution: KubernetesDistribution;
  /** Numeric build of a distribution that has one, e.g. 1662000 in `-gke.1662000`. */
  build?: number;
  /** Remaining suffix, e.g. 'eks-a5ec690' or '+29e8ea6'. */
  suffix?: string;
}

const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.(\d+))?([-+].*)?$/;

/**
 * Parses a Kubernetes version as reported by `/version` or given by a user:
 * `v1.34.1-gke.1829001` (GKE), `v1.35.2-eks-a5ec690` (EKS), `v1.33.5` (AKS,
 * vanilla), `v1.36.0-rc.1`, `v1.30.4+k3s1`. Returns undefined when the text is
 * not a Kubernetes version.
 *
 * @public
 */
export function parseKubernetesVersion(
  text: string | undefined | null,
): KubernetesVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const raw = text.trim();
  const m = VERSION_RE.exec(raw);
  if (!m) return undefined;
  const version: KubernetesVersion = {
    raw,
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === undefined ? 0 : Number(m[3]),
    distribution: 'vanilla',
  };
  const suffix = m[4];
  if (!suffix) return version;
  const gke = /^-gke\.(\d+)$/.exec(suffix);
  const eks = /^-eks-([0-9a-z]+)$/i.exec(suffix);
  const pre = /^-((?:alpha|beta|rc)\.\d+)(\+.*)?$/.exec(suffix);
  const k3s = /^\+k3s(\d+)$/.exec(suffix);
  if (gke) {
    version.distribution = 'gke';
    version.build = Number(gke[1]);
  } else if (eks) {
    version.distribution = 'eks';
    version.suffix = `eks-${eks[1]}`;
  } else if (pre) {
    version.prerelease = pre[1];
    if (pre[2]) version.suffix = pre[2];
  } else if (k3s) {
    version.distribution = 'k3s';
    version.build = Number(k3s[1]);
  } else if (/^\+[0-9a-f]{7,}$/.test(suffix)) {
    version.distribution = 'openshift';
    version.suffix = suffix;
  } else {
    version.suffix = suffix;
  }
  return version;
}

function toVersion(v: string | KubernetesVersion): KubernetesVersion {
  if (typeof v !== 'string') return v;
  const parsed = parseKubernetesVersion(v);
  if (!parsed) {
    throw new InputError(`"${v}" is not a Kubernetes version`);
  }
  return parsed;
}

const PRERELEASE_RANK: Record<string, number> = { alpha: 0, beta: 1, rc: 2 };

function prereleaseKey(v: KubernetesVersion): [number, number] {
  if (!v.prerelease) return [3, 0];
  const [kind, n] = v.prerelease.split('.');
  return [PRERELEASE_RANK[kind] ?? 0, Number(n)];
}

function sign(n: number): -1 | 0 | 1 {
  if (n < 0) return -1;
  return n > 0 ? 1 : 0;
}

/**
 * Compares two versions numerically: major, minor, patch, then pre-release
 * (`alpha < beta < rc < release`), then the distribution build number when both
 * have one of the same distribution (`1.34.0-gke.999999 < 1.34.0-gke.1662000`).
 * Builds without a number (EKS hashes) compare equal. Throws InputError for
 * text that is not a version.
 *
 * @public
 */
export function compareKubernetesVersions(
  a: string | KubernetesVersion,
  b: string | KubernetesVersion,
): -1 | 0 | 1 {
  const x = toVersion(a);
  const y = toVersion(b);
  for (const [p, q] of [
    [x.major, y.major],
    [x.minor, y.minor],
    [x.patch, y.patch],
    [prereleaseKey(x)[0], prereleaseKey(y)[0]],
    [prereleaseKey(x)[1], prereleaseKey(y)[1]],
  ]) {
    if (p !== q) return sign(p - q);
  }
  if (
    x.distribution === y.distribution &&
    x.build !== undefined &&
    y.build !== undefined
  ) {
    return sign(x.build - y.build);
  }
  return 0;
}

/**
 * 'MAJOR.MINOR' of a version ('v1.34.1-gke.1829001' → '1.34'); undefined if not a version.
 *
 * @public
 */
export function kubernetesMinor(
  v: string | KubernetesVersion | undefined | null,
): string | undefined {
  const parsed = typeof v === 'string' || !v ? parseKubernetesVersion(v) : v;
  return parsed ? `${parsed.major}.${parsed.minor}` : undefined;
}

/**
 * Orders checklist versions (`'1.9' < '1.33'`); for sorting.
 *
 * @public
 */
export function compareChecklistVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}
