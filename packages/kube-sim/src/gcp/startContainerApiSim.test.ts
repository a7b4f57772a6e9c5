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

const PARENT = 'projects/ai-platform-dev/locations/us-central1';
/** The trailing arguments of KubernetesObjectApi.patch for a forced server-side apply. */
const SSA = [
  undefined,
  undefined,
  'addons',
  true,
  k8s.PatchStrategy.ServerSideApply,
] as const;

/** A kubeconfig for a created cluster, from its endpoint and CA, with a bearer token. */
function kubeConfigAt(
  cluster: {
    endpoint?: string | null;
    masterAuth?: { clusterCaCertificate?: string | null } | null;
  },
  token: string,
) {
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
  return kc;
}

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
  let kc: k8s.KubeConfig;

  beforeAll(async () => {
    kubeSim = await startKubeSim({
      clusters: [{ name: 'seed', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
    sim = await startContainerApiSim({
      kubeSim,
      delays: { pendingMs: 60, createMs: 200, deleteMs: 100, nodePoolMs: 100 },
      workloadDelayMs: 100,
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

  it('serves a server-side-applied CRD and makes an applied Deployment Available with Running pods', async () => {
    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'clusterqueues.kueue.x-k8s.io' },
      spec: {
        group: 'kueue.x-k8s.io',
        scope: 'Cluster',
        names: {
          kind: 'ClusterQueue',
          plural: 'clusterqueues',
          singular: 'clusterqueue',
          listKind: 'ClusterQueueList',
        },
        versions: [
          {
            name: 'v1beta1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
              },
            },
          },
        ],
      },
    };
    await objects.patch(crd, ...SSA);
    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map(g => g.name)).toContain('kueue.x-k8s.io');
    const servedCrd = await kc
      .makeApiClient(k8s.ApiextensionsV1Api)
      .readCustomResourceDefinition({ name: 'clusterqueues.kueue.x-k8s.io' });
    expect(
      servedCrd.status?.conditions?.find(c => c.type === 'Established')?.status,
    ).toBe('True');
    expect(servedCrd.status?.storedVersions).toEqual(['v1beta1']);
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    await custom.createClusterCustomObject({
      group: 'kueue.x-k8s.io',
      version: 'v1beta1',
      plural: 'clusterqueues',
      body: {
        apiVersion: 'kueue.x-k8s.io/v1beta1',
        kind: 'ClusterQueue',
        metadata: { name: 'cq' },
        spec: {},
      },
    });
    const listed = (await custom.listClusterCustomObject({
      group: 'kueue.x-k8s.io',
      version: 'v1beta1',
      plural: 'clusterqueues',
    })) as { items: unknown[] };
    expect(listed.items).toHaveLength(1);
    // deleting the CRD deletes its objects: created again, it starts empty
    await kc
      .makeApiClient(k8s.ApiextensionsV1Api)
      .deleteCustomResourceDefinition({ name: 'clusterqueues.kueue.x-k8s.io' });
    await new Promise(r => setTimeout(r, 20));
    await objects.patch(crd, ...SSA);
    const relisted = (await custom.listClusterCustomObject({
      group: 'kueue.x-k8s.io',
      version: 'v1beta1',
      plural: 'clusterqueues',
    })) as { items: unknown[] };
    expect(relisted.items).toEqual([]);

    const core = kc.makeApiClient(k8s.CoreV1Api);
    await objects.patch(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'kueue-system' },
      },
      ...SSA,
    );
    await objects.patch(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'kueue-controller-manager',
          namespace: 'kueue-system',
        },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'kueue' } },
          template: {
            metadata: { labels: { app: 'kueue' } },
            spec: {
              containers: [
                {
                  name: 'manager',
                  image: 'registry.k8s.io/kueue/kueue:v0.14.1',
                },
              ],
            },
          },
        },
      },
      ...SSA,
    );
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const fresh = await apps.readNamespacedDeployment({
      name: 'kueue-controller-manager',
      namespace: 'kueue-system',
    });
    expect(fresh.status?.availableReplicas ?? 0).toBe(0);
    let deployment = fresh;
    for (
      let i = 0;
      i < 250 && deployment.status?.availableReplicas !== 2;
      i++
    ) {
      await new Promise(r => setTimeout(r, 20));
      deployment = await apps.readNamespacedDeployment({
        name: 'kueue-controller-manager',
        namespace: 'kueue-system',
      });
    }
    expect(deployment.status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    expect(
      deployment.status?.conditions?.find(c => c.type === 'Available')?.status,
    ).toBe('True');
    expect(deployment.status?.observedGeneration).toBe(
      deployment.metadata?.generation,
    );
    let pods = await core.listNamespacedPod({
      namespace: 'kueue-system',
      labelSelector: 'app=kueue',
    });
    for (
      let i = 0;
      i < 100 &&
      pods.items.filter(p => p.status?.phase === 'Running').length < 2;
      i++
    ) {
      await new Promise(r => setTimeout(r, 20));
      pods = await core.listNamespacedPod({
        namespace: 'kueue-system',
        labelSelector: 'app=kueue',
      });
    }
    expect(pods.items.map(p => p.status?.phase)).toEqual([
      'Running',
      'Running',
    ]);
    expect(pods.items.every(p => p.spec?.nodeName)).toBe(true);
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

  it('creates a DRA pool without device-plugin GPUs; the NVIDIA DRA driver, once applied, publishes its ResourceSlices', async () => {
    const [op] = await client.createCluster({
      parent: PARENT,
      cluster: {
        name: 'dra',
        initialClusterVersion: '1.37',
        releaseChannel: { channel: 'RAPID' },
        nodePools: [
          {
            name: 'default-pool',
            initialNodeCount: 1,
            locations: ['us-central1-a'],
            config: { machineType: 'e2-standard-4' },
          },
          {
            name: 'l4-dra-pool',
            initialNodeCount: 1,
            locations: ['us-central1-a', 'us-central1-b'],
            config: {
              machineType: 'g2-standard-24',
              labels: {
                'gke-no-default-nvidia-gpu-device-plugin': 'true',
                'nvidia.com/gpu.present': 'true',
                'cloud.google.com/gke-nvidia-gpu-dra-driver': 'true',
              },
              accelerators: [
                {
                  acceleratorType: 'nvidia-l4',
                  acceleratorCount: 2,
                  gpuDriverInstallationConfig: {
                    gpuDriverVersion: 'INSTALLATION_DISABLED',
                  },
                },
              ],
            },
          },
        ],
      },
    });
    await waitDone(client, op.name!);
    const [cluster] = await client.getCluster({
      name: `${PARENT}/clusters/dra`,
    });
    expect(cluster.currentMasterVersion).toBe('1.37.0-gke.3503000');
    const token = sim.accessToken();
    const dra = kubeConfigAt(cluster, token);
    const nodes = await dra.makeApiClient(k8s.CoreV1Api).listNode({
      labelSelector: 'cloud.google.com/gke-nodepool=l4-dra-pool',
    });
    expect(nodes.items).toHaveLength(2);
    expect(
      nodes.items[0].metadata?.labels?.[
        'cloud.google.com/gke-gpu-driver-version'
      ],
    ).toBe('disabled');
    expect(nodes.items[0].status?.capacity?.['nvidia.com/gpu']).toBeUndefined();
    const slices = dra.makeApiClient(k8s.ResourceV1Api);
    expect((await slices.listResourceSlice()).items).toEqual([]);

    const objects = k8s.KubernetesObjectApi.makeApiClient(dra);
    await objects.patch(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'nvidia-dra-driver-gpu' },
      },
      ...SSA,
    );
    await objects.patch(
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: {
          name: 'nvidia-dra-driver-gpu-kubelet-plugin',
          namespace: 'nvidia-dra-driver-gpu',
        },
        spec: {
          selector: { matchLabels: { app: 'kubelet-plugin' } },
          template: {
            metadata: { labels: { app: 'kubelet-plugin' } },
            spec: {
              // as the chart selects its nodes
              affinity: {
                nodeAffinity: {
                  requiredDuringSchedulingIgnoredDuringExecution: {
                    nodeSelectorTerms: [
                      {
                        matchExpressions: [
                          {
                            key: 'nvidia.com/gpu.present',
                            operator: 'In',
                            values: ['true'],
                          },
                        ],
                      },
                    ],
                  },
                },
              },
              tolerations: [
                {
                  key: 'nvidia.com/gpu',
                  operator: 'Exists',
                  effect: 'NoSchedule',
                },
              ],
              containers: [
                {
                  name: 'gpus',
                  image: 'nvcr.io/nvidia/k8s-dra-driver-gpu:v25.8.1',
                },
              ],
            },
          },
        },
      },
      ...SSA,
    );
    let published: k8s.V1ResourceSlice[] = [];
    for (let i = 0; i < 100 && published.length < 2; i++) {
      await new Promise(r => setTimeout(r, 20));
      published = (await slices.listResourceSlice()).items;
    }
    expect(published.map(s => s.spec.driver)).toEqual([
      'gpu.nvidia.com',
      'gpu.nvidia.com',
    ]);
    expect(published.map(s => s.spec.nodeName).sort()).toEqual(
      nodes.items.map(n => n.metadata!.name).sort(),
    );
    expect(published[0].spec.devices).toHaveLength(2);
    const plugin = await dra
      .makeApiClient(k8s.AppsV1Api)
      .readNamespacedDaemonSet({
        name: 'nvidia-dra-driver-gpu-kubelet-plugin',
        namespace: 'nvidia-dra-driver-gpu',
      });
    // not on the CPU pool's node
    expect(plugin.status?.desiredNumberScheduled).toBe(2);
    await client.deleteCluster({ name: `${PARENT}/clusters/dra` });
  });

  it('builds a cluster without Gateway API, Managed Prometheus or DCGM when the spec leaves them off', async () => {
    const [op] = await client.createCluster({
      parent: PARENT,
      cluster: {
        name: 'bare',
        initialClusterVersion: '1.35',
        nodePools: [
          {
            name: 'default-pool',
            initialNodeCount: 1,
            config: { machineType: 'e2-standard-8' },
          },
        ],
      },
    });
    await waitDone(client, op.name!);
    const [cluster] = await client.getCluster({
      name: `${PARENT}/clusters/bare`,
    });
    expect(cluster.currentMasterVersion).toBe('1.35.0-gke.2232000');
    const bare = kubeConfigAt(cluster, sim.accessToken());
    const groups = (
      await bare.makeApiClient(k8s.ApisApi).getAPIVersions()
    ).groups.map(g => g.name);
    expect(groups).toContain('resource.k8s.io');
    for (const absent of [
      'gateway.networking.k8s.io',
      'monitoring.googleapis.com',
      'kueue.x-k8s.io',
      'ray.io',
      'custom.metrics.k8s.io',
    ])
      expect(groups).not.toContain(absent);
    const daemonSets = await bare
      .makeApiClient(k8s.AppsV1Api)
      .listDaemonSetForAllNamespaces();
    expect(daemonSets.items.map(d => d.metadata?.name)).not.toContain(
      'dcgm-exporter',
    );
    const nodes = await bare.makeApiClient(k8s.CoreV1Api).listNode();
    expect(nodes.items.map(n => n.status?.capacity?.cpu)).toEqual([
      '8',
      '8',
      '8',
    ]);
    const configMaps = await bare
      .makeApiClient(k8s.CoreV1Api)
      .listNamespacedConfigMap({ namespace: 'kube-system' });
    expect(configMaps.items.map(c => c.metadata?.name)).not.toContain(
      'cluster-autoscaler-status',
    );
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
    const [cluster] = await viaSts.getCluster({
      name: `${PARENT}/clusters/bare`,
    });
    const version = await kubeConfigAt(cluster, token)
      .makeApiClient(k8s.VersionApi)
      .getCode();
    expect(version.gitVersion).toBe('v1.35.0-gke.2232000');
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
