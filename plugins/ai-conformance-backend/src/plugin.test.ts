import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import type { Server } from 'node:http';
import { computeConformanceLevel } from '@ai-conformance/plugin-ai-conformance-common';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { expectMatchesSpec } from './__testUtils__/expectMatchesSpec';
import {
  recordingRootLogger,
  type LogLines,
} from './__testUtils__/recordingRootLogger';

jest.setTimeout(60_000);

const BASE = '/api/ai-conformance';
const userAuth = () => mockCredentials.user.header('user:default/jane');

const entities = [
  clusterEntity('gke-a'),
  clusterEntity('stuck'),
  clusterEntity('no-settings'),
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
];

async function poll<T>(
  fn: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 30_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (done(v)) return v;
    if (Date.now() > until)
      throw new Error(`Timed out; last value ${JSON.stringify(v)}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('aiConformancePlugin routes', () => {
  let sim: KubeSim;
  let server: Server;
  let stopBackend: () => Promise<void>;
  const logs: LogLines = [];
  const bodies: string[] = [];
  const auditor = mockServices.auditor.mock();
  const secrets = () => sim.clusters.flatMap(c => [c.token, c.caData]);

  const get = async (
    path: string,
    auth: 'user' | 'none' | 'invalid' = 'user',
  ) => {
    const req = request(server).get(`${BASE}${path}`);
    const header = {
      user: userAuth(),
      none: mockCredentials.none.header(),
      invalid: mockCredentials.user.invalidHeader(),
    }[auth];
    const res = await req.set('Authorization', header);
    bodies.push(res.text);
    return res;
  };
  const post = async (
    path: string,
    body?: string | object,
    contentType?: string,
  ) => {
    let req = request(server)
      .post(`${BASE}${path}`)
      .set('Authorization', userAuth());
    if (contentType) req = req.set('Content-Type', contentType);
    const res = await (body === undefined ? req : req.send(body));
    bodies.push(res.text);
    return res;
  };

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'gke-a', scenario: 'gke-1.34-conformant' },
        { name: 'stuck', scenario: 'hanging' },
      ],
    });
    auditor.createEvent.mockImplementation(async () => ({
      success: jest.fn(async () => {}),
      fail: jest.fn(async () => {}),
    }));
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities }),
        recordingRootLogger(logs),
        auditor.factory,
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              schedule: { enabled: false },
              clusterDeadline: { seconds: 10 },
              requestTimeout: { seconds: 30 },
              uploads: { maxBytes: 4096 },
              selfAssessment: { metadata: { vendorName: 'Example Corp' } },
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
    server = backend.server;
    stopBackend = () => backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await sim?.stop();
  });

  it('answers /health without a token', async () => {
    const res = await get('/health', 'none');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expectMatchesSpec('get', '/health', res);
  });

  it('answers 401 without a token', async () => {
    for (const path of [
      '/clusters',
      '/clusters/default/gke-a',
      '/runs/abc',
      '/requirements',
    ]) {
      expect((await get(path, 'none')).status).toBe(401);
      const invalid = await get(path, 'invalid');
      expect(invalid.status).toBe(401);
      expectMatchesSpec(
        'get',
        path === '/runs/abc'
          ? '/runs/{runId}'
          : path.replace('default/gke-a', '{namespace}/{name}'),
        invalid,
      );
    }
    const res = await request(server)
      .post(`${BASE}/clusters/default/gke-a/runs`)
      .set('Authorization', mockCredentials.none.header())
      .send({});
    expect(res.status).toBe(401);
  });

  it('serves requirements by version and refuses a malformed version', async () => {
    const res = await get('/requirements?version=1.35');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe('1.35');
    expect(res.body.requirements.map((r: { id: string }) => r.id)).toContain(
      'dra_support',
    );
    expectMatchesSpec('get', '/requirements', res);
    const latest = await get('/requirements');
    expect(latest.status).toBe(200);
    const bad = await get('/requirements?version=latest');
    expect(bad.status).toBe(400);
    expectMatchesSpec('get', '/requirements', bad);
    const unknown = await get('/requirements?version=1.20');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /Unknown AI Conformance checklist version/,
    );
  });

  it('answers 400 for a bad entity ref and 404 for an unknown entity', async () => {
    const bad = await get('/clusters/Not_A_Namespace!/gke-a');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Invalid entity namespace/);
    expectMatchesSpec('get', '/clusters/{namespace}/{name}', bad);
    const missing = await get('/clusters/default/nope');
    expect(missing.status).toBe(404);
    expectMatchesSpec('get', '/clusters/{namespace}/{name}', missing);
    expect((await get('/clusters/default/nope/runs')).status).toBe(404);
    expect((await post('/clusters/default/nope/runs', {})).status).toBe(404);
    expect((await get('/runs/no-such-run')).status).toBe(404);
  });

  it('answers 400 for a bad run body or query', async () => {
    const wrongType = await post('/clusters/default/gke-a/runs', {
      dryRunProbes: 'yes',
    });
    expect(wrongType.status).toBe(400);
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/runs', wrongType);
    const extra = await post('/clusters/default/gke-a/runs', {
      url: 'https://evil.example',
    });
    expect(extra.status).toBe(400);
    expect((await get('/clusters/default/gke-a/runs?limit=0')).status).toBe(
      400,
    );
    expect(
      (await get('/clusters/default/gke-a/runs?before=yesterday')).status,
    ).toBe(400);
  });

  it('runs a check against kube-sim and serves its report, history and self-assessment', async () => {
    const before = await get('/clusters/default/gke-a');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      entityRef: 'resource:default/gke-a',
      report: null,
      lastRun: null,
      level: null,
    });
    expectMatchesSpec('get', '/clusters/{namespace}/{name}', before);

    const created = await post('/clusters/default/gke-a/runs', {
      dryRunProbes: false,
    });
    expect(created.status).toBe(202);
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/runs', created);
    const runId = created.body.runId;

    const finished = await poll(
      () => get(`/runs/${runId}`),
      r => r.body.status === 'succeeded' || r.body.status === 'failed',
    );
    expect(finished.body.error).toBeUndefined();
    expect(finished.body).toMatchObject({
      runId,
      entityRef: 'resource:default/gke-a',
      status: 'succeeded',
      trigger: 'user',
      createdBy: 'user:default/jane',
      report: {
        cluster: { name: 'gke-a', platform: 'gke' },
        requirementsVersion: '1.34',
      },
    });
    expect(finished.body.progress.done).toBe(finished.body.progress.total);
    expect(finished.body.progress.total).toBeGreaterThan(1);
    expectMatchesSpec('get', '/runs/{runId}', finished);

    const detail = await get('/clusters/default/gke-a');
    expect(detail.body.report.verdict).toBe(finished.body.report.verdict);
    expect(detail.body.lastRun).toMatchObject({ runId, status: 'succeeded' });
    expectMatchesSpec('get', '/clusters/{namespace}/{name}', detail);
    // The level comes from the full report and the run's finish time.
    expect(detail.body.level).toEqual(
      computeConformanceLevel(detail.body.report, {
        checkedAt: finished.body.finishedAt,
      }),
    );

    const list = await get('/clusters');
    expect(list.status).toBe(200);
    expectMatchesSpec('get', '/clusters', list);
    const row = list.body.items.find(
      (r: { entityRef: string }) => r.entityRef === 'resource:default/gke-a',
    );
    expect(row).toMatchObject({
      verdict: finished.body.report.verdict,
      requirementsVersion: '1.34',
      platform: 'gke',
      kubernetesVersion: finished.body.report.cluster.kubernetesVersion,
    });
    expect(row.mustTotal).toBeGreaterThan(0);
    // The list computes it from the stored per-requirement rows: same answer.
    expect(row.level).toBe(detail.body.level.level);
    expect(row.levelMissing).toEqual(detail.body.level.missing);
    expect(
      list.body.items.find(
        (r: { entityRef: string }) =>
          r.entityRef === 'resource:default/no-settings',
      ),
    ).toMatchObject({ verdict: null, level: null });
    expect(
      list.body.items.map((r: { entityRef: string }) => r.entityRef),
    ).toContain('resource:default/no-settings');

    const history = await get('/clusters/default/gke-a/runs?limit=5');
    expect(history.status).toBe(200);
    expect(history.body.items.map((r: { runId: string }) => r.runId)).toEqual([
      runId,
    ]);
    expectMatchesSpec('get', '/clusters/{namespace}/{name}/runs', history);

    const draft = await get(
      '/clusters/default/gke-a/self-assessment?format=yaml',
    );
    expect(draft.status).toBe(200);
    expect(draft.headers['content-type']).toMatch(/yaml/);
    const parsed = parseYaml(draft.text);
    expect(parsed.metadata).toMatchObject({
      kubernetesVersion: 'v1.34',
      vendorName: 'Example Corp',
    });
    // A conformant cluster's draft files every MUST as Implemented.
    const musts = Object.values(parsed.spec)
      .flat()
      .filter((r: any) => r.level === 'MUST');
    expect(musts.length).toBeGreaterThan(0);
    expect(musts.every((r: any) => r.status === 'Implemented')).toBe(true);
    const draftJson = await get(
      '/clusters/default/gke-a/self-assessment?format=json',
    );
    expect(draftJson.body.spec.accelerators[0]).toHaveProperty('status');
    expectMatchesSpec(
      'get',
      '/clusters/{namespace}/{name}/self-assessment',
      draftJson,
    );
    expect(
      (await get('/clusters/default/gke-a/self-assessment?format=pdf')).status,
    ).toBe(400);
    expect(
      (await get('/clusters/default/no-settings/self-assessment')).status,
    ).toBe(404);

    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'run-create',
        meta: expect.objectContaining({ entityRef: 'resource:default/gke-a' }),
      }),
    );
  });

  it('returns the queued or running run instead of starting a second one, and fails it at the deadline', async () => {
    const first = await post('/clusters/default/stuck/runs', {});
    expect(first.status).toBe(202);
    const second = await post('/clusters/default/stuck/runs', {
      dryRunProbes: true,
    });
    expect(second.status).toBe(200);
    expect(second.body.runId).toBe(first.body.runId);
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/runs', second);

    const failed = await poll(
      () => get(`/runs/${first.body.runId}`),
      r => r.body.status === 'failed' || r.body.status === 'succeeded',
    );
    expect(failed.body.status).toBe('failed');
    expect(failed.body.error).toMatch(/Deadline exceeded|deadline|timed out/i);
    const third = await post('/clusters/default/stuck/runs', {});
    expect(third.status).toBe(202);
    expect(third.body.runId).not.toBe(first.body.runId);
  });

  it('refuses catalog clusters on loopback or plain HTTP with a clear error', async () => {
    const loop = await post('/clusters/default/loopback/runs', {});
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toBe(
      "Cluster loopback: refused the catalog entity's API server https://127.0.0.1:6443: 127.0.0.1 is not a public address (add it to aiConformance.catalogClusters.dangerouslyAllowClusterUrls to allow it)",
    );
    const http = await post('/clusters/default/plain-http/runs', {});
    expect(http.status).toBe(400);
    expect(http.body.error.message).toMatch(
      /only https:\/\/ URLs are accepted from the catalog/,
    );
    const none = await post('/clusters/default/no-settings/runs', {});
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/No cluster named no-settings/);
  });

  it('accepts official-suite uploads and records who sent them', async () => {
    const tooBig = await post(
      '/clusters/default/gke-a/reports',
      'x'.repeat(5000),
      'application/json',
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(
      /the limit is 4096 bytes \(aiConformance\.uploads\.maxBytes\)/,
    );
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/reports', tooBig);

    const junit = `<?xml version="1.0"?>
<testsuites><testsuite name="ai-conformance" tests="1"><testcase classname="ai" name="TestDRASupport" time="1"/></testsuite></testsuites>`;
    const uploaded = await post(
      '/clusters/default/gke-a/reports',
      junit,
      'application/xml',
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      status: 'succeeded',
      trigger: 'upload',
      createdBy: 'user:default/jane',
      entityRef: 'resource:default/gke-a',
    });
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/reports', uploaded);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'report-upload' }),
    );

    const notJson = await post(
      '/clusters/default/gke-a/reports',
      '{"hello": 1}',
      'application/json',
    );
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/neither a cluster snapshot/);
    const badType = await post(
      '/clusters/default/gke-a/reports',
      'hello',
      'text/csv',
    );
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toMatch(
      /Unsupported content type "text\/csv"/,
    );
    const badXml = await post(
      '/clusters/default/gke-a/reports',
      '<html></html>',
      'application/xml',
    );
    expect(badXml.status).toBe(400);

    const goJson = [
      { Action: 'run', Test: 'TestDRASupport' },
      { Action: 'pass', Test: 'TestDRASupport', Elapsed: 1 },
    ]
      .map(e => JSON.stringify(e))
      .join('\n');
    const goUpload = await post(
      '/clusters/default/gke-a/reports',
      goJson,
      'application/json',
    );
    expect(goUpload.status).toBe(201);
  });

  it('never returns or logs a cluster token or CA data', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThan(10);
    for (const secret of secrets()) {
      expect(secret.length).toBeGreaterThan(8);
      for (const line of logs) expect(line).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
  });
});

describe('aiConformancePlugin permissions', () => {
  it('answers 403 when the policy denies, and lists no clusters', async () => {
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        mockServices.rootConfig.factory({
          data: { aiConformance: { schedule: { enabled: false } } },
        }),
      ],
    });
    const server = backend.server;
    try {
      const auth = mockCredentials.user.header();
      const detail = await request(server)
        .get(`${BASE}/clusters/default/gke-a`)
        .set('Authorization', auth);
      expect(detail.status).toBe(403);
      expectMatchesSpec('get', '/clusters/{namespace}/{name}', detail);
      const run = await request(server)
        .post(`${BASE}/clusters/default/gke-a/runs`)
        .set('Authorization', auth)
        .send({});
      expect(run.status).toBe(403);
      const upload = await request(server)
        .post(`${BASE}/clusters/default/gke-a/reports`)
        .set('Authorization', auth)
        .set('Content-Type', 'application/xml')
        .send('<testsuites/>');
      expect(upload.status).toBe(403);
      for (const path of [
        '/clusters/default/gke-a/runs',
        '/clusters/default/gke-a/self-assessment',
      ]) {
        expect(
          (
            await request(server)
              .get(`${BASE}${path}`)
              .set('Authorization', auth)
          ).status,
        ).toBe(403);
      }
      const list = await request(server)
        .get(`${BASE}/clusters`)
        .set('Authorization', auth);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({
        items: [],
        totalCount: 0,
        offset: 0,
        limit: 100,
      });
    } finally {
      await backend.stop();
    }
  });
});
