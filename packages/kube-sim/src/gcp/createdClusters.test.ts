import { v1 } from '@google-cloud/container';
import * as k8s from '@kubernetes/client-node';
import type { ContainerApiSim } from './startContainerApiSim';
import {
  PARENT,
  SSA,
  kubeConfigAt,
  startGkeDoubles,
  waitDone,
} from './__testUtils__/gkeDoubles';

describe('clusters created through the Container API double', () => {
  let sim: ContainerApiSim;
  let client: v1.ClusterManagerClient;
  let kc: k8s.KubeConfig;
  let stopAll: () => Promise<void>;

  beforeAll(async () => {
    ({ sim, client, stop: stopAll } = await startGkeDoubles());
    const [op] = await client.createCluster({
      parent: PARENT,
      cluster: { name: 'addons', initialNodeCount: 1 },
    });
    await waitDone(client, op.name!);
    const [cluster] = await client.getCluster({
      name: `${PARENT}/clusters/addons`,
    });
    kc = kubeConfigAt(cluster, sim.accessToken());
  });

  afterAll(() => stopAll());

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
});
