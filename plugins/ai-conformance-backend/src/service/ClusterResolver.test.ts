import { ConfigReader } from '@backstage/config';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { ClusterResolver } from './ClusterResolver';
import { BackendCredentialRefusedError } from './BackendCredentialPolicy';

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
    'kubernetes.io/auth-provider': 'google',
  }),
  clusterEntity('plain-http', {
    'kubernetes.io/api-server': 'http://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'google',
  }),
  clusterEntity('catalog-sa', {
    'kubernetes.io/api-server': 'https://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'serviceAccount',
  }),
  clusterEntity('skip-tls', {
    'kubernetes.io/api-server': 'https://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'google',
    'kubernetes.io/skip-tls-verify': 'true',
  }),
  clusterEntity('private-name', {
    'kubernetes.io/api-server': 'https://cluster.internal.example',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'google',
  }),
  clusterEntity('allowed-local', {
    'kubernetes.io/api-server': 'http://127.0.0.1:8443',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'google',
  }),
  // Catalog entities asking for credentials held by the backend.
  clusterEntity('adc-steal', {
    'kubernetes.io/api-server': 'https://34.1.2.3',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'googleServiceAccount',
  }),
  clusterEntity('aws-steal', {
    'kubernetes.io/api-server': 'https://eks.example.com',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'aws',
  }),
  clusterEntity('granted-gke', {
    'kubernetes.io/api-server': 'https://ai-prod.gke.example.com',
    'kubernetes.io/api-server-certificate-authority': 'Q0E=',
    'kubernetes.io/auth-provider': 'googleServiceAccount',
  }),
  {
    ...clusterEntity('gke-ai-prod', {}),
    metadata: { name: 'gke-ai-prod', namespace: 'evil' },
  },
];

const getGoogleAccessToken = jest.fn(async () => 'adc-token');

function resolver(config: object = {}) {
  return new ClusterResolver({
    config: new ConfigReader(config),
    catalog: catalogServiceMock({ entities }),
    logger: mockServices.logger.mock(),
    getGoogleAccessToken,
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
      // the checked address, which connections go to
      address: '34.1.2.3',
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
    // The refusal names the host, never the address it resolves to.
    const privateName = r.resolve('resource:default/private-name', user);
    await expect(privateName).rejects.toThrow(
      /the host cluster\.internal\.example is not a public address/,
    );
    await expect(privateName).rejects.not.toThrow(/10\.0\.0\.7/);
    const allowing = resolver({
      aiConformance: {
        catalogClusters: {
          dangerouslyAllowClusterUrls: ['http://127.0.0.1:8443'],
        },
      },
    });
    await expect(
      allowing.resolve('resource:default/allowed-local', {
        ...user,
        userTokens: { google: 'u-tok' },
      }),
    ).resolves.toMatchObject({
      url: 'http://127.0.0.1:8443',
      token: 'u-tok',
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
      allowing.resolve('resource:default/skip-tls', {
        ...user,
        userTokens: { google: 'u-tok' },
      }),
    ).resolves.toMatchObject({
      skipTLSVerify: true,
    });
  });

  describe('credentials held by the backend', () => {
    beforeEach(() => getGoogleAccessToken.mockClear());

    it.each([
      ['googleServiceAccount', 'adc-steal'],
      ['aws', 'aws-steal'],
      ['serviceAccount', 'catalog-sa'],
    ])(
      'never gives %s credentials to a catalog cluster without a grant',
      async (provider, name) => {
        const r = resolver({
          aiConformance: {
            catalogClusters: {
              // A grant for another URL or another provider does not count.
              allowBackendCredentials: [
                {
                  urlPattern: 'https://*.gke.example.com',
                  authProviders: ['googleServiceAccount'],
                },
                { urlPattern: 'https://34.1.2.3', authProviders: ['azure'] },
              ],
            },
          },
        });
        for (const context of [user, scheduled]) {
          const error = await r
            .resolve(`resource:default/${name}`, context)
            .catch(e => e);
          expect(error).toBeInstanceOf(BackendCredentialRefusedError);
          expect(error).toBeInstanceOf(NotAllowedError);
          expect(error.name).toBe('NotAllowedError');
          expect(error.message).toContain(
            `Cluster ${name}: the ${provider} auth provider is not accepted from catalog entities: it would send a credential held by the backend`,
          );
          expect(error.message).toContain(
            'aiConformance.catalogClusters.allowBackendCredentials',
          );
        }
        expect(getGoogleAccessToken).not.toHaveBeenCalled();
      },
    );

    it('gives a backend credential to a catalog cluster only where config grants it', async () => {
      const r = resolver({
        aiConformance: {
          catalogClusters: {
            allowBackendCredentials: [
              {
                urlPattern: 'https://*.gke.example.com',
                authProviders: ['googleServiceAccount'],
              },
            ],
          },
        },
      });
      await expect(
        r.resolve('resource:default/granted-gke', scheduled),
      ).resolves.toMatchObject({
        url: 'https://ai-prod.gke.example.com',
        token: 'adc-token',
        source: 'catalog',
        // resolved once by the URL policy (34.9.9.9 here) and pinned
        address: '34.9.9.9',
      });
      await expect(
        r.resolve('resource:default/adc-steal', scheduled),
      ).rejects.toBeInstanceOf(BackendCredentialRefusedError);
      expect(getGoogleAccessToken).toHaveBeenCalledTimes(1);
    });

    it('keeps backend credentials for clusters defined in config', async () => {
      const r = resolver({
        aiConformance: {
          clusters: [
            {
              name: 'adc-steal',
              url: 'https://configured.example',
              authProvider: 'googleServiceAccount',
            },
          ],
        },
      });
      await expect(
        r.resolve('resource:default/adc-steal', scheduled),
      ).resolves.toMatchObject({
        url: 'https://configured.example',
        token: 'adc-token',
        source: 'aiConformance.clusters',
      });
    });
  });

  describe('configured clusters belong to exactly one entity', () => {
    const prod = {
      name: 'gke-ai-prod',
      url: 'https://prod.example',
      serviceAccountToken: 'prod-sa-token',
    };

    it('never lends a configured cluster to a same-named entity in another namespace', async () => {
      const r = resolver({ aiConformance: { clusters: [prod] } });
      expect(r.isConfigured('resource:default/gke-ai-prod')).toBe(true);
      expect(r.isConfigured('resource:evil/gke-ai-prod')).toBe(false);
      await expect(
        r.resolve('resource:default/gke-ai-prod', scheduled),
      ).resolves.toMatchObject({ url: prod.url, token: 'prod-sa-token' });
      for (const context of [user, scheduled]) {
        const error = await r
          .resolve('resource:evil/gke-ai-prod', context)
          .catch(e => e);
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error.message).not.toContain(prod.url);
      }
    });

    it('matches the configured namespace or entityRef, and nothing else', async () => {
      const r = resolver({
        aiConformance: {
          clusters: [
            { ...prod, namespace: 'ml' },
            {
              name: 'staging',
              url: 'https://staging.example',
              serviceAccountToken: 's',
              entityRef: 'resource:platform/gke-staging',
            },
          ],
        },
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'k1',
                  url: 'https://k1.example',
                  serviceAccountToken: 'k',
                },
                {
                  name: 'k2',
                  url: 'https://k2.example',
                  serviceAccountToken: 'k',
                },
              ],
            },
          ],
        },
      });
      expect(
        [
          'resource:ml/gke-ai-prod',
          'resource:default/gke-ai-prod',
          'resource:platform/gke-staging',
          'resource:platform/staging',
          'resource:default/staging',
          'resource:default/k1',
          'resource:evil/k1',
        ].map(ref => [ref, r.isConfigured(ref)]),
      ).toEqual([
        ['resource:ml/gke-ai-prod', true],
        ['resource:default/gke-ai-prod', false],
        ['resource:platform/gke-staging', true],
        ['resource:platform/staging', false],
        ['resource:default/staging', false],
        ['resource:default/k1', true],
        ['resource:evil/k1', false],
      ]);
      const mapped = resolver({
        aiConformance: {
          kubernetesClusterEntities: [
            { cluster: 'k1', entityRef: 'resource:infra/k1-cluster' },
          ],
        },
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'k1',
                  url: 'https://k1.example',
                  serviceAccountToken: 'k',
                },
              ],
            },
          ],
        },
      });
      expect(mapped.isConfigured('resource:infra/k1-cluster')).toBe(true);
      expect(mapped.isConfigured('resource:default/k1')).toBe(false);
      await expect(
        mapped.resolve('resource:infra/k1-cluster', scheduled),
      ).resolves.toMatchObject({ name: 'k1', url: 'https://k1.example' });
    });

    it('refuses an entityRef that is not a Resource or a cluster mapped twice', () => {
      expect(() =>
        resolver({
          aiConformance: {
            clusters: [{ ...prod, entityRef: 'component:default/gke-ai-prod' }],
          },
        }),
      ).toThrow(
        'aiConformance.clusters[0].entityRef must name a Resource entity, got "component:default/gke-ai-prod"',
      );
      expect(() =>
        resolver({
          aiConformance: {
            kubernetesClusterEntities: [
              { cluster: 'k1', entityRef: 'resource:a/k1' },
              { cluster: 'k1', entityRef: 'resource:b/k1' },
            ],
          },
        }),
      ).toThrow(/cluster k1 is already mapped to an entity/);
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
