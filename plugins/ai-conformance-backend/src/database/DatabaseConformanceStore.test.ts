import type { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceStore } from './ConformanceStore';
import { DatabaseConformanceStore } from './DatabaseConformanceStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** Stored artifacts of a run, read from the table itself. */
async function artifactsOf(db: Knex, runId: string) {
  const rows = await db('ai_conformance_artifacts')
    .select(['kind', 'size_bytes', 'uploaded_by'])
    .where({ run_id: runId })
    .orderBy('id');
  return rows.map(r => ({
    kind: r.kind,
    sizeBytes: Number(r.size_bytes),
    uploadedBy: r.uploaded_by ?? undefined,
  }));
}

function report(verdict: ConformanceReport['verdict']): ConformanceReport {
  return {
    schemaVersion: 1,
    requirementsVersion: '1.35',
    generatedAt: '2026-01-01T00:00:00.000Z',
    cluster: {
      name: 'a',
      platform: 'gke',
      kubernetesVersion: 'v1.35.0-gke.2232000',
      accelerators: [],
    },
    verdict,
    requirements: [
      {
        id: 'dra_support',
        category: 'accelerators',
        level: 'MUST',
        conditional: false,
        title: 'DRA',
        status: verdict === 'conformant' ? 'pass' : 'fail',
        method: 'passive',
        summary: 's',
        evidence: [],
        remediation: [],
        errors: [],
      },
      {
        id: 'gpu_sharing',
        category: 'accelerators',
        level: 'SHOULD',
        conditional: false,
        title: 'Sharing',
        status: 'unknown',
        method: 'passive',
        summary: 's',
        evidence: [],
        remediation: [],
        errors: [],
      },
    ],
    findings: [],
    stats: { apiRequests: 3, durationMs: 10 },
  };
}

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

describe.each(databases.ids)('DatabaseConformanceStore on %s', databaseId => {
  let db: Knex;
  let store: ConformanceStore;

  beforeAll(async () => {
    db = await databases.init(databaseId);
    store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex: db }),
    });
  });

  it('runs its migrations once and leaves them when told to skip', async () => {
    const again = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex: db }),
    });
    expect(await again.listRuns('resource:default/none', { limit: 1 })).toEqual(
      [],
    );

    const empty = await databases.init(databaseId);
    const skipped = await DatabaseConformanceStore.create({
      database: mockServices.database({
        knex: empty,
        migrations: { skip: true },
      }),
    });
    expect(await empty.schema.hasTable('ai_conformance_runs')).toBe(false);
    const error = await skipped
      .listRuns('resource:default/none', { limit: 1 })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    // "no such table" (SQLite) or "relation ... does not exist" (PostgreSQL)
    expect(error?.message).toMatch(/ai_conformance_runs/);
  });

  it('stores a run through its life and keeps per-requirement results', async () => {
    const ref = 'resource:default/life';
    const created = await store.createRun({
      runId: 'life-1',
      entityRef: ref,
      trigger: 'user',
      createdBy: 'user:default/jane',
      createdAt: at(1),
      dryRunProbes: true,
    });
    expect(created).toMatchObject({ status: 'queued', dryRunProbes: true });
    expect((await store.findActiveRun(ref))?.runId).toBe('life-1');

    await store.markRunning('life-1', at(2));
    await store.updateProgress('life-1', {
      done: 3,
      total: 9,
      phase: 'reads',
    });
    expect((await store.getRun('life-1'))?.progress).toEqual({
      done: 3,
      total: 9,
      phase: 'reads',
    });

    await store.completeRun('life-1', report('conformant'), at(3), {
      artifacts: [
        {
          kind: 'junit',
          contentType: 'application/xml',
          content: '<testsuites/>',
          sha256: 'abc',
          uploadedBy: 'user:default/jane',
          uploadedAt: at(3),
        },
      ],
    });
    const done = await store.getRun('life-1');
    expect(done).toMatchObject({
      status: 'succeeded',
      verdict: 'conformant',
      requirementsVersion: '1.35',
      counts: {
        mustPassed: 1,
        mustTotal: 1,
        shouldPassed: 0,
        shouldTotal: 1,
      },
      createdBy: 'user:default/jane',
    });
    expect(done?.report?.requirements).toHaveLength(2);
    expect(await store.findActiveRun(ref)).toBeUndefined();
    expect((await store.getResultOutcomes(['life-1'])).get('life-1')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'dra_support', status: 'pass' }),
        expect.objectContaining({ id: 'gpu_sharing', status: 'unknown' }),
      ]),
    );
    expect(
      (await store.getResultOutcomes(['life-1'])).get('life-1'),
    ).toHaveLength(2);
    expect(await artifactsOf(db, 'life-1')).toEqual([
      {
        kind: 'junit',
        sizeBytes: 13,
        uploadedBy: 'user:default/jane',
      },
    ]);
  });

  it('lists history newest first with limit and before', async () => {
    const ref = 'resource:default/history';
    for (let i = 1; i <= 5; i++) {
      await store.createRun({
        runId: `h-${i}`,
        entityRef: ref,
        trigger: 'schedule',
        createdAt: at(10 + i),
      });
      await store.failRun(`h-${i}`, 'boom', at(10 + i));
    }
    const page1 = await store.listRuns(ref, { limit: 2 });
    expect(page1.map(r => r.runId)).toEqual(['h-5', 'h-4']);
    const page2 = await store.listRuns(ref, {
      limit: 2,
      before: page1[1].createdAt,
    });
    expect(page2.map(r => r.runId)).toEqual(['h-3', 'h-2']);
    expect(page2[0]).toMatchObject({ status: 'failed', error: 'boom' });
  });

  it('returns the latest succeeded run per cluster', async () => {
    for (const [i, verdict] of [
      [1, 'not-conformant'],
      [2, 'conformant'],
    ] as const) {
      await store.createRun({
        runId: `l-${i}`,
        entityRef: 'resource:default/latest',
        trigger: 'user',
        createdAt: at(30 + i),
      });
      await store.completeRun(`l-${i}`, report(verdict), at(30 + i));
    }
    await store.createRun({
      runId: 'l-3',
      entityRef: 'resource:default/latest',
      trigger: 'user',
      createdAt: at(40),
    });
    await store.failRun('l-3', 'unreachable', at(40));

    expect(
      (await store.getLatestSucceeded('resource:default/latest'))?.verdict,
    ).toBe('conformant');
    expect((await store.getLastRun('resource:default/latest'))?.status).toBe(
      'failed',
    );
    const all = await store.listLatestSucceeded();
    const latest = all.find(r => r.entityRef === 'resource:default/latest');
    expect(latest).toMatchObject({ runId: 'l-2', verdict: 'conformant' });
    expect(latest?.report).toBeUndefined();
    expect(all.find(r => r.entityRef === 'resource:default/life')?.runId).toBe(
      'life-1',
    );
  });

  it('fails runs left unfinished by a crash', async () => {
    await store.createRun({
      runId: 'c-1',
      entityRef: 'resource:default/crash',
      trigger: 'schedule',
      createdAt: at(50),
    });
    await store.markRunning('c-1', at(51));
    await store.createRun({
      runId: 'c-2',
      entityRef: 'resource:default/crash2',
      trigger: 'schedule',
      createdAt: at(50),
    });
    expect(await store.failUnfinishedRuns('interrupted', at(60))).toBe(2);
    expect(await store.getRun('c-1')).toMatchObject({
      status: 'failed',
      error: 'interrupted',
    });
    expect(
      await store.findActiveRun('resource:default/crash2'),
    ).toBeUndefined();
  });

  it('prunes old finished runs with their results and artifacts', async () => {
    const ref = 'resource:default/prune';
    for (let i = 1; i <= 4; i++) {
      await store.createRun({
        runId: `p-${i}`,
        entityRef: ref,
        trigger: 'user',
        createdAt: at(70 + i),
      });
      await store.completeRun(`p-${i}`, report('conformant'), at(70 + i), {
        artifacts: [
          {
            kind: 'snapshot',
            contentType: 'application/json',
            content: '{}',
            sha256: 'x',
            uploadedAt: at(70 + i),
          },
        ],
      });
    }
    expect(await store.pruneRuns(ref, 2)).toBe(2);
    expect(
      (await store.listRuns(ref, { limit: 10 })).map(r => r.runId),
    ).toEqual(['p-4', 'p-3']);
    expect(await artifactsOf(db, 'p-1')).toEqual([]);
    expect((await store.getResultOutcomes(['p-1'])).size).toBe(0);
  });
});
