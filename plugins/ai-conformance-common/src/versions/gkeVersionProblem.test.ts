import { gkeVersionProblem } from './gkeVersionProblem';

describe('gkeVersionProblem', () => {
  it('accepts certified versions of the chosen minor', () => {
    expect(gkeVersionProblem('1.34.0-gke.1662000', '1.34')).toBeUndefined();
    expect(gkeVersionProblem('v1.35.2-gke.1842000')).toBeUndefined();
  });

  it('names the version as the caller asks', () => {
    expect(
      gkeVersionProblem('1.34.0-gke.1500000', '1.34', {
        subject: 'GKE version 1.34.0-gke.1500000',
      }),
    ).toBe(
      'GKE version 1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
    );
    expect(gkeVersionProblem('1.35.0-gke.2232000', '1.34')).toBe(
      '1.35.0-gke.2232000 is not a 1.34 version; the lowest certified 1.34 version is 1.34.0-gke.1662000',
    );
  });

  it('gives the chosen minor as the example, or the oldest certified one', () => {
    expect(gkeVersionProblem('1.35', '1.35')).toBe(
      '"1.35" is not a GKE version (expected MAJOR.MINOR.PATCH-gke.N, e.g. 1.35.0-gke.2232000)',
    );
    expect(gkeVersionProblem(' ')).toBe(
      'Enter a GKE version, e.g. 1.34.0-gke.1662000',
    );
    expect(gkeVersionProblem('1.34.1-eks.3')).toMatch(/is not a GKE version/);
  });

  it('refuses minors without a certified version', () => {
    expect(gkeVersionProblem('1.38.1-gke.1000')).toBe(
      'GKE 1.38 has no AI-conformance-certified version yet; choose 1.34 or 1.35 or 1.36 or 1.37',
    );
    expect(gkeVersionProblem('1.34.1-gke.1000', '1.38')).toBe(
      'GKE 1.38 has no AI-conformance-certified version yet',
    );
  });
});
