import { gkeCertification, gkeCertifiedMinors } from './gkeCertification';

describe('gkeCertification', () => {
  it('certifies versions at or above the minimum of their minor', () => {
    expect(gkeCertification('v1.34.0-gke.1662000')).toEqual({
      status: 'certified',
      minimum: '1.34.0-gke.1662000',
      minor: '1.34',
      source: 'built-in',
    });
    expect(gkeCertification('v1.34.1-gke.1829001').status).toBe('certified');
    expect(gkeCertification('v1.35.0-gke.2232000').status).toBe('certified');
    expect(gkeCertification('v1.36.4-gke.1247000')).toEqual({
      status: 'certified',
      minimum: '1.36.4-gke.1247000',
      minor: '1.36',
      source: 'built-in',
    });
    expect(gkeCertification('v1.37.0-gke.3503000').status).toBe('certified');
  });

  it('flags versions below the minimum, comparing builds numerically', () => {
    expect(gkeCertification('1.34.0-gke.999999')).toEqual({
      status: 'below-minimum',
      minimum: '1.34.0-gke.1662000',
      minor: '1.34',
      source: 'built-in',
    });
    expect(gkeCertification('v1.35.0-gke.1999999').status).toBe(
      'below-minimum',
    );
    expect(gkeCertification('v1.36.1-gke.1000').status).toBe('below-minimum');
    expect(gkeCertification('v1.37.0-gke.999999').status).toBe('below-minimum');
  });

  it('reports minors without a certified entry', () => {
    expect(gkeCertification('v1.38.1-gke.1000')).toEqual({
      status: 'not-certified-yet',
      minor: '1.38',
    });
    expect(gkeCertification('v1.33.5-gke.1000').status).toBe(
      'not-certified-yet',
    );
  });

  it('distinguishes other distributions and garbage', () => {
    expect(gkeCertification('v1.35.2-eks-a5ec690').status).toBe('not-gke');
    expect(gkeCertification('v1.36.0').status).toBe('not-gke');
    expect(gkeCertification('what')).toEqual({ status: 'unknown' });
  });

  it('measures a minor the certified data lists against the data', () => {
    const data = {
      products: [
        {
          checklist: '1.38',
          product: 'gke',
          platformVersion: '1.38.1-gke.2000000',
          source: 'v1.38/gke/PRODUCT.yaml',
        },
        {
          checklist: '1.38',
          product: 'gke',
          platformVersion: '1.38.0-gke.1500000',
          source: 'v1.38/gke/PRODUCT.yaml',
        },
      ],
    };
    expect(gkeCertification('v1.38.0-gke.1600000', data)).toEqual({
      status: 'certified',
      minimum: '1.38.0-gke.1500000',
      minor: '1.38',
      source: 'v1.38/gke/PRODUCT.yaml',
    });
    expect(gkeCertification('v1.38.0-gke.1400000', data).status).toBe(
      'below-minimum',
    );
    expect(gkeCertification('v1.38.0-gke.1600000').status).toBe(
      'not-certified-yet',
    );
    expect(gkeCertification('v1.35.0-gke.2232000', data).source).toBe(
      'built-in',
    );
    expect(gkeCertifiedMinors(data)).toEqual([
      '1.34',
      '1.35',
      '1.36',
      '1.37',
      '1.38',
    ]);
  });
});
