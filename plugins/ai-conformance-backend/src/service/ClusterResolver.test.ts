import { ConfigReader } from '@backstage/config';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { ClusterResolver } from './ClusterResolver';

function clusterEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  };
}

const entities = [
  clusterEntity('public-gke', {
    'kubernetes.io/api-server': 'https://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'google',
  }),
  clusterEntity('loopback', {
    'kubernetes.io/api-server': 'https://127.0.0.1:6443',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'googleServiceAccount',
  }),
  clusterEntity('plain-http', {
    'kubernetes.io/api-server': 'http://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'googleServiceAccount',
  }),
  clusterEntity('catalog-sa', {
    'kubernetes.io/api-server': 'https://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'serviceAccount',
  }),
  clusterEntity('skip-tls', {
    'kubernetes.io/api-server': 'https://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'googleServiceAccount',
    'kubernetes.io/skip-tls-verify': 'true',
  }),
  clusterEntity('private-name', {
    'kubernetes.io/api-server': 'https://cluster.internal.example',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'googleServiceAccount',
  }),
  clusterEntity('allowed-local', {
    'kubernetes.io/api-server': 'http://127.0.0.1:8443',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'googleServiceAccount',
  }),
];

function resolver(config: object = {}) {
  return new ClusterResolver({
    config: new ConfigReader(config),
    catalog: catalogServiceMock({ entities }),
    logger: mockServices.logger.mock(),
    getGoogleAccessToken: async () => 'adc-token',
    resolveHost: async host =>
      host === 'cluster.internal.example' ? ['10.0.0.7'] : ['34.9.9.9'],
  });
}

const user = { credentials: mockCredentials.user(), scheduled: false };
const scheduled = { credentials: mockCredentials.service(), scheduled: true };

describe('ClusterResolver', () => {
  it('resolves the Kubernetes plugin config clusters by entity name (the demo config)', async () => {
    const r = resolver({
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'gke-demo',
                url: 'https://127.0.0.1:40001',
                authProvider: 'serviceAccount',
                serviceAccountToken: 'sa-token',
                caData: 'Q0FEQVRB',
              },
            ],
          },
        ],
      },
    });
    await expect(
      r.resolve('resource:default/gke-demo', scheduled),
    ).resolves.toEqual({
      name: 'gke-demo',
      url: 'https://127.0.0.1:40001',
      caData: 'Q0FEQVRB',
      token: 'sa-token',
      authProvider: 'serviceAccount',
      skipTLSVerify: false,
      source: 'kubernetes.clusterLocatorMethods',
    });
    expect(r.configuredClusterNames()).toEqual(['gke-demo']);
  });

  it('prefers aiConformance.clusters and supports googleServiceAccount', async () => {
    const r = resolver({
      aiConformance: {
        clusters: [
          {
            name: 'a',
            url: 'https://a.example',
            authProvider: 'googleServiceAccount',
          },
        ],
      },
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              { name: 'a', url: 'https://other', serviceAccountToken: 'x' },
            ],
          },
        ],
      },
    });
    await expect(
      r.resolve('resource:default/a', scheduled),
    ).resolves.toMatchObject({
      url: 'https://a.example',
      token: 'adc-token',
      source: 'aiConformance.clusters',
    });
  });

  it('uses a user token for google clusters only in user-started runs', async () => {
    const r = resolver();
    await expect(
      r.resolve('resource:default/public-gke', scheduled),
    ).rejects.toThrow(/scheduled runs cannot check it/);
    await expect(
      r.resolve('resource:default/public-gke', user),
    ).rejects.toThrow(/Backstage-Kubernetes-Authorization-google/);
    await expect(
      r.resolve('resource:default/public-gke', {
        ...user,
        userTokens: { google: 'u-tok' },
      }),
    ).resolves.toMatchObject({
      url: 'https://34.1.2.3',
      token: 'u-tok',
      source: 'catalog',
    });
  });

  it('refuses catalog clusters on loopback, plain HTTP or private names unless allow-listed', async () => {
    const r = resolver();
    await expect(r.resolve('resource:default/loopback', user)).rejects.toThrow(
      "Cluster loopback: refused the catalog entity's API server https://127.0.0.1:6443: 127.0.0.1 is not a public address (add it to aiConformance.catalogClusters.dangerouslyAllowClusterUrls to allow it)",
    );
    await expect(
      r.resolve('resource:default/plain-http', user),
    ).rejects.toThrow(/only https:\/\/ URLs are accepted from the catalog/);
    await expect(
      r.resolve('resource:default/private-name', user),
    ).rejects.toThrow(/10\.0\.0\.7 is not a public address/);
    const allowing = resolver({
      aiConformance: {
        catalogClusters: {
          dangerouslyAllowClusterUrls: ['http://127.0.0.1:8443'],
        },
      },
    });
    await expect(
      allowing.resolve('resource:default/allowed-local', user),
    ).resolves.toMatchObject({
      url: 'http://127.0.0.1:8443',
      token: 'adc-token',
    });
  });

  it('refuses serviceAccount and unallowed skip-TLS from the catalog', async () => {
    const r = resolver();
    await expect(
      r.resolve('resource:default/catalog-sa', user),
    ).rejects.toThrow(
      /serviceAccount auth provider is not accepted from catalog entities/,
    );
    await expect(r.resolve('resource:default/skip-tls', user)).rejects.toThrow(
      /dangerouslyAllowSkipTLSVerify/,
    );
    const allowing = resolver({
      aiConformance: {
        catalogClusters: { dangerouslyAllowSkipTLSVerify: true },
      },
    });
    await expect(
      allowing.resolve('resource:default/skip-tls', user),
    ).resolves.toMatchObject({
      skipTLSVerify: true,
    });
  });

  it('says why an unknown cluster cannot be resolved', async () => {
    await expect(
      resolver().resolve('resource:default/nope', user),
    ).rejects.toThrow(/No cluster named nope/);
    await expect(
      resolver({
        aiConformance: { catalogClusters: { enabled: false } },
      }).resolve('resource:default/public-gke', user),
    ).rejects.toThrow(/catalog-defined clusters are disabled/);
  });
});
