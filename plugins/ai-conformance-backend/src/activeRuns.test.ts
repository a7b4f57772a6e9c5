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
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import request from 'supertest';
import type { Server } from 'node:http';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { expectMatchesSpec } from './__testUtils__/expectMatchesSpec';
import {
  ownedBy,
  policyPermissions,
  type Policy,
} from './__testUtils__/policyPermissions';
import { poll } from './__testUtils__/poll';
import {
  activeRunObjects,
  simClustersConfig,
  simKubeClient,
} from './__testUtils__/simClustersConfig';

jest.setTimeout(120_000);

const BASE = '/api/ai-conformance';
const auth = () => mockCredentials.user.header('user:default/jane');
const entities = [clusterEntity('gke'), clusterEntity('slow')];

const DENY: PolicyDecision = { result: AuthorizeResult.DENY };
/** Allowed only on clusters owned by team-a (neither cluster here is). */
const onlyTeamA = ownedBy('group:default/team-a');

const ended = (r: request.Response) =>
  r.body.status === 'succeeded' || r.body.status === 'failed';
const SLOW = { timeoutMs: 90_000, intervalMs: 50 };

describe('active runs (POST .../runs with mode active)', () => {
  let sim: KubeSim;
  const backends: Array<{ server: Server; stop: () => Promise<void> }> = [];
  let policy: Policy = {};

  const start = async (active: object) => {
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
              clusterDeadline: { seconds: 20 },
              clusters: simClustersConfig(sim),
              active,
            },
          },
        }),
      ],
    });
    const b = { server: backend.server, stop: () => backend.stop() };
    backends.push(b);
    return b.server;
  };
  let enabled: Server;
  let disabled: Server;

  const createRun = (server: Server, name: string, body: object) =>
    request(server)
      .post(`${BASE}/clusters/default/${name}/runs`)
      .set('Authorization', auth())
      .send(body);
  const getRun = (server: Server, runId: string) =>
    request(server).get(`${BASE}/runs/${runId}`).set('Authorization', auth());
  const history = (server: Server, name: string) =>
    request(server)
      .get(`${BASE}/clusters/default/${name}/runs`)
      .set('Authorization', auth());
  const leftovers = async (name: string) =>
    activeRunObjects(await simKubeClient(sim, name));
  const writes = (name: string) =>
    sim
      .cluster(name)
      .requestLog()
      .filter(r => r.method !== 'GET' && !r.path.includes('accessreviews'));

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'gke', scenario: 'gke-1.34-conformant' },
        { name: 'slow', scenario: 'gke-1.34-conformant' },
      ],
    });
    enabled = await start({
      enabled: true,
      pollInterval: { milliseconds: 100 },
      gangObserve: { seconds: 2 },
      checkDeadline: { seconds: 30 },
      deadline: { seconds: 90 },
    });
    disabled = await start({});
  });

  afterAll(async () => {
    for (const b of backends) await b.stop();
    await sim?.stop();
  });

  it('refuses an active run without ai-conformance.run.active on the cluster (403, nothing created)', async () => {
    policy = { 'ai-conformance.run.active': onlyTeamA };
    const before = writes('gke').length;
    const res = await createRun(enabled, 'gke', { mode: 'active' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Not allowed: ai-conformance.run.active on resource:default/gke',
    );
    expect((await history(enabled, 'gke')).body.items).toEqual([]);
    expect(writes('gke').length).toBe(before);
  });

  it('refuses an active run without ai-conformance.run.create, even with run.active', async () => {
    policy = { 'ai-conformance.run.create': DENY };
    const res = await createRun(enabled, 'gke', { mode: 'active' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/ai-conformance\.run\.create/);
  });

  it('refuses an active run when the backend has not enabled them, saying how', async () => {
    policy = {};
    const res = await createRun(disabled, 'gke', { mode: 'active' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(
      /aiConformance\.active\.enabled: true/,
    );
    expect((await history(disabled, 'gke')).body.items).toEqual([]);
  });

  it('rejects an unknown mode (400)', async () => {
    policy = {};
    const res = await createRun(enabled, 'gke', { mode: 'destructive' });
    expect(res.status).toBe(400);
  });

  it('runs an active run with both permissions: active results, mode in the record, nothing left', async () => {
    policy = {};
    const res = await createRun(enabled, 'gke', { mode: 'active' });
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['runId', 'status']);
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/runs', res);
    const phases = new Set<string>();
    const finished = await poll(
      () => getRun(enabled, res.body.runId),
      r => {
        if (r.body.progress?.phase) phases.add(r.body.progress.phase);
        return ended(r);
      },
      SLOW,
    );
    expect(finished.body).toMatchObject({
      status: 'succeeded',
      mode: 'active',
    });
    expectMatchesSpec('get', '/runs/{runId}', finished);
    const methods = Object.fromEntries(
      finished.body.report.requirements.map((r: any) => [r.id, r.method]),
    );
    expect(methods).toMatchObject({
      secure_accelerator_access: 'active',
      gang_scheduling: 'active',
      robust_controller: 'active',
      cluster_autoscaling: 'active',
    });
    // the live phase went through active steps
    expect([...phases].some(p => p.startsWith('active'))).toBe(true);
    expect(await leftovers('gke')).toEqual([]);
    const items = (await history(enabled, 'gke')).body.items;
    expect(items[0]).toMatchObject({ runId: res.body.runId, mode: 'active' });
  });

  it('answers 409 naming the passive run when an active run is asked for during it; a passive request during an active run gets the active run', async () => {
    policy = {};
    const passive = await createRun(enabled, 'slow', {});
    expect(passive.status).toBe(202);
    const conflict = await createRun(enabled, 'slow', { mode: 'active' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message).toContain(passive.body.runId);
    await poll(() => getRun(enabled, passive.body.runId), ended, SLOW);

    const active = await createRun(enabled, 'slow', { mode: 'active' });
    expect(active.status).toBe(202);
    const again = await createRun(enabled, 'slow', {});
    expect(again.status).toBe(200);
    expect(again.body.runId).toBe(active.body.runId);
    await poll(() => getRun(enabled, active.body.runId), ended, SLOW);
    expect(await leftovers('slow')).toEqual([]);
  });
});
