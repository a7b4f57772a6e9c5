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
  ownedBy,
  policyPermissions,
  type Policy,
} from './__testUtils__/policyPermissions';
import { poll } from './__testUtils__/poll';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import request from 'supertest';
import type { Server } from 'node:http';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { expectMatchesSpec } from './__testUtils__/expectMatchesSpec';

jest.setTimeout(90_000);

const BASE = '/api/ai-conformance';
const JANE = 'user:default/jane';
const auth = () => mockCredentials.user.header(JANE);

const owned = (name: string, owner: string): Entity => ({
  ...clusterEntity(name),
  spec: { type: 'kubernetes-cluster', owner },
});
const entities = [
  owned('gke-a', 'group:default/team-a'),
  owned('gke-b', 'group:default/team-b'),
];

const ownedByTeamA = ownedBy('group:default/team-a');

const JUNIT = `<?xml version="1.0"?>
<testsuites><testsuite name="ai-conformance" tests="1"><testcase classname="ai" name="TestDRASupport" time="1"/></testsuite></testsuites>`;

describe('responses to writes reveal no more than reads', () => {
  let sim: KubeSim;
  let server: Server;
  let stop: () => Promise<void>;
  let policy: Policy = {};
  const asked: Array<{ name: string; resourceRef?: string }> = [];

  const upload = (name: string) =>
    request(server)
      .post(`${BASE}/clusters/default/${name}/reports`)
      .set('Authorization', auth())
      .set('Content-Type', 'application/xml')
      .send(JUNIT);
  const createRun = (name: string) =>
    request(server)
      .post(`${BASE}/clusters/default/${name}/runs`)
      .set('Authorization', auth())
      .send({});
  const getRun = (runId: string) =>
    request(server).get(`${BASE}/runs/${runId}`).set('Authorization', auth());

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'gke-a', scenario: 'gke-1.34-conformant' },
        { name: 'gke-b', scenario: 'gke-1.34-conformant' },
      ],
    });
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => policyPermissions(() => policy, asked, entities),
        }),
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              schedule: { enabled: false },
              clusterDeadline: { seconds: 20 },
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
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    await sim?.stop();
  });

  beforeEach(() => {
    asked.length = 0;
  });

  it('serves a finished run whose report names the API server to a reader', async () => {
    // A finished run first, so later uploads merge into a report that names
    // the cluster's API server.
    policy = {};
    const run = await createRun('gke-a');
    expect(run.status).toBe(202);
    const finished = await poll(
      () => getRun(run.body.runId),
      r => r.body.status === 'succeeded' || r.body.status === 'failed',
    );
    expect(finished.body.status).toBe('succeeded');
    expect(finished.body.report.cluster.server).toBe(
      sim.clusters.find(c => c.name === 'gke-a')!.server,
    );
  });

  it('answers an upload with the full report to a caller who may read it', async () => {
    policy = {};
    const res = await upload('gke-a');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'succeeded',
      trigger: 'upload',
      verdict: expect.any(String),
      report: { cluster: { name: 'gke-a' } },
    });
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/reports', res);
  });

  it('answers an upload with only an id and a status under a policy denying report.read', async () => {
    policy = {
      'ai-conformance.report.read': { result: AuthorizeResult.DENY },
    };
    const res = await upload('gke-a');
    expect(res.status).toBe(201);
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/reports', res);
    expect(res.body).toEqual({
      runId: expect.any(String),
      entityRef: 'resource:default/gke-a',
      status: 'succeeded',
      trigger: 'upload',
      progress: expect.any(Object),
      createdAt: expect.any(String),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      createdBy: JANE,
    });
    for (const leak of ['report', 'verdict', 'counts', 'error']) {
      expect(res.body).not.toHaveProperty(leak);
    }
    const server0 = sim.clusters.find(c => c.name === 'gke-a')!.server;
    expect(res.text).not.toContain(server0);
    expect(res.text).not.toMatch(/evidence|conformant|requirementsVersion/);
    // The run exists, and reading it needs report.read.
    expect((await getRun(res.body.runId)).status).toBe(403);
    expect(asked).toContainEqual({
      name: 'ai-conformance.report.upload',
      resourceRef: 'resource:default/gke-a',
    });
  });

  it('answers a run request with only an id and a status under a policy denying report.read', async () => {
    policy = {
      'ai-conformance.report.read': { result: AuthorizeResult.DENY },
    };
    const res = await createRun('gke-b');
    expect(res.status).toBe(202);
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/runs', res);
    expect(Object.keys(res.body).sort()).toEqual(['runId', 'status']);
    expect((await getRun(res.body.runId)).status).toBe(403);
    expect(asked).toContainEqual({
      name: 'ai-conformance.run.create',
      resourceRef: 'resource:default/gke-b',
    });
    // Let it finish before the next test changes the policy.
    policy = {};
    await poll(
      () => getRun(res.body.runId),
      r => r.body.status === 'succeeded' || r.body.status === 'failed',
    );
  });

  it('decides run.create and report.upload per cluster under a conditional policy', async () => {
    policy = {
      'ai-conformance.run.create': ownedByTeamA,
      'ai-conformance.report.upload': ownedByTeamA,
      'ai-conformance.report.read': { result: AuthorizeResult.DENY },
    };
    const allowedUpload = await upload('gke-a');
    expect(allowedUpload.status).toBe(201);
    expect(allowedUpload.body).not.toHaveProperty('report');
    const deniedUpload = await upload('gke-b');
    expect(deniedUpload.status).toBe(403);
    expect(deniedUpload.body.error.message).toBe(
      'Not allowed: ai-conformance.report.upload on resource:default/gke-b',
    );
    expectMatchesSpec(
      'post',
      '/clusters/{namespace}/{name}/reports',
      deniedUpload,
    );

    const deniedRun = await createRun('gke-b');
    expect(deniedRun.status).toBe(403);
    expect(deniedRun.body.error.message).toBe(
      'Not allowed: ai-conformance.run.create on resource:default/gke-b',
    );
    const allowedRun = await createRun('gke-a');
    expect([200, 202]).toContain(allowedRun.status);
    expect(Object.keys(allowedRun.body).sort()).toEqual(['runId', 'status']);
    policy = {};
    await poll(
      () => getRun(allowedRun.body.runId),
      r => r.body.status === 'succeeded' || r.body.status === 'failed',
    );
  });
});
