import { ConfigReader } from '@backstage/config';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { FakeRunner, fakeReport as report } from '../__testUtils__/FakeRunner';
import type { ConformanceStore } from '../database/ConformanceStore';
import { DatabaseConformanceStore } from '../database/DatabaseConformanceStore';
import { ClusterResolver } from './ClusterResolver';
import type { ConformanceRunner } from './ConformanceRunner';
import { RunManager, type RunManagerLimits } from './RunManager';

const TOKEN = 'secret-token-value-123';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('RunManager', () => {
  let store: ConformanceStore;
  const clusters = Array.from({ length: 6 }, (_, i) => ({
    name: `c${i}`,
    url: `https://c${i}.example`,
    serviceAccountToken: TOKEN,
  }));

  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex }),
    });
  });

  function manager(
    runner: ConformanceRunner,
    limits: Partial<RunManagerLimits> = {},
  ) {
    const logger = mockServices.logger.mock();
    const m = new RunManager({
      store,
      runner,
      logger,
      resolver: new ClusterResolver({
        config: new ConfigReader({ aiConformance: { clusters } }),
        catalog: catalogServiceMock(),
        logger,
      }),
      limits: {
        concurrency: 2,
        clusterDeadlineMs: 5_000,
        requestTimeoutMs: 1_000,
        runsPerCluster: 3,
        ...limits,
      },
    });
    return { m, logger };
  }
  const user = {
    trigger: 'user' as const,
    credentials: mockCredentials.user(),
    createdBy: 'user:default/mock',
  };

  it('runs, reports progress and stores the report', async () => {
    let release!: () => void;
    const gate = new Promise<void>(r => (release = r));
    const { m } = manager(
      new FakeRunner(async (t, o) => {
        o.onProgress({ phase: 'reads', done: 2, total: 5 });
        await gate;
        return report(t.name);
      }),
    );
    const { run, created } = await m.requestRun('resource:default/c0', user);
    expect(created).toBe(true);
    await sleep(20);
    expect(await m.getRun(run.runId)).toMatchObject({
      status: 'running',
      progress: { done: 2, total: 5, phase: 'reads' },
    });
    release();
    await m.waitForIdle();
    expect(await m.getRun(run.runId)).toMatchObject({
      status: 'succeeded',
      verdict: 'conformant',
      createdBy: 'user:default/mock',
      report: { cluster: { name: 'c0' } },
    });
  });

  it('returns the queued or running run instead of starting a second one', async () => {
    const runner = new FakeRunner(async t => {
      await sleep(50);
      return report(t.name);
    });
    const { m } = manager(runner);
    const results = await Promise.all([
      m.requestRun('resource:default/c1', user),
      m.requestRun('resource:default/c1', user),
      m.requestRun('resource:default/c1', { ...user, trigger: 'schedule' }),
    ]);
    expect(results.map(r => r.created)).toEqual([true, false, false]);
    expect(new Set(results.map(r => r.run.runId)).size).toBe(1);
    await m.waitForIdle();
    const again = await m.requestRun('resource:default/c1', user);
    expect(again.created).toBe(true);
    await m.waitForIdle();
  });

  it('bounds concurrency and fails a hung cluster at its deadline without delaying others', async () => {
    const runner = new FakeRunner(async (t, o) => {
      if (t.name === 'c0') {
        return new Promise<ConformanceReport>(() => {
          o.signal.addEventListener('abort', () => undefined);
        });
      }
      await sleep(20);
      return report(t.name);
    });
    const { m } = manager(runner, { concurrency: 2, clusterDeadlineMs: 300 });
    const started = Date.now();
    const runs = await Promise.all(
      clusters.map(c => m.requestRun(`resource:default/${c.name}`, user)),
    );
    let healthyDoneAt = 0;
    await Promise.all(
      runs.slice(1).map(async r => {
        while ((await m.getRun(r.run.runId))?.status !== 'succeeded')
          await sleep(5);
        healthyDoneAt = Math.max(healthyDoneAt, Date.now() - started);
      }),
    );
    expect(healthyDoneAt).toBeLessThan(300);
    await m.waitForIdle();
    const hung = await m.getRun(runs[0].run.runId);
    expect(hung?.status).toBe('failed');
    expect(hung?.error).toMatch(
      /Deadline exceeded: cluster c0 did not finish within 300 ms/,
    );
    expect(runner.maxRunning).toBe(2);
  });

  it('never stores or logs the cluster token in errors', async () => {
    const { m, logger } = manager(
      new FakeRunner(async t => {
        throw new Error(`401 for Bearer ${t.token} at ${t.url}`);
      }),
    );
    const { run } = await m.requestRun('resource:default/c2', user);
    await m.waitForIdle();
    const failed = await m.getRun(run.runId);
    expect(failed?.error).toContain('401 for Bearer [redacted]');
    const logged = JSON.stringify([
      logger.info.mock.calls,
      logger.warn.mock.calls,
      logger.error.mock.calls,
    ]);
    expect(logged).toContain('failed');
    expect(logged).not.toContain(TOKEN);
    expect(JSON.stringify(failed)).not.toContain(TOKEN);
  });

  it('throws resolution errors for users and records them for the schedule', async () => {
    const { m } = manager(new FakeRunner(async t => report(t.name)));
    await expect(
      m.requestRun('resource:default/unknown', user),
    ).rejects.toThrow(/No cluster named unknown/);
    const { run } = await m.requestRun('resource:default/unknown', {
      trigger: 'schedule',
      credentials: mockCredentials.service(),
    });
    expect(run).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/No cluster named unknown/),
    });
  });

  it('fails runs left running by a crash and keeps only the configured history', async () => {
    await store.createRun({
      runId: 'old',
      entityRef: 'resource:default/c3',
      trigger: 'schedule',
      createdAt: '2020-01-01T00:00:00.000Z',
    });
    await store.markRunning('old', '2020-01-01T00:00:01.000Z');
    const { m } = manager(new FakeRunner(async t => report(t.name)));
    expect(await m.recoverInterruptedRuns()).toBe(1);
    expect(await m.getRun('old')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Interrupted/),
    });
    for (let i = 0; i < 4; i++) {
      await m.requestRun('resource:default/c3', user);
      await m.waitForIdle();
    }
    const history = await store.listRuns('resource:default/c3', { limit: 10 });
    expect(history).toHaveLength(3);
    expect(history.every(r => r.status === 'succeeded')).toBe(true);
  });

  it('tells listeners about finished runs with the previous one', async () => {
    const { m } = manager(new FakeRunner(async t => report(t.name)));
    const events: Array<{
      run: { runId: string };
      previous?: { runId: string };
    }> = [];
    m.onRunFinished(e => {
      events.push(e);
    });
    const first = await m.requestRun('resource:default/c4', user);
    await m.waitForIdle();
    await sleep(20);
    const second = await m.requestRun('resource:default/c4', user);
    await m.waitForIdle();
    await sleep(20);
    expect(events.map(e => e.run.runId)).toEqual([
      first.run.runId,
      second.run.runId,
    ]);
    expect(events[1].previous?.runId).toBe(first.run.runId);
  });
});
