import { parse } from 'yaml';
import { startKubeSim } from '../server/startKubeSim';
import { DEMO_CLUSTERS, demoAppConfig } from './demoClusters';

describe('demoAppConfig', () => {
  it('points the kubernetes config locator at every demo cluster with token and CA', async () => {
    const sim = await startKubeSim({ clusters: DEMO_CLUSTERS });
    try {
      const config = parse(demoAppConfig(sim));
      expect(config.kubernetes.serviceLocatorMethod).toEqual({
        type: 'multiTenant',
      });
      const clusters = config.kubernetes.clusterLocatorMethods[0].clusters;
      expect(clusters.map((c: { name: string }) => c.name)).toEqual([
        'gke-ai-prod',
        'gke-ml-research',
        'gke-legacy-batch',
        'gke-uncertified',
        'eks-inference',
        'vanilla-cpu',
      ]);
      for (const c of clusters) {
        const cluster = sim.cluster(c.name);
        expect(c).toMatchObject({
          url: cluster.server,
          authProvider: 'serviceAccount',
          serviceAccountToken: cluster.token,
          caData: sim.caData,
        });
      }
      expect(config.kubeSim.dcgmTargets['gke-ai-prod']).toHaveLength(3);
      expect(config.kubeSim.dcgmTargets['vanilla-cpu']).toEqual([]);
      expect(config.aiConformance).toBeUndefined();
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('with the Container API double: points the gke-api actions at it and grants its clusters only', async () => {
    const sim = await startKubeSim({ clusters: DEMO_CLUSTERS.slice(0, 1) });
    try {
      const config = parse(
        demoAppConfig(sim, {
          url: 'http://127.0.0.1:7455',
          keyFile: '/tmp/key.json',
        }),
      );
      expect(config.aiConformance).toEqual({
        gke: {
          containerApi: {
            endpoint: 'http://127.0.0.1:7455',
            keyFile: '/tmp/key.json',
          },
        },
        catalogClusters: {
          dangerouslyAllowClusterUrls: [sim.url],
          allowBackendCredentials: [
            {
              urlPattern: `${sim.url}/clusters/`,
              authProviders: ['googleServiceAccount'],
            },
          ],
        },
      });
    } finally {
      await sim.stop();
    }
  }, 60_000);
});
