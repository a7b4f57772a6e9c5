import {
  checkGivenVersion,
  selectConformantVersion,
} from './selectConformantVersion';
import { GkeServerConfig } from './GkeServerConfigSource';

const config: GkeServerConfig = {
  defaultClusterVersion: '1.33.5-gke.1080000',
  validMasterVersions: [],
  channels: [
    {
      channel: 'REGULAR',
      defaultVersion: '1.33.5-gke.1080000',
      validVersions: [
        '1.34.1-gke.1829001',
        '1.34.0-gke.1662000',
        '1.34.0-gke.1500000',
        '1.33.5-gke.1080000',
      ],
    },
    {
      channel: 'RAPID',
      defaultVersion: '1.35.0-gke.2232000',
      validVersions: [
        '1.35.1-gke.2400000',
        '1.35.0-gke.2232000',
        '1.34.1-gke.1829001',
      ],
    },
    {
      channel: 'STABLE',
      defaultVersion: '1.33.4-gke.1000',
      validVersions: ['1.34.0-gke.1500000', '1.33.4-gke.1000'],
    },
  ],
};

describe('selectConformantVersion', () => {
  it('keeps certified versions of the minor, newest first, and falls back from a lagging default', () => {
    expect(
      selectConformantVersion(config, {
        channel: 'regular',
        minor: '1.34',
        region: 'us-central1',
      }),
    ).toEqual({
      version: '1.34.1-gke.1829001',
      candidates: ['1.34.1-gke.1829001', '1.34.0-gke.1662000'],
    });
  });

  it('prefers the channel default when it is certified', () => {
    expect(
      selectConformantVersion(config, {
        channel: 'rapid',
        minor: '1.35',
        region: 'us-central1',
      }).version,
    ).toBe('1.35.0-gke.2232000');
  });

  it('explains when the channel offers no certified version of the minor', () => {
    expect(() =>
      selectConformantVersion(config, {
        channel: 'stable',
        minor: '1.34',
        region: 'europe-west4',
      }),
    ).toThrow(
      'No 1.34 version on the STABLE channel in europe-west4 is at or above 1.34.0-gke.1662000, the lowest AI-conformance-certified version (offered 1.34 versions: 1.34.0-gke.1500000); try the RAPID channel or another minor',
    );
    expect(() =>
      selectConformantVersion(config, {
        channel: 'extended',
        minor: '1.34',
        region: 'us-central1',
      }),
    ).toThrow(
      'The EXTENDED release channel is not offered in us-central1 (offered: REGULAR, RAPID, STABLE)',
    );
  });

  it('checks a wanted version against the channel and the minimum', () => {
    expect(
      selectConformantVersion(config, {
        channel: 'regular',
        minor: '1.34',
        region: 'us-central1',
        wanted: '1.34.0-gke.1662000',
      }).version,
    ).toBe('1.34.0-gke.1662000');
    expect(() =>
      selectConformantVersion(config, {
        channel: 'regular',
        minor: '1.34',
        region: 'us-central1',
        wanted: '1.34.2-gke.1000000',
      }),
    ).toThrow(
      'GKE version 1.34.2-gke.1000000 is not offered on the REGULAR channel in us-central1; certified 1.34 versions offered: 1.34.1-gke.1829001, 1.34.0-gke.1662000',
    );
  });

  it('refuses minors without a certified GKE version', () => {
    expect(() =>
      selectConformantVersion(config, {
        channel: 'regular',
        minor: '1.38',
        region: 'us-central1',
      }),
    ).toThrow(
      'GKE 1.38 has no AI-conformance-certified version yet; certified minors: 1.34, 1.35, 1.36, 1.37',
    );
  });
});

describe('checkGivenVersion', () => {
  it('accepts the minimum and later builds, comparing build numbers as integers', () => {
    expect(checkGivenVersion('1.34.0-gke.1662000', '1.34')).toBe(
      '1.34.0-gke.1662000',
    );
    expect(checkGivenVersion('v1.34.0-gke.10000000', '1.34')).toBe(
      '1.34.0-gke.10000000',
    );
  });

  it('names the minimum when the version is below it', () => {
    expect(() => checkGivenVersion('1.34.0-gke.999999', '1.34')).toThrow(
      'GKE version 1.34.0-gke.999999 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
    );
  });

  it('rejects other minors and non-GKE versions', () => {
    expect(() => checkGivenVersion('1.35.0-gke.2232000', '1.34')).toThrow(
      'GKE version 1.35.0-gke.2232000 is not a 1.34 version; the lowest certified 1.34 version is 1.34.0-gke.1662000',
    );
    expect(() => checkGivenVersion('1.34.1', '1.34')).toThrow(
      '"1.34.1" is not a GKE version (expected MAJOR.MINOR.PATCH-gke.N, e.g. 1.34.0-gke.1662000)',
    );
  });
});
