/**
 * `GET /clusters` over the fleet's summaries: filters, order, pages, entity
 * tags, and the per-caller permission filter (allowed outright, owner-scoped
 * through a conditional decision, denied). The database holds runs from
 * before the summaries existed, so the plugin builds them when it starts.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  aiConformanceReportReadPermission,
  type ConformanceReport,
  type RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import request from 'supertest';
import type { Knex } from 'knex';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { expectMatchesSpec } from './__testUtils__/expectMatchesSpec';
import { createTestDatabases } from './__testUtils__/testDatabases';
import { DatabaseConformanceStore } from './database/DatabaseConformanceStore';
import {
  ownedBy,
  policyPermissions,
  type Policy,
} from './__testUtils__/policyPermissions';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const BASE = '/api/ai-conformance';
const PAT = 'user:default/pat'; // may read everything
const ANN = 'user:default/ann'; // reads the clusters group a owns
const DEN = 'user:default/den'; // may read nothing

const names = Array.from(
  { length: 30 },
  (_, i) => `c${String(i).padStart(2, '0')}`,
);
const entities: Entity[] = [
  ...names.map((name, i) => ({
    ...clusterEntity(name),
    spec: {
      type: 'kubernetes-cluster',
      owner: i % 2 === 0 ? 'group:default/a' : 'group:default/b',
    },
  })),
  clusterEntity('fresh'),
];

/** c00, c03, ... not-conformant; c01, c04, ... conformant on GKE; the rest incomplete on EKS. */
function reportOf(i: number): ConformanceReport {
  const kind = i % 3;
  const must: RequirementStatus = ['fail', 'pass', 'unknown'][kind] as any;
  return {
    schemaVersion: 1,
    requirementsVersion: '1.35',
    generatedAt: '2026-12-01T00:00:00.000Z',
    cluster: {
      name: names[i],
      platform: kind === 1 ? 'gke' : 'eks',
      kubernetesVersion: kind === 1 ? 'v1.35.0-gke.2232000' : 'v1.34.2-eks-1',
      accelerators: [],
    },
    verdict: (['not-conformant', 'conformant', 'incomplete'] as const)[kind],
    requirements: [
      {
        id: 'dra_support',
        category: 'accelerators',
        level: 'MUST',
        conditional: false,
        title: 'DRA',
        status: must,
        method: 'passive',
        summary: 's',
        evidence: [],
        remediation: [],
        errors: [],
      },
    ],
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
}

const READ = aiConformanceReportReadPermission.name;
/** Each user's policy: the route asks with that user's token. */
const POLICIES: Record<string, Policy> = {
  [PAT]: {},
  [ANN]: { [READ]: ownedBy('group:default/a') },
  [DEN]: { [READ]: { result: AuthorizeResult.DENY } },
};

describe('GET /clusters', () => {
  let knex: Knex;
  let store: DatabaseConformanceStore;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let policy: Policy = {};
  const asked: Array<{ name: string; resourceRef?: string }> = [];
  const perCluster = () =>
    asked.filter(a => a.name === READ && a.resourceRef).length;

  const get = (
    path: string,
    user = PAT,
    headers: Record<string, string> = {},
  ) => {
    policy = POLICIES[user];
    return request(backend.server)
      .get(`${BASE}${path}`)
      .set({ Authorization: mockCredentials.user.header(user), ...headers });
  };
  const refs = (res: request.Response) =>
    res.body.items.map((c: { entityRef: string }) => c.entityRef.split('/')[1]);

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex }),
    });
    for (let i = 0; i < names.length; i++) {
      const runId = `run-${names[i]}`;
      await store.createRun({
        runId,
        entityRef: `resource:default/${names[i]}`,
        trigger: 'upload',
        createdAt: new Date(Date.now() - (60 - i) * 60_000).toISOString(),
      });
      await store.completeRun(
        runId,
        reportOf(i),
        new Date(Date.now() - (59 - i) * 60_000).toISOString(),
      );
    }
    // A database from before the summaries: the plugin builds them.
    await knex('ai_conformance_cluster_summaries').delete();
    backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => policyPermissions(() => policy, asked, entities),
        }),
        mockServices.rootConfig.factory({
          data: { aiConformance: { schedule: { enabled: false } } },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('pages every readable cluster, never-checked ones included, in name order', async () => {
    const first = await get('/clusters?limit=10');
    expect(first.status).toBe(200);
    expectMatchesSpec('get', '/clusters', first);
    expect(first.body).toMatchObject({ totalCount: 31, offset: 0, limit: 10 });
    expect(refs(first)).toEqual(names.slice(0, 10));
    expect(first.body.items[1]).toMatchObject({
      entityRef: 'resource:default/c01',
      verdict: 'conformant',
      level: 'gold',
      platform: 'gke',
      mustPassed: 1,
      mustTotal: 1,
      statuses: { dra_support: 'pass' },
      lastRunId: 'run-c01',
      lastRunStatus: 'succeeded',
    });
    const last = await get('/clusters?offset=30&limit=10');
    expect(refs(last)).toEqual(['fresh']);
    expect(last.body.items[0]).toMatchObject({ verdict: null, level: null });
    // Without a limit: 100 per page.
    expect((await get('/clusters')).body).toMatchObject({
      totalCount: 31,
      limit: 100,
    });
  });

  it('filters and sorts on the server', async () => {
    const notConformant = await get('/clusters?verdict=not-conformant&limit=3');
    expect(notConformant.body.totalCount).toBe(10);
    expect(refs(notConformant)).toEqual(['c00', 'c03', 'c06']);
    const two = await get('/clusters?verdict=unchecked,conformant');
    // As URLSearchParams sends it.
    expect(
      (await get('/clusters?verdict=unchecked%2Cconformant')).body.totalCount,
    ).toBe(11);
    expect([two.status, two.body]).toEqual([
      200,
      expect.objectContaining({ totalCount: 11 }),
    ]);
    expect((await get('/clusters?level=bronze')).body.totalCount).toBe(10);
    expect(refs(await get('/clusters?level=unchecked'))).toEqual(['fresh']);
    expect((await get('/clusters?platform=gke')).body.totalCount).toBe(10);
    expect(
      (await get('/clusters?kubernetesVersion=1.34')).body.totalCount,
    ).toBe(20);
    expect(refs(await get('/clusters?q=C2&limit=3'))).toEqual([
      'c20',
      'c21',
      'c22',
    ]);
    expect(
      refs(
        await get('/clusters?sort=level&order=desc&limit=2&verdict=conformant'),
      ),
    ).toEqual(['c01', 'c04']);
    expect(
      refs(await get('/clusters?sort=lastRun&order=desc&limit=2')),
    ).toEqual(['c29', 'c28']);
    expect(refs(await get('/clusters?sort=name&order=desc&limit=2'))).toEqual([
      'fresh',
      'c29',
    ]);
  });

  it('filters on catalog owner and checklist version, and counts the whole fleet', async () => {
    const owned = await get('/clusters?owner=group:default/b&limit=2');
    expect(owned.body.totalCount).toBe(15);
    expect(refs(owned)).toEqual(['c01', 'c03']);
    expect(owned.body.items[0].owner).toBe('group:default/b');
    expect(
      (
        await get(
          `/clusters?owner=${encodeURIComponent('group:default/a')}&limit=1`,
        )
      ).body.totalCount,
    ).toBe(15);
    expect(
      (await get('/clusters?requirementsVersion=1.35')).body.totalCount,
    ).toBe(30);
    expect(
      refs(await get('/clusters?sort=failures&order=desc&limit=2')),
    ).toEqual(['c00', 'c03']);

    const withFacets = await get('/clusters?facets=true&limit=1&q=c0');
    expectMatchesSpec('get', '/clusters', withFacets);
    expect(withFacets.body.totalCount).toBe(10);
    // Facets cover every readable cluster, filters aside.
    expect(withFacets.body.facets).toEqual({
      verdicts: {
        'not-conformant': 10,
        conformant: 10,
        incomplete: 10,
        unchecked: 1,
      },
      levels: { none: 10, gold: 10, bronze: 10, unchecked: 1 },
      owners: ['group:default/a', 'group:default/b', 'group:default/platform'],
      platforms: ['eks', 'gke'],
      requirementsVersions: ['1.35'],
    });
    // ... of that caller only.
    const annFacets = await get('/clusters?facets=true', ANN);
    expect(annFacets.body.facets.owners).toEqual(['group:default/a']);
    expect(annFacets.body.facets.verdicts).toEqual({
      'not-conformant': 5,
      conformant: 5,
      incomplete: 5,
    });
  });

  it('refuses malformed filters with 400', async () => {
    for (const query of [
      'verdict=great',
      'level=platinum',
      'limit=0',
      'limit=5000',
      'offset=-1',
      'sort=owner',
      'kubernetesVersion=%25',
    ]) {
      const res = await get(`/clusters?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });

  it('lists only what each caller may read, asking per cluster only under a conditional decision', async () => {
    asked.length = 0;
    const all = await get('/clusters?limit=1000');
    expect(all.body.totalCount).toBe(31);
    expect(perCluster()).toBe(0);

    const ann = await get('/clusters?limit=1000', ANN);
    expect(ann.status).toBe(200);
    expect(refs(ann)).toEqual(names.filter((_, i) => i % 2 === 0));
    expect(ann.body.totalCount).toBe(15);
    expect(perCluster()).toBe(31);
    // Filters and pages apply within the caller's own set.
    const annPage = await get(
      '/clusters?verdict=conformant&limit=2&offset=1',
      ANN,
    );
    expect(annPage.body.totalCount).toBe(5);
    expect(refs(annPage)).toEqual(['c10', 'c16']);

    const den = await get('/clusters', DEN);
    expect(den.status).toBe(200);
    expect(den.body).toMatchObject({ items: [], totalCount: 0 });
  });

  it('sends a page gzip-compressed to clients that accept it, as it is to others', async () => {
    const gzip = await get('/clusters?limit=30', PAT, {
      'Accept-Encoding': 'gzip, deflate, br',
    });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/^application\/json/);
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/);
    const plain = await get('/clusters?limit=30', PAT, {
      'Accept-Encoding': 'identity',
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.body).toEqual(plain.body);
    expect(gzip.body.items).toHaveLength(30);
    expect(gzip.headers.etag).toBe(plain.headers.etag);
  });

  it('answers 304 to its own current entity tag only', async () => {
    const first = await get('/clusters?limit=5');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await get('/clusters?limit=5', PAT, {
      'If-None-Match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    // As Node's fetch sends a conditional request.
    const revalidated = await get('/clusters?limit=5', PAT, {
      'If-None-Match': etag,
      'Cache-Control': 'no-cache',
    });
    expect(revalidated.status).toBe(304);

    // Another page, another caller: another tag, so a full answer.
    expect(
      (await get('/clusters?limit=6', PAT, { 'If-None-Match': etag })).status,
    ).toBe(200);
    const ann = await get('/clusters?limit=5', ANN, { 'If-None-Match': etag });
    expect(ann.status).toBe(200);
    expect(ann.headers.etag).not.toBe(etag);
    // Same items for two callers still get two tags.
    const denOnce = await get('/clusters', DEN);
    const patEmpty = await get('/clusters?q=nothing-matches');
    expect(denOnce.body.items).toEqual(patEmpty.body.items);
    expect(denOnce.headers.etag).not.toBe(patEmpty.headers.etag);

    // A run that finishes changes the page and its tag.
    await store.createRun({
      runId: 'run-c00-b',
      entityRef: 'resource:default/c00',
      trigger: 'upload',
      createdAt: new Date().toISOString(),
    });
    await store.completeRun('run-c00-b', reportOf(1), new Date().toISOString());
    const changed = await get('/clusters?limit=5', PAT, {
      'If-None-Match': etag,
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.items[0]).toMatchObject({
      entityRef: 'resource:default/c00',
      verdict: 'conformant',
      lastRunId: 'run-c00-b',
    });
  });
});
