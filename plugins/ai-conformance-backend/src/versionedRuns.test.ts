import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockServices } from '@backstage/backend-test-utils';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import request from 'supertest';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { expectMatchesSpec } from './__testUtils__/expectMatchesSpec';

jest.setTimeout(90_000);

const BASE = '/api/ai-conformance/clusters/default/gke-a';
const user = () => mockCredentials.user.header('user:default/jane');

describe('runs against a chosen checklist version', () => {
  let sim: KubeSim;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke-a', scenario: 'gke-1.34-conformant' }],
    });
    backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities: [clusterEntity('gke-a')] }),
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              schedule: { enabled: false },
              clusters: sim.clusters.map(c => ({
                name: c.name,
                url: c.server,
                caData: c.caData,
                serviceAccountToken: c.token,
              })),
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await sim?.stop();
  });

  async function run(body: object) {
    const created = await request(backend.server)
      .post(`${BASE}/runs`)
      .set('Authorization', user())
      .send(body);
    expect(created.status).toBe(202);
    for (let i = 0; i < 300; i++) {
      const res = await request(backend.server)
        .get(`/api/ai-conformance/runs/${created.body.runId}`)
        .set('Authorization', user());
      if (res.body.status === 'succeeded') return res.body;
      if (res.body.status === 'failed') throw new Error(res.body.error);
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('run did not finish');
  }

  it('evaluates against the requested version and serves reports per version', async () => {
    const own = await run({});
    expect(own.report.requirementsVersion).toBe('1.34');
    const chosen = await run({ requirementsVersion: 'v1.36' });
    expect(chosen.report.requirementsVersion).toBe('1.36');
    // 1.36 has SHOULDs that 1.34 does not.
    expect(chosen.report.requirements.map((r: any) => r.id)).toContain(
      'disaggregated_inference',
    );

    const v134 = await request(backend.server)
      .get(`${BASE}?version=1.34`)
      .set('Authorization', user());
    expect(v134.status).toBe(200);
    expect(v134.body.report.requirementsVersion).toBe('1.34');
    expectMatchesSpec('get', '/clusters/{namespace}/{name}', v134);

    const latest = await request(backend.server)
      .get(BASE)
      .set('Authorization', user());
    expect(latest.body.report.requirementsVersion).toBe('1.36');

    const none = await request(backend.server)
      .get(`${BASE}?version=1.35`)
      .set('Authorization', user());
    expect(none.status).toBe(200);
    expect(none.body.report).toBeNull();

    const history = await request(backend.server)
      .get(`${BASE}/runs`)
      .set('Authorization', user());
    expect(history.body.items).toHaveLength(2);
    for (const item of history.body.items) {
      expect(item.report).toBeUndefined();
      expect(item.counts).toEqual({
        mustPassed: expect.any(Number),
        mustTotal: expect.any(Number),
        shouldPassed: expect.any(Number),
        shouldTotal: expect.any(Number),
      });
    }
    expectMatchesSpec('get', '/clusters/{namespace}/{name}/runs', history);
  });

  it('refuses an unknown checklist version with 400 and stores nothing', async () => {
    const before = await request(backend.server)
      .get(`${BASE}/runs`)
      .set('Authorization', user());
    const bad = await request(backend.server)
      .post(`${BASE}/runs`)
      .set('Authorization', user())
      .send({ requirementsVersion: '1.99' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /Unknown AI Conformance checklist version "1.99"/,
    );
    const malformed = await request(backend.server)
      .post(`${BASE}/runs`)
      .set('Authorization', user())
      .send({ requirementsVersion: 'latest' });
    expect(malformed.status).toBe(400);
    const unknownQuery = await request(backend.server)
      .get(`${BASE}?version=2.0`)
      .set('Authorization', user());
    expect(unknownQuery.status).toBe(400);
    const after = await request(backend.server)
      .get(`${BASE}/runs`)
      .set('Authorization', user());
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});
