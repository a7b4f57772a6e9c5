import { certifiedVersionOptions, gkeVersionProblem } from './gkeVersionRules';

describe('certifiedVersionOptions', () => {
  it('offers the certified minimum of the chosen minor, or of every minor', () => {
    expect(certifiedVersionOptions('1.34')).toEqual(['1.34.0-gke.1662000']);
    expect(certifiedVersionOptions('1.35')).toEqual(['1.35.0-gke.2232000']);
    expect(certifiedVersionOptions()).toEqual([
      '1.34.0-gke.1662000',
      '1.35.0-gke.2232000',
      '1.36.4-gke.1247000',
      '1.37.0-gke.3503000',
    ]);
    expect(certifiedVersionOptions('1.37')).toEqual(['1.37.0-gke.3503000']);
    expect(certifiedVersionOptions('1.38')).toEqual([]);
  });
});

describe('gkeVersionProblem', () => {
  it('accepts the minimum and later versions of the minor', () => {
    expect(gkeVersionProblem('1.34.0-gke.1662000', '1.34')).toBeUndefined();
    expect(gkeVersionProblem('1.34.1-gke.1829001', '1.34')).toBeUndefined();
    expect(gkeVersionProblem('v1.35.2-gke.1842000')).toBeUndefined();
  });

  it('names the minimum for a lower version, comparing builds as numbers', () => {
    expect(gkeVersionProblem('1.34.0-gke.1500000', '1.34')).toBe(
      '1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
    );
    expect(gkeVersionProblem('1.34.0-gke.999999', '1.34')).toMatch(/is below/);
  });

  it('rejects other minors, uncertified minors and text that is not a GKE version', () => {
    expect(gkeVersionProblem('1.35.0-gke.2232000', '1.34')).toBe(
      '1.35.0-gke.2232000 is not a 1.34 version; the lowest certified 1.34 version is 1.34.0-gke.1662000',
    );
    expect(gkeVersionProblem('1.38.1-gke.1000')).toBe(
      'GKE 1.38 has no AI-conformance-certified version yet; choose 1.34 or 1.35 or 1.36 or 1.37',
    );
    expect(gkeVersionProblem('1.34', '1.34')).toBe(
      '"1.34" is not a GKE version (expected MAJOR.MINOR.PATCH-gke.N, e.g. 1.34.0-gke.1662000)',
    );
    expect(gkeVersionProblem('', '1.34')).toBe(
      'Enter a GKE version, e.g. 1.34.0-gke.1662000',
    );
  });
});
