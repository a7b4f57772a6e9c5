import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import type { Server } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { expectMatchesSpec } from './__testUtils__/expectMatchesSpec';
import {
  ownedBy,
  policyPermissions,
  type Policy,
} from './__testUtils__/policyPermissions';
import { readTarGz } from './__testUtils__/readTarGz';

jest.setTimeout(60_000);

const BASE = '/api/ai-conformance/clusters/default';
const entities = [
  clusterEntity('gke-a'),
  clusterEntity('empty'),
  clusterEntity('twice'),
];

const PKG = 'github.com/kubernetes-sigs/ai-conformance/test';
const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="2" failures="0" errors="0" time="42.7">
\t<testsuite tests="2" failures="0" skipped="0" time="42.7" name="${PKG}">
\t\t<testcase classname="${PKG}" name="TestGangScheduling" time="42.7"></testcase>
\t\t<testcase classname="${PKG}" name="TestGangScheduling/PositiveGangScheduling" time="12.5"></testcase>
\t</testsuite>
</testsuites>
`;
const RESULTS = [
  { Action: 'run', Package: PKG, Test: 'TestGangScheduling' },
  {
    Action: 'output',
    Package: PKG,
    Test: 'TestGangScheduling',
    Output: '--- PASS: TestGangScheduling (42.70s)\n',
  },
  { Action: 'pass', Package: PKG, Test: 'TestGangScheduling', Elapsed: 42.7 },
]
  .map(e => JSON.stringify(e))
  .join('\n');

const E2E_LOG =
  '=== RUN   TestGangScheduling\n--- PASS: TestGangScheduling (42.70s)\nPASS\n';

/** The data of a binary supertest response. */
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('GET /clusters/:namespace/:name/bundle', () => {
  let server: Server;
  let stop: () => Promise<void>;
  let policy: Policy = {};

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => policyPermissions(() => policy, [], entities),
        }),
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              schedule: { enabled: false },
              uploads: { maxBytes: 1_000_000 },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    for (const [body, type] of [
      [JUNIT, 'application/xml'],
      [RESULTS, 'application/json'],
      [E2E_LOG, 'text/plain'],
    ]) {
      const res = await request(server)
        .post(`${BASE}/gke-a/reports`)
        .set('Authorization', mockCredentials.user.header())
        .set('Content-Type', type)
        .send(body);
      if (res.status !== 201) {
        throw new Error(
          `upload of ${type} answered ${res.status}: ${res.text}`,
        );
      }
    }
  });

  afterAll(() => stop?.());
  afterEach(() => {
    policy = {};
  });

  const get = (name: string, query: string) =>
    binary(
      request(server)
        .get(`${BASE}/${name}/bundle${query}`)
        .set('Authorization', mockCredentials.user.header()),
    );

  it('answers vX.Y/<product>/ as a .tar.gz citing the uploaded artifacts', async () => {
    const res = await get('gke-a', '?product=demo');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="v1\.\d+-demo\.tar\.gz"$/,
    );
    const files = await readTarGz(res.body as Buffer);
    const root = [...files.keys()][0].split('/').slice(0, 2).join('/');
    expect(root).toMatch(/^v1\.\d+\/demo$/);
    for (const p of files.keys()) expect(p.startsWith(`${root}/`)).toBe(true);
    expect(files.get(`${root}/junit.xml`)).toBe(JUNIT);
    expect(files.get(`${root}/results.json`)).toBe(RESULTS);
    expect(files.get(`${root}/e2e.log`)).toBe(E2E_LOG);
    const doc = parseYaml(files.get(`${root}/PRODUCT.yaml`)!);
    const gang = Object.values(doc.spec as Record<string, any[]>)
      .flat()
      .find(i => i.id === 'gang_scheduling');
    expect(gang.evidence).toEqual(
      expect.arrayContaining([
        `file://${root}/junit.xml#TestGangScheduling`,
        `file://${root}/results.json#TestGangScheduling`,
        `file://${root}/e2e.log`,
      ]),
    );
  });

  it('takes the newest upload of each artifact kind, of this cluster only', async () => {
    const newer = JUNIT.replace(
      /TestGangScheduling/g,
      'TestSecureAcceleratorAccess',
    );
    for (const body of [JUNIT, newer]) {
      const res = await request(server)
        .post(`${BASE}/twice/reports`)
        .set('Authorization', mockCredentials.user.header())
        .set('Content-Type', 'application/xml')
        .send(body);
      expect(res.status).toBe(201);
    }
    const files = await readTarGz(
      (
        await get('twice', '?product=twice')
      ).body as Buffer,
    );
    const root = [...files.keys()][0].split('/').slice(0, 2).join('/');
    expect(files.get(`${root}/junit.xml`)).toBe(newer);
    // nothing of gke-a's uploads
    expect(files.has(`${root}/results.json`)).toBe(false);
    expect(files.has(`${root}/e2e.log`)).toBe(false);
  });

  it.each(['../x', '..', '.hidden', 'a%2Fb', '%2E%2E', ''])(
    'refuses the product %j with 400',
    async product => {
      const res = await request(server)
        .get(`${BASE}/gke-a/bundle?product=${product}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expectMatchesSpec('get', '/clusters/{namespace}/{name}/bundle', res);
    },
  );

  it('names the refused product in an InputError', async () => {
    const res = await request(server)
      .get(`${BASE}/gke-a/bundle?product=..%2F..%2Fetc`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError' });
    expect(res.body.error.message).toContain('invalid product "../../etc"');
  });

  it('needs ai-conformance.report.read on the cluster, as the report', async () => {
    policy = { 'ai-conformance.report.read': { result: AuthorizeResult.DENY } };
    const denied = await request(server)
      .get(`${BASE}/gke-a/bundle?product=demo`)
      .set('Authorization', mockCredentials.user.header());
    expect(denied.status).toBe(403);
    expectMatchesSpec('get', '/clusters/{namespace}/{name}/bundle', denied);
    policy = {
      'ai-conformance.report.read': ownedBy('group:default/nobody'),
    };
    expect((await get('gke-a', '?product=demo')).status).toBe(403);
  });

  it('404 for a cluster without a report or not in the catalog', async () => {
    const none = await request(server)
      .get(`${BASE}/empty/bundle?product=demo`)
      .set('Authorization', mockCredentials.user.header());
    expect(none.status).toBe(404);
    expectMatchesSpec('get', '/clusters/{namespace}/{name}/bundle', none);
    expect(
      (
        await request(server)
          .get(`${BASE}/missing/bundle?product=demo`)
          .set('Authorization', mockCredentials.user.header())
      ).status,
    ).toBe(404);
  });
});
