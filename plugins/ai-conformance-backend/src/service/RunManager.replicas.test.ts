import { ConfigReader } from '@backstage/config';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FakeRunner, fakeReport as report } from '../__testUtils__/FakeRunner';
import type { ConformanceStore } from '../database/ConformanceStore';
import { DatabaseConformanceStore } from '../database/DatabaseConformanceStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ClusterResolver } from './ClusterResolver';
import type { ConformanceRunner } from './ConformanceRunner';
import { RunManager } from './RunManager';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const clusters = Array.from({ length: 30 }, (_, i) => ({
  name: `c${i}`,
  url: `https://c${i}.example`,
  serviceAccountToken: 'token-value',
}));
const ref = (i: number) => `resource:default/c${i}`;

async function until(what: string, check: () => Promise<boolean>, ms = 15_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out: ${what}`);
    await sleep(25);
  }
}

describe.each(databases.ids)('RunManager replicas on %s', databaseId => {
  let store: ConformanceStore;
  const managers: RunManager[] = [];

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex }),
    });
  });

  afterEach(async () => {
    for (const m of managers.splice(0)) {
      m.stop();
      await m.waitForIdle();
    }
  });

  function replica(
    replicaId: string,
    runner: ConformanceRunner,
    options: { concurrency?: number; leaseMs?: number } = {},
  ) {
    const logger = mockServices.logger.mock();
    const m = new RunManager({
      store,
      runner,
      logger,
      auth: { getOwnServiceCredentials: async () => mockCredentials.service() },
      resolver: new ClusterResolver({
        config: new ConfigReader({ aiConformance: { clusters } }),
        catalog: catalogServiceMock(),
        logger,
      }),
      limits: {
        concurrency: options.concurrency ?? 2,
        clusterDeadlineMs: 10_000,
        requestTimeoutMs: 1_000,
        runsPerCluster: 5,
      },
      coordination: {
        replicaId,
        leaseMs: options.leaseMs ?? 800,
        heartbeatMs: 100,
        pollMs: 50,
      },
    });
    managers.push(m);
    return m;
  }

  it('shares queued runs between replicas and tells listeners once per run', async () => {
    const runner = () =>
      new FakeRunner(async t => {
        await sleep(30);
        return report(t.name);
      });
    const replicas = [replica('a', runner()), replica('b', runner())];
    const heard: string[] = [];
    for (const m of replicas)
      m.onRunFinished(e => void heard.push(e.run.runId));
    const queued: string[] = [];
    for (let i = 0; i < 20; i++) {
      queued.push((await replicas[0].enqueueRun(ref(i))).run.runId);
    }
    // Enqueueing again while queued changes nothing.
    expect((await replicas[1].enqueueRun(ref(0))).created).toBe(false);
    for (const m of replicas) m.start();
    await until(
      'all runs finished',
      async () => (await store.countActiveRuns(queued)) === 0,
    );
    for (const m of replicas) await m.waitForIdle();
    const runs = await Promise.all(
      queued.map(id => store.getRun(id, { withReport: false })),
    );
    expect(runs.every(r => r?.status === 'succeeded')).toBe(true);
    const byOwner = new Map<string, number>();
    for (const r of runs) {
      byOwner.set(r!.ownerReplica!, (byOwner.get(r!.ownerReplica!) ?? 0) + 1);
    }
    expect(byOwner.get('a')).toBeGreaterThan(0);
    expect(byOwner.get('b')).toBeGreaterThan(0);
    expect(heard.sort()).toEqual([...queued].sort());
  });

  it('waits for a run another replica executes', async () => {
    let release!: () => void;
    const gate = new Promise<void>(r => (release = r));
    const a = replica(
      'a',
      new FakeRunner(async (t, o) => {
        if (t.name === 'c6') {
          // Runs until the replica stops.
          await new Promise((_, reject) =>
            o.signal.addEventListener('abort', () => reject(o.signal.reason)),
          );
        }
        await gate;
        return report(t.name);
      }),
    );
    const b = replica('b', new FakeRunner(async t => report(t.name)));
    const { run } = await a.requestRun(ref(5), {
      trigger: 'user',
      credentials: mockCredentials.user(),
    });
    let waited = false;
    const waiting = b.waitForRun(run.runId).then(() => {
      waited = true;
    });
    await sleep(200);
    expect(waited).toBe(false);
    release();
    await waiting;
    expect((await b.getRun(run.runId))?.status).toBe('succeeded');
    // A bounded wait ends at its timeout.
    const { run: hung } = await a.requestRun(ref(6), {
      trigger: 'user',
      credentials: mockCredentials.user(),
    });
    const started = Date.now();
    await b.waitForRun(hung.runId, { timeoutMs: 150 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails the runs of a replica whose lease expired, never the live runs of another', async () => {
    let release!: () => void;
    const gate = new Promise<void>(r => (release = r));
    const live = replica(
      'live',
      new FakeRunner(async (t, o) => {
        o.onProgress({ phase: 'reads', done: 3, total: 9 });
        await gate;
        return report(t.name);
      }),
      { leaseMs: 600 },
    );
    live.start();
    const { run: liveRun } = await live.requestRun(ref(1), {
      trigger: 'user',
      credentials: mockCredentials.user(),
    });
    // A replica that crashed: it claimed a run and never renews its lease.
    await store.createActiveRun({
      runId: 'crashed',
      entityRef: ref(2),
      trigger: 'schedule',
      createdAt: new Date().toISOString(),
      ownerReplica: 'gone',
      leaseExpiresAt: new Date(Date.now() + 600).toISOString(),
    });
    await store.markRunning('crashed', new Date().toISOString());
    // A replica starting now leaves both alone until the lease ends.
    const restarted = replica(
      'restarted',
      new FakeRunner(async t => report(t.name)),
    );
    expect(await restarted.recoverInterruptedRuns()).toBe(0);
    const started = Date.now();
    restarted.start();
    await until(
      'crashed run failed',
      async () => (await store.getRun('crashed'))?.status === 'failed',
    );
    expect(Date.now() - started).toBeLessThan(2 * 600 + 200);
    expect((await store.getRun('crashed'))?.error).toMatch(/Interrupted/);
    // Long after its first lease, the live run still runs, and another
    // replica reads its stored progress.
    await sleep(900);
    expect(await restarted.getRun(liveRun.runId)).toMatchObject({
      status: 'running',
      progress: { done: 3, total: 9, phase: 'reads' },
    });
    release();
    await live.waitForIdle();
    expect(await restarted.getRun(liveRun.runId)).toMatchObject({
      status: 'succeeded',
    });
  });

  it('creates one run when two replicas are asked for the same cluster at once', async () => {
    const runner = () =>
      new FakeRunner(async t => {
        await sleep(50);
        return report(t.name);
      });
    const a = replica('a', runner());
    const b = replica('b', runner());
    const user = {
      trigger: 'user' as const,
      credentials: mockCredentials.user(),
    };
    const results = await Promise.all([
      a.requestRun(ref(3), user),
      b.requestRun(ref(3), user),
      a.requestRun(ref(3), user),
      b.requestRun(ref(3), user),
    ]);
    expect(results.filter(r => r.created)).toHaveLength(1);
    expect(new Set(results.map(r => r.run.runId)).size).toBe(1);
    await a.waitForIdle();
    await b.waitForIdle();
    expect(await store.listRuns(ref(3), { limit: 10 })).toHaveLength(1);
  });
});
