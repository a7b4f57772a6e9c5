import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import { XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { aiConformancePlugin } from '../plugin';
import { clusterEntity } from '../__testUtils__/clusterEntities';

jest.setTimeout(90_000);

const BADGE = '/api/ai-conformance/clusters/default/gke-a/badge.svg';
const user = () => mockCredentials.user.header('user:default/jane');

async function backend(
  sim: KubeSim,
  options: { publicBadges: boolean; deny?: boolean },
) {
  return startTestBackend({
    features: [
      aiConformancePlugin,
      catalogServiceMock.factory({
        entities: [clusterEntity('gke-a'), clusterEntity('never-run')],
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
      mockServices.rootConfig.factory({
        data: {
          aiConformance: {
            schedule: { enabled: false },
            badges: { public: options.publicBadges },
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
}

/** GET that keeps an SVG body as text. */
function get(server: any, path: string, authorization: string) {
  return request(server)
    .get(path)
    .set('Authorization', authorization)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', chunk => {
        text += chunk;
      });
      res.on('end', () => done(null, text));
    });
}

async function runChecks(server: any) {
  const created = await request(server)
    .post('/api/ai-conformance/clusters/default/gke-a/runs')
    .set('Authorization', user())
    .send({});
  expect(created.status).toBe(202);
  for (let i = 0; i < 300; i++) {
    const run = await request(server)
      .get(`/api/ai-conformance/runs/${created.body.runId}`)
      .set('Authorization', user());
    if (run.body.status === 'succeeded') return run.body;
    if (run.body.status === 'failed') throw new Error(run.body.error);
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error('run did not finish');
}

describe('GET /clusters/:namespace/:name/badge.svg', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke-a', scenario: 'gke-1.34-conformant' }],
    });
  });
  afterAll(() => sim?.stop());

  it('needs a token and report.read unless badges are public', async () => {
    const test = await backend(sim, { publicBadges: false });
    const { server } = test;
    try {
      const anonymous = await get(server, BADGE, mockCredentials.none.header());
      expect(anonymous.status).toBe(401);

      const before = await get(server, BADGE, user());
      expect(before.status).toBe(200);
      expect(before.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(XMLValidator.validate(before.body)).toBe(true);
      expect(before.body).toContain(
        '<title>AI conformance: not checked</title>',
      );

      const run = await runChecks(server);
      expect(run.report.verdict).toBe('conformant');
      const after = await get(server, BADGE, user());
      expect(XMLValidator.validate(after.body)).toBe(true);
      // Conformant, checklist 1.34 has no SHOULD, checked now, and GKE
      // v1.34.1-gke.1829001 is at or above the certified minimum: gold.
      expect(after.body).toContain(
        '<title>AI conformance v1.34: conformant · gold</title>',
      );

      const unknown = await get(
        server,
        '/api/ai-conformance/clusters/default/nope/badge.svg',
        user(),
      );
      expect(unknown.status).toBe(404);
      const bad = await get(
        server,
        '/api/ai-conformance/clusters/default/-bad-/badge.svg',
        user(),
      );
      expect(bad.status).toBe(400);
    } finally {
      await test.stop();
    }
  });

  it('answers 403 when the policy denies report.read', async () => {
    const test = await backend(sim, {
      publicBadges: false,
      deny: true,
    });
    const { server } = test;
    try {
      const res = await get(server, BADGE, user());
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('<svg');
    } finally {
      await test.stop();
    }
  });

  it('answers without a token when aiConformance.badges.public is true', async () => {
    const test = await backend(sim, { publicBadges: true });
    const { server } = test;
    try {
      const res = await get(
        server,
        '/api/ai-conformance/clusters/default/never-run/badge.svg',
        mockCredentials.none.header(),
      );
      expect(res.status).toBe(200);
      expect(res.body).toContain('<title>AI conformance: not checked</title>');
      const missing = await get(
        server,
        '/api/ai-conformance/clusters/default/nope/badge.svg',
        mockCredentials.none.header(),
      );
      expect(missing.status).toBe(404);
      // Other routes still need a token.
      const clusters = await get(
        server,
        '/api/ai-conformance/clusters',
        mockCredentials.none.header(),
      );
      expect(clusters.status).toBe(401);
    } finally {
      await test.stop();
    }
  });
});
