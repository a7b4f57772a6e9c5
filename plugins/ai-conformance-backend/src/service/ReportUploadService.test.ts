import type { Knex } from 'knex';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import {
  collectSnapshot,
  connectToCluster,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ConformanceStore } from '../database/ConformanceStore';
import { DatabaseConformanceStore } from '../database/DatabaseConformanceStore';
import { EngineConformanceRunner } from './EngineConformanceRunner';
import { ReportUploadService, detectUpload } from './ReportUploadService';
import { testRunManager } from '../__testUtils__/testRunManager';

jest.setTimeout(60_000);

describe('detectUpload', () => {
  it('tells snapshots, go test -json and JUnit apart and refuses the rest', () => {
    expect(
      detectUpload(
        'application/json',
        '{"schemaVersion":1,"discovery":{},"reads":{}}',
      ).kind,
    ).toBe('snapshot');
    expect(
      detectUpload(
        'application/json; charset=utf-8',
        '{"Action":"run","Test":"T"}\n{"Action":"pass","Test":"T"}',
      ).kind,
    ).toBe('go-test-json');
    expect(detectUpload('text/xml', '<testsuites></testsuites>').kind).toBe(
      'junit',
    );
    expect(() => detectUpload('application/json', '[1,2]')).toThrow(
      /neither a cluster snapshot/,
    );
    expect(() => detectUpload('application/json', '  ')).toThrow(/empty/);
    expect(() => detectUpload('application/xml', '<html/>')).toThrow(
      /not a JUnit report/,
    );
    expect(() => detectUpload('text/csv', 'a,b')).toThrow(
      /Unsupported content type "text\/csv"/,
    );
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('ReportUploadService', () => {
  let sim: KubeSim;
  let db: Knex;
  let store: ConformanceStore;
  let uploads: ReportUploadService;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'eks-a', scenario: 'eks-1.35' }],
    });
    db = await databases.init('SQLITE_3');
    store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex: db }),
    });
    const runner = new EngineConformanceRunner();
    const { runs } = testRunManager({ store, runner });
    uploads = new ReportUploadService({ store, runner, runs });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('evaluates an uploaded snapshot and stores it with the uploader', async () => {
    const c = sim.cluster('eks-a');
    const connection = await connectToCluster({
      type: 'explicit',
      name: 'eks-a',
      url: c.server,
      caData: c.caData,
      token: c.token,
    });
    const snapshot = await collectSnapshot(connection, { deadlineMs: 30_000 });
    const body = JSON.stringify(snapshot);
    expect(body).not.toContain(c.token);

    const run = await uploads.upload('resource:default/eks-a', {
      contentType: 'application/json',
      body,
      uploadedBy: 'user:default/jane',
    });
    expect(run).toMatchObject({
      status: 'succeeded',
      trigger: 'upload',
      createdBy: 'user:default/jane',
      report: {
        cluster: { name: 'eks-a', platform: 'eks' },
        requirementsVersion: '1.35',
      },
    });
    const [artifact] = await db('ai_conformance_artifacts').where({
      run_id: run.runId,
    });
    expect(artifact).toMatchObject({
      kind: 'snapshot',
      uploaded_by: 'user:default/jane',
      size_bytes: Buffer.byteLength(body),
    });
    expect(artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('merges official-suite results into the latest report', async () => {
    const before = (await store.getLatestSucceeded('resource:default/eks-a'))!
      .report!;
    const junit = `<testsuites><testsuite name="s" tests="1" failures="1"><testcase name="TestGangScheduling" classname="x"><failure message="boom">boom</failure></testcase></testsuite></testsuites>`;
    const run = await uploads.upload('resource:default/eks-a', {
      contentType: 'application/xml',
      body: junit,
    });
    const gang = run.report!.requirements.find(r => r.id === 'gang_scheduling');
    expect(
      before.requirements.find(r => r.id === 'gang_scheduling')?.status,
    ).not.toBe('fail');
    expect(gang).toMatchObject({ status: 'fail', method: 'artifact' });
    expect(run.report!.verdict).toBe('not-conformant');
  });

  it('refuses an incomplete snapshot', async () => {
    await expect(
      uploads.upload('resource:default/eks-a', {
        contentType: 'application/json',
        body: JSON.stringify({ schemaVersion: 1, discovery: {}, reads: {} }),
      }),
    ).rejects.toThrow(
      /Invalid cluster snapshot: collectedAt: Required; cluster: Required; version: Required/,
    );
  });

  it('refuses a snapshot whose metrics sample is malformed, naming the field', async () => {
    const c = sim.cluster('eks-a');
    const snapshot = await collectSnapshot(
      await connectToCluster({
        type: 'explicit',
        name: 'eks-a',
        url: c.server,
        caData: c.caData,
        token: c.token,
      }),
      { deadlineMs: 30_000 },
    );
    await expect(
      uploads.upload('resource:default/eks-a', {
        contentType: 'application/json',
        body: JSON.stringify({
          ...snapshot,
          metrics: { source: 'x', sampledAt: 'now', samples: 'lots' },
        }),
      }),
    ).rejects.toThrow(/Invalid cluster snapshot: metrics/);
  });
});
