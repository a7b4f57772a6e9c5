import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import {
  aiConformanceExtensionPoint,
  type AiConformanceExtensionPoint,
  type SnapshotMetrics,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { RequirementResult } from '@ai-conformance/plugin-ai-conformance-common';
import request from 'supertest';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { simClustersConfig } from './__testUtils__/simClustersConfig';

jest.setTimeout(60_000);

const BASE = '/api/ai-conformance';
const ENTITY = 'resource:default/gke-a';
const SOURCE = 'Acme fleet metrics';

function backendConfig(sim: KubeSim) {
  return mockServices.rootConfig.factory({
    data: {
      aiConformance: {
        schedule: { enabled: false },
        clusterDeadline: { seconds: 20 },
        clusters: simClustersConfig(sim),
      },
    },
  });
}

/** A backend module of the plugin that extends the engine at init. */
function engineModule(
  moduleId: string,
  init: (engine: AiConformanceExtensionPoint) => void,
) {
  return createBackendModule({
    pluginId: 'ai-conformance',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { engine: aiConformanceExtensionPoint },
        async init({ engine }) {
          init(engine);
        },
      });
    },
  });
}

describe('aiConformanceExtensionPoint', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke-a', scenario: 'gke-1.34-conformant' }],
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('runs checks with the solutions and metrics sources a module adds', async () => {
    const asked: string[] = [];
    const notCovering = jest.fn(async () => undefined);
    const acmeModule = engineModule('acme', engine => {
      engine.addSolutions({
        name: 'Platform Ray',
        capability: 'ai-operator',
        group: 'ray.io',
        controller: { namespace: 'ray-system', name: 'kuberay-operator' },
      });
      engine.addMetricsSource({ sampleForSnapshot: notCovering });
      engine.addMetricsSource({
        sampleForSnapshot: async entityRef => {
          asked.push(entityRef);
          // memory only: the official rules also need utilization
          const sample: SnapshotMetrics = {
            source: SOURCE,
            sampledAt: new Date().toISOString(),
            samples: [{ name: 'DCGM_FI_DEV_FB_USED', labels: { gpu: '0' } }],
          };
          return sample;
        },
      });
    });
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        acmeModule,
        catalogServiceMock.factory({ entities: [clusterEntity('gke-a')] }),
        backendConfig(sim),
      ],
    });
    try {
      const auth = mockCredentials.user.header('user:default/jane');
      const created = await request(backend.server)
        .post(`${BASE}/clusters/default/gke-a/runs`)
        .set('Authorization', auth)
        .send({ dryRunProbes: false });
      expect(created.status).toBe(202);
      let run: any;
      const until = Date.now() + 30_000;
      do {
        await new Promise(r => setTimeout(r, 100));
        run = (
          await request(backend.server)
            .get(`${BASE}/runs/${created.body.runId}`)
            .set('Authorization', auth)
        ).body;
      } while (
        run.status !== 'succeeded' &&
        run.status !== 'failed' &&
        Date.now() < until
      );
      expect(run.status).toBe('succeeded');
      const requirement = (id: string): RequirementResult =>
        run.report.requirements.find((r: RequirementResult) => r.id === id);

      const robust = requirement('robust_controller');
      expect(robust.summary).toContain('Platform Ray (ray.io), declared');
      expect(
        robust.evidence.some(e => e.fields?.recognition === 'declared'),
      ).toBe(true);

      expect(notCovering).toHaveBeenCalledWith(ENTITY, expect.anything());
      expect(asked).toEqual([ENTITY]);
      const metrics = requirement('accelerator_metrics');
      expect(metrics.status).toBe('fail');
      expect(metrics.evidence[0].description).toBe(
        `Accelerator metrics in ${SOURCE}`,
      );
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start with an invalid solution from a module, naming it', async () => {
    const badModule = engineModule('bad', engine =>
      engine.addSolutions({ name: 'No group', capability: 'ai-operator' }),
    );
    await expect(
      startTestBackend({
        features: [
          aiConformancePlugin,
          badModule,
          catalogServiceMock.factory({ entities: [] }),
          backendConfig(sim),
        ],
      }),
    ).rejects.toThrow(/solutions added by backend modules/);
  });
});
