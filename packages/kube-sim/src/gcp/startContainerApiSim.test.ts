import crypto from 'node:crypto';
import fs from 'node:fs';
import { v1 } from '@google-cloud/container';
import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import {
  startContainerApiSim,
  type ContainerApiSim,
} from './startContainerApiSim';
import {
  PARENT,
  kubeConfigAt,
  startGkeDoubles,
  waitDone,
} from './__testUtils__/gkeDoubles';

describe('startContainerApiSim with the real ClusterManagerClient', () => {
  let kubeSim: KubeSim;
  let sim: ContainerApiSim;
  let client: v1.ClusterManagerClient;
  let kc: k8s.KubeConfig;

  let stopAll: () => Promise<void>;

  beforeAll(async () => {
    ({ kubeSim, sim, client, stop: stopAll } = await startGkeDoubles());
  });

  afterAll(() => stopAll());

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
    kc = kubeConfigAt(cluster, token);
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

    const bad = kubeConfigAt(cluster, `${token.slice(0, -4)}AAAA`);
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

  it('creates a node pool whose nodes join the virtual cluster', async () => {
    const [op] = await client.createNodePool({
      parent: `${PARENT}/clusters/ai-new`,
      nodePool: {
        name: 'h100-pool',
        initialNodeCount: 2,
        locations: ['us-central1-a'],
        config: {
          machineType: 'a3-highgpu-8g',
          accelerators: [
            { acceleratorType: 'nvidia-h100-80gb', acceleratorCount: 8 },
          ],
        },
      },
    });
    expect(op.operationType).toBe('CREATE_NODE_POOL');
    await waitDone(client, op.name!);
    const [cluster] = await client.getCluster({
      name: `${PARENT}/clusters/ai-new`,
    });
    expect(cluster.nodePools?.find(p => p.name === 'h100-pool')?.status).toBe(
      'RUNNING',
    );
    const nodes = await kc
      .makeApiClient(k8s.CoreV1Api)
      .listNode({ labelSelector: 'cloud.google.com/gke-nodepool=h100-pool' });
    expect(
      nodes.items.map(n => n.status?.capacity?.['nvidia.com/gpu']),
    ).toEqual(['8', '8']);
    expect(
      nodes.items[0].metadata?.labels?.['cloud.google.com/gke-accelerator'],
    ).toBe('nvidia-h100-80gb');
    await expect(
      client.createNodePool({
        parent: `${PARENT}/clusters/ai-new`,
        nodePool: { name: 'h100-pool' },
      }),
    ).rejects.toMatchObject({ code: 10 });
  });

  it('answers injected 403, 429 and 503 errors for the matching requests, `times` times', async () => {
    sim.setFaults([
      { method: 'POST', path: '/clusters$', status: 403, times: 1 },
      { method: 'POST', path: '/clusters$', status: 429, times: 1 },
      { method: 'GET', path: '/serverConfig$', status: 503, times: 2 },
    ]);
    const create = () =>
      client.createCluster({
        parent: PARENT,
        cluster: { name: 'quota', initialNodeCount: 1 },
      });
    await expect(create()).rejects.toMatchObject({
      code: 7,
      message:
        'Required "container.clusters.create" permission(s) for "projects/ai-platform-dev".',
    });
    await expect(create()).rejects.toMatchObject({
      code: 8,
      message: expect.stringContaining('Insufficient regional quota'),
    });
    const raw = await fetch(`${sim.url}/v1/${PARENT}/serverConfig`, {
      headers: { authorization: `Bearer ${sim.accessToken()}` },
    });
    expect(raw.status).toBe(503);
    expect(await raw.json()).toEqual({
      error: {
        code: 503,
        message: 'The service is currently unavailable.',
        status: 'UNAVAILABLE',
      },
    });
    // the client retries UNAVAILABLE on this idempotent call; the second 503 is the last one
    const [config] = await client.getServerConfig({ name: PARENT });
    expect(config.defaultClusterVersion).toBeTruthy();
    const [op] = await create();
    expect(op.operationType).toBe('CREATE_CLUSTER');
    sim.setFaults([]);
  });

  it('deletes a cluster: STOPPING, then gone from the API and from kube-sim', async () => {
    const [created] = await client.getCluster({
      name: `${PARENT}/clusters/quota`,
    });
    expect(created.status).toBe('PROVISIONING');
    await expect(
      client.deleteCluster({ name: `${PARENT}/clusters/quota` }),
    ).rejects.toMatchObject({
      // HTTP 400 (FAILED_PRECONDITION in the body) → 3 in google-gax's REST transport
      code: 3,
      message: expect.stringContaining(
        'Cluster is running incompatible operation',
      ),
    });
    const [op] = await client.deleteCluster({
      name: `${PARENT}/clusters/ai-new`,
    });
    expect(op.operationType).toBe('DELETE_CLUSTER');
    const [stopping] = await client.getCluster({
      name: `${PARENT}/clusters/ai-new`,
    });
    expect(stopping.status).toBe('STOPPING');
    await waitDone(client, op.name!);
    await expect(
      client.getCluster({ name: `${PARENT}/clusters/ai-new` }),
    ).rejects.toMatchObject({ code: 5 });
    expect(kubeSim.clusters.map(c => c.name)).not.toContain('ai-new');
    await expect(
      kc.makeApiClient(k8s.VersionApi).getCode(),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('external_account credentials get access tokens from the double that the API and the created clusters accept', async () => {
    const viaSts = new v1.ClusterManagerClient({
      ...sim.clientOptions(),
      keyFilename: sim.credentialsFile,
    });
    const [config] = await viaSts.getServerConfig({ name: PARENT });
    expect(config.defaultClusterVersion).toBeTruthy();
    const auth = (
      viaSts as unknown as {
        auth: { getAccessToken(): Promise<string | null | undefined> };
      }
    ).auth;
    const token = (await auth.getAccessToken())!;
    expect(token).toMatch(/^ya29\.sim\./);
    expect(
      sim.requests().some(r => r.path === '/token' && r.status === 200),
    ).toBe(true);
    const [op] = await viaSts.createCluster({
      parent: PARENT,
      cluster: { name: 'federated', initialNodeCount: 1 },
    });
    await waitDone(viaSts, op.name!);
    const [cluster] = await viaSts.getCluster({
      name: `${PARENT}/clusters/federated`,
    });
    const version = await kubeConfigAt(cluster, token)
      .makeApiClient(k8s.VersionApi)
      .getCode();
    expect(version.gitVersion).toBe('v1.34.1-gke.1829001');
    await viaSts.close();

    const exchange = (body: Record<string, string>) =>
      fetch(`${sim.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body).toString(),
      });
    const wrongSubject = await exchange({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: JSON.parse(fs.readFileSync(sim.credentialsFile, 'utf8'))
        .audience,
      subject_token: 'not-the-subject-token',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    });
    expect(wrongSubject.status).toBe(400);
    const forged = await exchange({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: 'e30.e30.c2ln',
    });
    expect(forged.status).toBe(400);
  });

  it('issues an access token for a JWT-bearer assertion signed by the key (at the key file token_uri)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const part = (o: object) =>
      Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({
      iss: sim.key.client_email,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: sim.key.token_uri,
      iat: now,
      exp: now + 600,
    })}`;
    const assertion = `${unsigned}.${crypto
      .sign('RSA-SHA256', Buffer.from(unsigned), sim.key.private_key)
      .toString('base64url')}`;
    const res = await fetch(sim.key.token_uri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
    });
    expect(res.status).toBe(200);
    const { access_token: token } = await res.json();
    expect(sim.acceptsToken(token)).toBe(true);
    expect(sim.acceptsToken(`${token}x`)).toBe(false);
  });

  it('accepts a creation whose operation then fails (operationError): DONE with the error, the cluster in ERROR and no virtual cluster', async () => {
    sim.setFaults([
      {
        method: 'POST',
        path: '/clusters$',
        operationError: {
          code: 8,
          message:
            'GCE_STOCKOUT: the zone does not have enough nvidia-l4 accelerators.',
        },
        times: 1,
      },
    ]);
    const [op] = await client.createCluster({
      parent: PARENT,
      cluster: { name: 'stockout', initialNodeCount: 1 },
    });
    const { op: done } = await waitDone(client, op.name!);
    expect(done.error).toMatchObject({
      code: 8,
      message: expect.stringContaining('GCE_STOCKOUT'),
    });
    const [cluster] = await client.getCluster({
      name: `${PARENT}/clusters/stockout`,
    });
    expect(cluster.status).toBe('ERROR');
    expect(cluster.endpoint).toBe('');
    expect(kubeSim.clusters.map(c => c.name)).not.toContain('stockout');
    // the fault was used up: the next creation succeeds
    const [next] = await client.createCluster({
      parent: PARENT,
      cluster: { name: 'after-stockout', initialNodeCount: 1 },
    });
    expect((await waitDone(client, next.name!)).op.error).toBeFalsy();
  });
});

describe('startContainerApiSim stop', () => {
  it('removes the virtual clusters it created and stops answering', async () => {
    const kubeSim = await startKubeSim({
      clusters: [{ name: 'seed', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
    const sim = await startContainerApiSim({
      kubeSim,
      delays: { pendingMs: 5, createMs: 20 },
    });
    const client = new v1.ClusterManagerClient(sim.clientOptions());
    const [op] = await client.createCluster({
      parent: PARENT,
      cluster: { name: 'short-lived', initialNodeCount: 1 },
    });
    await waitDone(client, op.name!);
    expect(kubeSim.clusters.map(c => c.name)).toEqual(['seed', 'short-lived']);
    await client.close();
    await sim.stop();
    expect(kubeSim.clusters.map(c => c.name)).toEqual(['seed']);
    await expect(
      fetch(`${sim.url}/v1/${PARENT}/serverConfig`),
    ).rejects.toThrow();
    await kubeSim.stop();
  });
});
