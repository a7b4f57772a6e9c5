/**
 * The attack: under an owner-only read policy, a user who may create
 * entities publishes `resource:evil/gke-ai-prod`, a same-named twin of the
 * configured cluster `default/gke-ai-prod`, and owns it. Configured clusters
 * once matched by name in any namespace, so the twin's routes and the
 * scheduled pass used the real cluster's connection and showed its data.
 * Now every route answers 404/403 for the twin or answers only the twin's own
 * (empty) data, and the scheduled pass never runs the twin.
 */
import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type PermissionsService,
  type SchedulerService,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { aiConformanceReportReadPermission } from '@ai-conformance/plugin-ai-conformance-common';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import request from 'supertest';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';

jest.setTimeout(120_000);

const BASE = '/api/ai-conformance';
const MALLORY = 'user:default/mallory';
const PAT = 'user:default/pat';

const entity = (namespace: string, name: string, owner: string): Entity => {
  const e = clusterEntity(name);
  return {
    ...e,
    metadata: { ...e.metadata, namespace },
    spec: { type: 'kubernetes-cluster', owner },
  };
};
const entities = [
  entity('default', 'gke-ai-prod', 'group:default/platform'),
  entity('evil', 'gke-ai-prod', MALLORY),
];

/** Who each user is, for the owner rule (user and group memberships). */
const CLAIMS: Record<string, string[]> = {
  [MALLORY]: [MALLORY],
  [PAT]: [PAT, 'group:default/platform'],
};

/**
 * Owner-only reads: `ai-conformance.report.read` is conditional on
 * IS_ENTITY_OWNER, applied here to the entity with exactly that ref (as the
 * catalog's apply-conditions endpoint would); everything else is allowed.
 */
function ownerOnlyReads(): PermissionsService {
  const claimsOf = (credentials: BackstageCredentials) =>
    CLAIMS[
      (credentials.principal as { userEntityRef?: string }).userEntityRef ?? ''
    ] ?? [];
  const owns = (credentials: BackstageCredentials, ref?: string) => {
    const e = entities.find(
      x => `resource:${x.metadata.namespace}/${x.metadata.name}` === ref,
    );
    return !!e && claimsOf(credentials).includes(String(e.spec?.owner));
  };
  return {
    async authorize(requests, { credentials }) {
      return requests.map(r => ({
        result:
          r.permission.name !== aiConformanceReportReadPermission.name ||
          owns(
            credentials,
            'resourceRef' in r ? (r.resourceRef as string) : undefined,
          )
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })) as any;
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(r =>
        r.permission.name === aiConformanceReportReadPermission.name
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_ENTITY_OWNER',
                resourceType: 'catalog-entity',
                params: { claims: claimsOf(credentials) },
              },
            }
          : { result: AuthorizeResult.ALLOW },
      ) as any;
    },
  };
}

const parse = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

describe('a same-named twin of a configured cluster in another namespace', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke-ai-prod', scenario: 'gke-1.34-conformant' }],
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('gets 404/403 or only its own empty data on every route, and is never run with the real cluster', async () => {
    const real = sim.cluster('gke-ai-prod');
    const scheduler = mockServices.scheduler() as SchedulerService & {
      factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
    };
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        scheduler.factory({ skipTaskRunOnStartup: true }),
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => ownerOnlyReads(),
        }),
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              schedule: { frequency: { hours: 6 } },
              clusterDeadline: { seconds: 60 },
              requestTimeout: { seconds: 30 },
              clusters: [
                {
                  name: 'gke-ai-prod',
                  url: real.server,
                  caData: real.caData,
                  serviceAccountToken: real.token,
                },
              ],
            },
          },
        }),
      ],
    });
    const as = (user: string) => mockCredentials.user.header(user);
    const get = (path: string, user: string) =>
      request(backend.server)
        .get(`${BASE}${path}`)
        .set('Authorization', as(user));
    try {
      // The scheduled pass runs the real cluster, and only it.
      await scheduler.triggerTask('ai-conformance-checks');
      const realDetail = await get('/clusters/default/gke-ai-prod', PAT);
      expect(realDetail.status).toBe(200);
      expect(realDetail.body.lastRun).toMatchObject({
        trigger: 'schedule',
        status: 'succeeded',
      });
      expect(realDetail.body.report.cluster.server).toBe(real.server);
      const realRunId: string = realDetail.body.lastRun.runId;
      const requestsAfterPass = real.requestCount();

      // What would show the real cluster's data.
      const realData = [realRunId, real.server, new URL(real.server).host];
      const bodies: string[] = [];
      const asMallory = async (
        method: 'get' | 'post',
        path: string,
        body?: object,
      ) => {
        let req = request(backend.server)
          [method](`${BASE}${path}`)
          .set('Authorization', as(MALLORY));
        if (body) req = req.send(body);
        // Every answer as text (badges are SVG, which supertest leaves unread).
        const res = await req.buffer(true).parse((r, done) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (text += chunk));
          r.on('end', () => done(null, text));
        });
        // Error bodies echo the request's own path; the rest must hold no
        // real data.
        const json = parse(res.body);
        if (json?.error) delete json.request;
        bodies.push(json ? JSON.stringify(json) : res.body);
        return {
          status: res.status,
          text: res.body as string,
          body: parse(res.body),
        };
      };

      // The twin: its own entity, owned by the attacker.
      const twin = '/clusters/evil/gke-ai-prod';
      const detail = await asMallory('get', twin);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        entityRef: 'resource:evil/gke-ai-prod',
        report: null,
        lastRun: null,
      });
      const runs = await asMallory('get', `${twin}/runs`);
      expect(runs.status).toBe(200);
      expect(runs.body.items).toEqual([]);
      expect((await asMallory('get', `${twin}/self-assessment`)).status).toBe(
        404,
      );
      const accelerators = await asMallory('get', `${twin}/accelerators`);
      expect(accelerators.status).toBe(404);
      const start = await asMallory('post', `${twin}/runs`, {});
      expect(start.status).toBe(404);
      expect(start.body.error.name).toBe('NotFoundError');
      const badge = await asMallory('get', `${twin}/badge.svg`);
      expect(badge.status).toBe(200);
      expect(badge.text).toContain('not checked');

      // The real cluster, through every route: not the attacker's to read.
      const realPath = '/clusters/default/gke-ai-prod';
      for (const path of [
        realPath,
        `${realPath}/runs`,
        `${realPath}/self-assessment`,
        `${realPath}/accelerators`,
        `${realPath}/badge.svg`,
        `/runs/${realRunId}`,
      ]) {
        const res = await asMallory('get', path);
        expect([path, res.status]).toEqual([path, 403]);
      }
      const list = await asMallory('get', '/clusters');
      expect(list.status).toBe(200);
      expect(
        list.body.items.map((c: { entityRef: string }) => c.entityRef),
      ).toEqual(['resource:evil/gke-ai-prod']);
      expect(list.body.totalCount).toBe(1);
      expect(list.body.items[0].verdict ?? null).toBeNull();

      // Nothing the attacker asked reached the real cluster.
      expect(real.requestCount()).toBe(requestsAfterPass);

      // A second pass still leaves the twin alone.
      await scheduler.triggerTask('ai-conformance-checks');
      const after = await asMallory('get', `${twin}/runs`);
      expect(after.body.items).toEqual([]);

      for (const body of bodies) {
        for (const secret of realData) expect(body).not.toContain(secret);
      }
      const passRuns = (
        await get('/clusters/default/gke-ai-prod/runs', PAT)
      ).body.items.filter((r: { trigger: string }) => r.trigger === 'schedule');
      expect(passRuns).toHaveLength(2);

      // A cluster entity that does not exist: 404 on the accelerators route.
      expect(
        (await get('/clusters/default/ghost/accelerators', PAT)).status,
      ).toBe(404);
    } finally {
      await backend.stop();
    }
  });
});
