import type { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceStore, RunClaim, StoredRun } from './ConformanceStore';
import { DatabaseConformanceStore } from './DatabaseConformanceStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
const claim = (owner: string, now: number, lease = 30): RunClaim => ({
  ownerReplica: owner,
  now: at(now),
  leaseExpiresAt: at(now + lease),
});

function report(): ConformanceReport {
  return {
    schemaVersion: 1,
    requirementsVersion: '1.35',
    generatedAt: at(0),
    cluster: { name: 'a', platform: 'generic', accelerators: [] },
    verdict: 'conformant',
    requirements: [],
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
}

describe.each(databases.ids)('run coordination on %s', databaseId => {
  let db: Knex;
  let store: ConformanceStore;

  beforeEach(async () => {
    db = await databases.init(databaseId);
    store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex: db }),
    });
  });

  const queue = (ref: string, runId: string, n = 0) =>
    store.createActiveRun({
      runId,
      entityRef: ref,
      trigger: 'schedule',
      createdAt: at(n),
    });

  it('keeps one active run per cluster: concurrent inserts return the winner', async () => {
    const ref = 'resource:default/one';
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => queue(ref, `r-${i}`)),
    );
    expect(results.filter(r => r.created)).toHaveLength(1);
    expect(new Set(results.map(r => r.run.runId)).size).toBe(1);
    // The database itself refuses a second active run.
    // (Compared by message: a native driver's error may not be an Error
    // of the test's realm, which `rejects.toThrow()` would not count.)
    const direct = await store
      .createRun({
        runId: 'direct',
        entityRef: ref,
        trigger: 'user',
        createdAt: at(1),
      })
      .then(
        () => 'inserted',
        (error: unknown) => String(error),
      );
    expect(direct).toMatch(/unique/i);
    // An upload is never active: it is stored beside the queued run.
    const upload = await store.recordFinishedRun(
      { runId: 'up', entityRef: ref, trigger: 'upload', createdAt: at(2) },
      report(),
      at(2),
    );
    expect(upload).toMatchObject({
      status: 'succeeded',
      verdict: 'conformant',
    });
    // Once finished, a new run can start.
    const [winner] = results.filter(r => r.created);
    expect(await store.failRun(winner.run.runId, 'stopped', at(3))).toBe(true);
    expect((await queue(ref, 'next', 4)).created).toBe(true);
  });

  it('gives each queued run to exactly one claimer', async () => {
    for (let i = 0; i < 12; i++) {
      await queue(
        `resource:default/q${i}`,
        `q-${String(i).padStart(2, '0')}`,
        i,
      );
    }
    // A run claimed at creation (user-started) is never claimed again.
    await store.createActiveRun({
      runId: 'owned',
      entityRef: 'resource:default/owned',
      trigger: 'user',
      createdAt: at(0),
      ownerReplica: 'a',
      leaseExpiresAt: at(30),
    });
    // Three replicas claim at the same time, each until nothing is left.
    const claims = await Promise.all(
      ['a', 'b', 'c'].map(async owner => {
        const mine: StoredRun[] = [];
        for (;;) {
          const got = await store.claimQueuedRuns(claim(owner, 20), 3);
          if (got.length === 0) return mine;
          mine.push(...got);
        }
      }),
    );
    const ids = claims.flat().map(r => r.runId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(ids).not.toContain('owned');
    for (const [i, owner] of ['a', 'b', 'c'].entries()) {
      expect(claims[i].every(r => r.ownerReplica === owner)).toBe(true);
    }
    expect(await store.claimQueuedRuns(claim('d', 21), 5)).toEqual([]);
    const rows = await db('ai_conformance_runs')
      .select(['run_id', 'owner_replica', 'heartbeat_at'])
      .whereNotNull('owner_replica');
    expect(rows).toHaveLength(13);
  });

  it('fails only runs whose lease expired, once, and never a renewed one', async () => {
    await queue('resource:default/live', 'live');
    await queue('resource:default/dead', 'dead');
    const [live] = await store.claimQueuedRuns(claim('a', 0), 1);
    const [dead] = await store.claimQueuedRuns(claim('b', 0), 1);
    expect([live.runId, dead.runId].sort()).toEqual(['dead', 'live']);
    await store.markRunning(live.runId, at(1), { ownerReplica: 'a' });
    await store.markRunning(dead.runId, at(1), { ownerReplica: 'b' });
    // Replica a's heartbeat renews its lease; b's stops.
    expect(await store.renewLeases(claim('a', 25), [live.runId])).toBe(1);
    expect(await store.renewLeases(claim('a', 25), [dead.runId])).toBe(0);
    expect(await store.failExpiredRuns('interrupted', at(20))).toEqual([]);
    const failed = await Promise.all([
      store.failExpiredRuns('interrupted', at(40)),
      store.failExpiredRuns('interrupted', at(40)),
    ]);
    expect(failed.flat().map(r => r.runId)).toEqual([dead.runId]);
    expect(await store.getRun(live.runId)).toMatchObject({
      status: 'running',
      ownerReplica: 'a',
    });
    expect(await store.getRun(dead.runId)).toMatchObject({
      status: 'failed',
      error: 'interrupted',
    });
    // The replica that lost its run cannot store it any more.
    expect(
      await store.completeRun(dead.runId, report(), at(41), {
        ownerReplica: 'b',
      }),
    ).toBe(false);
    expect(
      await store.failRun(dead.runId, 'late', at(41), { ownerReplica: 'b' }),
    ).toBe(false);
    expect((await store.getRun(dead.runId))?.error).toBe('interrupted');
    // Nor can another replica store a run it does not own.
    expect(
      await store.completeRun(live.runId, report(), at(42), {
        ownerReplica: 'b',
      }),
    ).toBe(false);
    expect(
      await store.completeRun(live.runId, report(), at(42), {
        ownerReplica: 'a',
      }),
    ).toBe(true);
    expect(await store.getRun(live.runId)).toMatchObject({
      status: 'succeeded',
      verdict: 'conformant',
    });
    expect(await store.countActiveRuns([live.runId, dead.runId])).toBe(0);
  });

  it('leaves queued runs nobody claimed yet to the workers', async () => {
    await queue('resource:default/waiting', 'waiting');
    expect(await store.failExpiredRuns('interrupted', at(999))).toEqual([]);
    expect(await store.countActiveRuns(['waiting', 'unknown'])).toBe(1);
  });
});
