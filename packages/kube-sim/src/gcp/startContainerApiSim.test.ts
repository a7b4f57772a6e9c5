import { v1 } from '@google-cloud/container';
import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import {
  startContainerApiSim,
  type ContainerApiSim,
} from './startContainerApiSim';

const PARENT = 'projects/ai-platform-dev/locations/us-central1';

async function waitDone(client: v1.ClusterManagerClient, name: string) {
  const seen: string[] = [];
  for (let i = 0; i < 200; i++) {
    const [op] = await client.getOperation({
      name: `${PARENT}/operations/${name}`,
    });
    seen.push(String(op.status));
    if (op.status === 'DONE') return { op, seen };
    await new Promise(r => setTimeout(r, 20));
  }
  throw new Error(`operation ${name} never finished: ${seen.join(',')}`);
}

describe('startContainerApiSim with the real ClusterManagerClient', () => {
  let kubeSim: KubeSim;
  let sim: ContainerApiSim;
  let client: v1.ClusterManagerClient;

  beforeAll(async () => {
    kubeSim = await startKubeSim({
      clusters: [{ name: 'seed', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
    sim = await startContainerApiSim({
      kubeSim,
      delays: { pendingMs: 60, createMs: 200, deleteMs: 100, nodePoolMs: 100 },
    });
    client = new v1.ClusterManagerClient(sim.clientOptions());
  });

  afterAll(async () => {
    await client.close();
    await sim.stop();
    await kubeSim.stop();
  });

  it('serves getServerConfig with channels as enums', async () => {
    const [config] = await client.getServerConfig({ name: PARENT });
    expect(config.defaultClusterVersion).toBe('1.34.1-gke.1829001');
    expect(config.validMasterVersions).toContain('1.34.0-gke.1662000');
    const regular = config.channels?.find(c => c.channel === 'REGULAR');
    expect(regular?.validVersions).toContain('1.34.1-gke.1829001');
  });

  it('creates a cluster: operation PENDING → RUNNING → DONE, then RUNNING with endpoint and CA reachable with the same credentials', async () => {
    const [op] = await client.createCluster({
      parent: PARENT,
      cluster: {
        name: 'ai-new',
        initialClusterVersion: '1.34.1-gke.1829001',
        releaseChannel: { channel: 'REGULAR' },
        networkConfig: { gatewayApiConfig: { channel: 'CHANNEL_STANDARD' } },
        nodePools: [
          {
            name: 'default-pool',
            initialNodeCount: 1,
            config: { machineType: 'e2-standard-4' },
          },
          {
            name: 'l4-pool',
            initialNodeCount: 1,
            locations: ['us-central1-a'],
            config: {
              machineType: 'g2-standard-8',
              accelerators: [
                {
                  acceleratorType: 'nvidia-l4',
                  acceleratorCount: 1,
                  gpuDriverInstallationConfig: { gpuDriverVersion: 'LATEST' },
                },
              ],
            },
            autoscaling: {
              enabled: true,
              totalMinNodeCount: 1,
              totalMaxNodeCount: 3,
            },
          },
        ],
      },
    });
    expect(op.operationType).toBe('CREATE_CLUSTER');
    expect(op.status).toBe('PENDING');
    const [during] = await client.getCluster({
      name: `${PARENT}/clusters/ai-new`,
    });
    expect(during.status).toBe('PROVISIONING');
    const { op: done, seen } = await waitDone(client, op.name!);
    expect(seen).toContain('RUNNING');
    expect(done.progress?.metrics?.map(m => m.name)).toEqual([
      'STEPS_DONE',
      'STEPS_TOTAL',
    ]);

    const [cluster] = await client.getCluster({
      name: `${PARENT}/clusters/ai-new`,
    });
    expect(cluster.status).toBe('RUNNING');
    expect(cluster.currentMasterVersion).toBe('1.34.1-gke.1829001');
    expect(cluster.endpoint).toBe(
      `${kubeSim.url.replace('https://', '')}/clusters/ai-new`,
    );
    expect(cluster.masterAuth?.clusterCaCertificate).toBe(kubeSim.caData);
    expect(cluster.nodePools?.map(p => [p.name, p.status])).toEqual([
      ['default-pool', 'RUNNING'],
      ['l4-pool', 'RUNNING'],
    ]);

    const token = String(
      await (
        client as unknown as {
          auth: { getRequestHeaders(): Promise<Record<string, string>> };
        }
      ).auth
        .getRequestHeaders()
        .then(
          h =>
            (h as Record<string, string>).Authorization ??
            (h as Record<string, string>).authorization,
        ),
    ).replace(/^Bearer /, '');
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: 'c',
          server: `https://${cluster.endpoint}`,
          caData: cluster.masterAuth!.clusterCaCertificate!,
        },
      ],
      users: [{ name: 'u', token }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.34.1-gke.1829001');
    const nodes = await kc.makeApiClient(k8s.CoreV1Api).listNode();
    const gpuNodes = nodes.items.filter(
      n =>
        n.metadata?.labels?.['cloud.google.com/gke-accelerator'] ===
        'nvidia-l4',
    );
    expect(gpuNodes).toHaveLength(1);
    expect(gpuNodes[0].status?.capacity?.['nvidia.com/gpu']).toBe('1');
    expect(nodes.items).toHaveLength(4);

    const bad = new k8s.KubeConfig();
    bad.loadFromOptions({
      clusters: [
        {
          name: 'c',
          server: `https://${cluster.endpoint}`,
          caData: cluster.masterAuth!.clusterCaCertificate!,
        },
      ],
      users: [{ name: 'u', token: `${token.slice(0, -4)}AAAA` }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    await expect(
      bad.makeApiClient(k8s.VersionApi).getCode(),
    ).rejects.toMatchObject({ code: 401 });
  });

  it('answers 409 ALREADY_EXISTS for an existing name and 400 for a version it does not serve', async () => {
    await expect(
      client.createCluster({
        parent: PARENT,
        cluster: { name: 'ai-new', initialNodeCount: 1 },
      }),
      // google-gax's REST transport maps the HTTP status to a gRPC code: 409 → 10 (ABORTED).
    ).rejects.toMatchObject({
      code: 10,
      message: expect.stringContaining(
        'Already exists: projects/ai-platform-dev/locations/us-central1/clusters/ai-new',
      ),
    });
    await expect(
      client.createCluster({
        parent: PARENT,
        cluster: {
          name: 'other',
          initialClusterVersion: '1.34.0-gke.999999',
          initialNodeCount: 1,
        },
      }),
    ).rejects.toMatchObject({
      code: 3,
      message: expect.stringContaining(
        'Master version "1.34.0-gke.999999" is unsupported',
      ),
    });
  });

  it('refuses a missing or foreign token with 401', async () => {
    const res = await fetch(`${sim.url}/v1/${PARENT}/serverConfig`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.status).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${sim.url}/v1/${PARENT}/serverConfig`, {
      headers: {
        authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln',
      },
    });
    expect(forged.status).toBe(401);
  });
});
