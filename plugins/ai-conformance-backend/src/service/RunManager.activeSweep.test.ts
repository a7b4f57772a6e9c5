import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import type { KubeApiClient } from '@ai-conformance/plugin-ai-conformance-node';
import type { RunMode } from '@ai-conformance/plugin-ai-conformance-common';
import {
  activeRunObjects,
  createRunNamespace,
  simClustersConfig,
  simKubeClient,
} from '../__testUtils__/simClustersConfig';
import type { ConformanceStore } from '../database/ConformanceStore';
import { DatabaseConformanceStore } from '../database/DatabaseConformanceStore';
import { EngineConformanceRunner } from './EngineConformanceRunner';
import { testRunManager } from '../__testUtils__/testRunManager';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ENTITY = 'resource:default/gke';

describe('RunManager after a restart during an active run', () => {
  let sim: KubeSim;
  let store: ConformanceStore;
  let client: KubeApiClient;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.34-conformant' }],
    });
    client = await simKubeClient(sim, 'gke');
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex }),
    });
  });

  const labelledNamespaces = () => activeRunObjects(client);

  /**
   * What a replica that died mid-run leaves: a running run it owned whose
   * lease has expired, and (for an active run) the run's labelled namespace
   * with a pod, its deadline an hour away.
   */
  const killedRun = async (runId: string, mode: RunMode) => {
    const past = new Date(Date.now() - 60_000).toISOString();
    await store.createActiveRun({
      runId,
      entityRef: ENTITY,
      trigger: 'user',
      createdAt: past,
      mode,
      ownerReplica: 'replica-that-died',
      leaseExpiresAt: past,
    });
    await store.markRunning(runId, past);
    const namespace = await createRunNamespace(client, runId);
    return namespace;
  };

  const restarted = () => {
    const runner = new EngineConformanceRunner({
      active: {
        images: {},
        deadlineMs: 60_000,
        cleanupTimeoutMs: 20_000,
        pollIntervalMs: 100,
      },
    });
    const cleanup = jest.spyOn(runner, 'cleanupActiveRun');
    const { runs: m, logger } = testRunManager({
      store,
      runner,
      clusters: simClustersConfig(sim),
      auth: mockServices.auth(),
    });
    return { m, cleanup, logger };
  };

  it('marks the active run interrupted and sweeps its objects by run id', async () => {
    const runId = '7a1b2c3d-0000-4000-8000-00000000000a';
    const namespace = await killedRun(runId, 'active');
    expect(await labelledNamespaces()).toEqual([namespace]);

    const { m, cleanup, logger } = restarted();
    expect(await m.recoverInterruptedRuns()).toBe(1);
    await m.waitForSweeps();

    expect(await store.getRun(runId, { withReport: false })).toMatchObject({
      status: 'failed',
      mode: 'active',
      error: expect.stringMatching(/^Interrupted/),
    });
    expect(cleanup).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'gke' }),
      runId,
    );
    expect(await labelledNamespaces()).toEqual([]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        `Swept the objects of interrupted active run ${runId} on ${ENTITY}: 1 deleted`,
      ),
    );
  });

  it('sweeps nothing for an interrupted passive run', async () => {
    const runId = '7a1b2c3d-0000-4000-8000-00000000000b';
    const namespace = await killedRun(runId, 'passive');
    const { m, cleanup } = restarted();
    expect(await m.recoverInterruptedRuns()).toBe(1);
    await m.waitForSweeps();
    expect(cleanup).not.toHaveBeenCalled();
    // not this run's to remove: it was never an active run's
    expect(await labelledNamespaces()).toEqual([namespace]);
    await client.request({
      method: 'DELETE',
      path: `/api/v1/namespaces/${namespace}`,
      timeoutMs: 5000,
    });
  });
});
