import { exampleSpec } from '../__testUtils__/exampleSpec';
import {
  ClusterManagerMethods,
  GkeCluster,
  GkeOperation,
} from './containerApi';
import { createGkeCluster } from './createGkeCluster';
import { planGkeCluster } from './planGkeCluster';
import { SPEC_LABEL, toGkeClusterRequest } from './toGkeClusterRequest';

/** A small in-memory Container API: one operation goes PENDING → RUNNING → DONE. */
function fakeClient(
  options: {
    clusters?: Record<string, GkeCluster>;
    createError?: Error & { code?: number };
    operationError?: { code: number; message: string };
  } = {},
) {
  const clusters = { ...options.clusters };
  const calls: string[] = [];
  let reads = 0;
  let pending: { name: string; cluster: Record<string, unknown> } | undefined;
  const op = (status: string, extra: Partial<GkeOperation> = {}) => ({
    name: 'operation-1',
    status,
    progress: { metrics: [{ name: 'CLUSTER_DEPLOYING', intValue: reads }] },
    ...extra,
  });
  const client: ClusterManagerMethods = {
    async getServerConfig() {
      return [{}];
    },
    async getCluster({ name }) {
      calls.push(`getCluster ${name}`);
      const found = clusters[name];
      if (!found)
        throw Object.assign(new Error('5 NOT_FOUND: no'), { code: 5 });
      return [found];
    },
    async createCluster({ parent, cluster }) {
      calls.push(`createCluster ${parent}`);
      if (options.createError) throw options.createError;
      pending = { name: `${parent}/clusters/${cluster.name}`, cluster };
      return [op('PENDING')];
    },
    async getOperation({ name }) {
      calls.push(`getOperation ${name}`);
      reads++;
      if (reads < 2) return [op('RUNNING')];
      if (pending && !options.operationError) {
        clusters[pending.name] = {
          name: String(pending.cluster.name),
          status: 'RUNNING',
          endpoint: '10.0.0.1',
          currentMasterVersion: '1.34.0-gke.1662000',
          resourceLabels: pending.cluster.resourceLabels as Record<
            string,
            string
          >,
          masterAuth: { clusterCaCertificate: 'Q0E=' },
        };
      }
      return [op('DONE', { error: options.operationError })];
    },
    async close() {},
  };
  return { client, calls, clusters };
}

const plan = planGkeCluster(exampleSpec());
const clusterPath =
  'projects/my-project/locations/us-central1/clusters/gke-ai-dev';

async function run(client: ClusterManagerMethods, log: string[] = []) {
  return createGkeCluster({
    client,
    plan,
    log: m => log.push(m),
    pollIntervalMs: 1,
    timeoutMs: 10_000,
  });
}

describe('createGkeCluster', () => {
  it('creates the cluster, logs the operation progress and returns it running', async () => {
    const fake = fakeClient();
    const log: string[] = [];
    const result = await run(fake.client, log);
    expect(result.reused).toBe(false);
    expect(result.cluster.endpoint).toBe('10.0.0.1');
    expect(log).toEqual(
      expect.arrayContaining([
        'Operation operation-1: PENDING (CLUSTER_DEPLOYING=0)',
        'Operation operation-1: RUNNING (CLUSTER_DEPLOYING=1)',
        'Operation operation-1: DONE (CLUSTER_DEPLOYING=2)',
      ]),
    );
    expect(fake.calls).toContain(
      'getOperation projects/my-project/locations/us-central1/operations/operation-1',
    );
  });

  it('reuses a cluster an earlier run created with the same spec', async () => {
    const digest = (
      toGkeClusterRequest(plan).resourceLabels as Record<string, string>
    )[SPEC_LABEL];
    const fake = fakeClient({
      clusters: {
        [clusterPath]: {
          status: 'RUNNING',
          endpoint: '10.0.0.2',
          resourceLabels: { [SPEC_LABEL]: digest },
        },
      },
    });
    const result = await run(fake.client);
    expect(result.reused).toBe(true);
    expect(fake.calls.some(c => c.startsWith('createCluster'))).toBe(false);
  });

  it('refuses a cluster of that name with another spec or none', async () => {
    const other = fakeClient({
      clusters: {
        [clusterPath]: {
          status: 'RUNNING',
          resourceLabels: { [SPEC_LABEL]: '0000' },
        },
      },
    });
    await expect(run(other.client)).rejects.toThrow(
      /already exists in projects\/my-project\/locations\/us-central1 with a different spec/,
    );
    const foreign = fakeClient({
      clusters: { [clusterPath]: { status: 'RUNNING' } },
    });
    await expect(run(foreign.client)).rejects.toThrow(
      /was not created by this template; choose another name/,
    );
  });

  it('says what to do on quota and permission errors', async () => {
    const quota = fakeClient({
      createError: Object.assign(
        new Error("8 RESOURCE_EXHAUSTED: Quota 'NVIDIA_L4_GPUS' exceeded"),
        { code: 8 },
      ),
    });
    await expect(run(quota.client)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /Quota exhausted in project my-project, region us-central1.*NVIDIA_L4_GPUS.*Request a higher quota/,
      ),
    });
    const denied = fakeClient({
      createError: Object.assign(new Error('7 PERMISSION_DENIED: no'), {
        code: 7,
      }),
    });
    await expect(run(denied.client)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'roles/container.admin (or roles/container.clusterAdmin) and roles/iam.serviceAccountUser',
      ),
    });
  });

  it('fails with the error a finished operation reports', async () => {
    const fake = fakeClient({
      operationError: { code: 8, message: 'Insufficient regional quota' },
    });
    await expect(run(fake.client)).rejects.toThrow(
      /Quota exhausted.*Insufficient regional quota/,
    );
  });
});
