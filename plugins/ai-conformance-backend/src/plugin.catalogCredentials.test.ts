/**
 * The attack: anyone who can merge a catalog-info.yaml publishes a cluster
 * entity with `kubernetes.io/auth-provider: googleServiceAccount` (or another
 * provider whose credential the backend holds) and an API server URL they
 * control. The scheduled pass (no user action) or a user-started run must not
 * send the backend's credential there. A kube-sim cluster on loopback plays
 * the attacker's HTTPS server and records every request it gets; it accepts
 * exactly the token Application Default Credentials hand out here, so the
 * granted case proves the credential would have arrived.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import request from 'supertest';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import {
  recordingRootLogger,
  type LogLines,
} from './__testUtils__/recordingRootLogger';

/** What Application Default Credentials return in this test. */
const mockAdcToken = 'ya29.backend-adc-token-for-the-test';

// The backend's own Google identity (Application Default Credentials).
jest.mock('./service/googleAccessToken', () => ({
  googleAccessToken: async () => mockAdcToken,
}));

jest.setTimeout(120_000);

const BASE = '/api/ai-conformance';
const userAuth = () => mockCredentials.user.header('user:default/jane');
const REFUSAL =
  'auth provider is not accepted from catalog entities: it would send a credential held by the backend';

describe('catalog clusters asking for backend-held credentials', () => {
  let sim: KubeSim;
  const recorder = () => sim.cluster('attacker');
  const entitiesFor = (server: string, caData: string) =>
    ['googleServiceAccount', 'serviceAccount', 'aws'].map(provider =>
      clusterEntity(`steal-${provider.toLowerCase()}`, {
        'kubernetes.io/api-server': server,
        'kubernetes.io/api-server-certificate-authority': caData,
        'kubernetes.io/auth-provider': provider,
      }),
    );

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'attacker', scenario: 'vanilla-1.36-cpu', token: mockAdcToken },
      ],
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(() => recorder().resetCounters());

  async function start(catalogClusters: object) {
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
    };
    const logs: LogLines = [];
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        scheduler.factory({ skipTaskRunOnStartup: true }),
        recordingRootLogger(logs),
        catalogServiceMock.factory({
          entities: entitiesFor(recorder().server, sim.caData),
        }),
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              schedule: { frequency: { hours: 6 } },
              clusterDeadline: { seconds: 60 },
              requestTimeout: { seconds: 30 },
              catalogClusters: {
                // The loopback server passes the URL policy: only the
                // credential rule stands between it and the token.
                dangerouslyAllowClusterUrls: [recorder().server],
                ...catalogClusters,
              },
            },
          },
        }),
      ],
    });
    const detail = async (name: string) =>
      (
        await request(backend.server)
          .get(`${BASE}/clusters/default/${name}`)
          .set('Authorization', userAuth())
      ).body;
    return { backend, scheduler, logs, detail };
  }

  it('sends nothing without a grant, in a scheduled pass or a user-started run, and says why', async () => {
    const { backend, scheduler, logs, detail } = await start({});
    try {
      await scheduler.triggerTask('ai-conformance-checks');
      for (const provider of [
        'googleServiceAccount',
        'serviceAccount',
        'aws',
      ]) {
        const name = `steal-${provider.toLowerCase()}`;
        const { lastRun, report } = await detail(name);
        expect(report).toBeNull();
        expect(lastRun).toMatchObject({
          trigger: 'schedule',
          status: 'failed',
        });
        expect(lastRun.error).toContain(
          `Cluster ${name}: the ${provider} ${REFUSAL}`,
        );

        const run = await request(backend.server)
          .post(`${BASE}/clusters/default/${name}/runs`)
          .set('Authorization', userAuth())
          .send({});
        expect(run.status).toBe(403);
        expect(run.body.error.name).toBe('NotAllowedError');
        expect(run.body.error.message).toContain(`the ${provider} ${REFUSAL}`);

        const accelerators = await request(backend.server)
          .get(`${BASE}/clusters/default/${name}/accelerators`)
          .set('Authorization', userAuth())
          .set('Backstage-Kubernetes-Authorization-Google', 'Bearer user-tok');
        expect(accelerators.status).toBe(200);
        expect(accelerators.body.inventory).toBeNull();
        expect(accelerators.body.errors[0].message).toContain(REFUSAL);
      }
      expect(recorder().requestLog()).toEqual([]);
      expect(recorder().requestCount()).toBe(0);
      expect(logs.join('\n')).not.toContain(mockAdcToken);
    } finally {
      await backend.stop();
    }
  });

  it('connects only where allowBackendCredentials grants the provider for the URL', async () => {
    const origin = new URL(recorder().server).origin;
    const { backend, scheduler, detail } = await start({
      allowBackendCredentials: [
        { urlPattern: origin, authProviders: ['googleServiceAccount'] },
      ],
    });
    try {
      await scheduler.triggerTask('ai-conformance-checks');
      // The granted provider reaches the server with the backend's token...
      const granted = await detail('steal-googleserviceaccount');
      expect(granted.lastRun).toMatchObject({
        trigger: 'schedule',
        status: 'succeeded',
      });
      expect(granted.report.cluster.server).toBe(recorder().server);
      const log = recorder().requestLog();
      expect(log.length).toBeGreaterThan(0);
      expect(log.filter(e => e.status === 401)).toEqual([]);
      // ...the providers the grant does not name still do not.
      for (const provider of ['serviceAccount', 'aws']) {
        const { lastRun } = await detail(`steal-${provider.toLowerCase()}`);
        expect(lastRun.status).toBe('failed');
        expect(lastRun.error).toContain(`the ${provider} ${REFUSAL}`);
      }
    } finally {
      await backend.stop();
    }
  });
});
