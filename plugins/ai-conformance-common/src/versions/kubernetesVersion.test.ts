import {
  compareKubernetesVersions,
  kubernetesMinor,
  parseKubernetesVersion,
} from './kubernetesVersion';

describe('parseKubernetesVersion', () => {
  it('parses GKE versions with their build number', () => {
    expect(parseKubernetesVersion('v1.34.1-gke.1829001')).toMatchObject({
      major: 1,
      minor: 34,
      patch: 1,
      distribution: 'gke',
      build: 1829001,
    });
  });

  it('parses EKS, pre-release, k3s, OpenShift and vanilla versions', () => {
    expect(parseKubernetesVersion('v1.35.2-eks-a5ec690')).toMatchObject({
      minor: 35,
      distribution: 'eks',
      suffix: 'eks-a5ec690',
    });
    expect(parseKubernetesVersion('v1.36.0-rc.1')).toMatchObject({
      distribution: 'vanilla',
      prerelease: 'rc.1',
    });
    expect(parseKubernetesVersion('v1.30.4+k3s1')).toMatchObject({
      distribution: 'k3s',
      build: 1,
    });
    expect(parseKubernetesVersion('v1.29.5+29e8ea6')).toMatchObject({
      distribution: 'openshift',
    });
    expect(parseKubernetesVersion('1.33.5')).toMatchObject({
      major: 1,
      minor: 33,
      patch: 5,
      distribution: 'vanilla',
    });
    expect(parseKubernetesVersion('1.35')).toMatchObject({
      minor: 35,
      patch: 0,
    });
  });

  it('rejects text that is not a version', () => {
    expect(parseKubernetesVersion('latest')).toBeUndefined();
    expect(parseKubernetesVersion('')).toBeUndefined();
    expect(parseKubernetesVersion(undefined)).toBeUndefined();
  });
});

describe('compareKubernetesVersions', () => {
  it('compares GKE builds as integers, not strings', () => {
    expect(
      compareKubernetesVersions('1.34.0-gke.999999', '1.34.0-gke.1662000'),
    ).toBe(-1);
    expect(
      compareKubernetesVersions('v1.34.1-gke.1829001', '1.34.0-gke.1662000'),
    ).toBe(1);
    expect(
      compareKubernetesVersions('1.35.0-gke.2232000', 'v1.35.0-gke.2232000'),
    ).toBe(0);
  });

  it('compares minor and patch numerically', () => {
    expect(compareKubernetesVersions('v1.9.0', 'v1.10.0')).toBe(-1);
    expect(compareKubernetesVersions('v1.34.10', 'v1.34.9')).toBe(1);
    expect(compareKubernetesVersions('v2.0.0', 'v1.99.99')).toBe(1);
  });

  it('orders pre-releases before the release', () => {
    const sorted = [
      'v1.36.0',
      'v1.36.0-rc.1',
      'v1.36.0-alpha.2',
      'v1.36.0-beta.0',
      'v1.35.9',
      'v1.36.0-alpha.10',
    ].sort(compareKubernetesVersions);
    expect(sorted).toEqual([
      'v1.35.9',
      'v1.36.0-alpha.2',
      'v1.36.0-alpha.10',
      'v1.36.0-beta.0',
      'v1.36.0-rc.1',
      'v1.36.0',
    ]);
  });

  it('treats builds without numbers as equal at the same patch', () => {
    expect(
      compareKubernetesVersions('v1.35.2-eks-a5ec690', 'v1.35.2-eks-0000001'),
    ).toBe(0);
    expect(compareKubernetesVersions('v1.35.2-eks-a5ec690', 'v1.35.3')).toBe(
      -1,
    );
  });

  it('throws InputError for text that is not a version', () => {
    expect(() => compareKubernetesVersions('x', 'v1.34.0')).toThrow(
      /"x" is not a Kubernetes version/,
    );
  });
});

describe('kubernetesMinor', () => {
  it('returns MAJOR.MINOR', () => {
    expect(kubernetesMinor('v1.34.1-gke.1829001')).toBe('1.34');
    expect(kubernetesMinor('v1.36.0-rc.1')).toBe('1.36');
    expect(kubernetesMinor('nope')).toBeUndefined();
  });
});
