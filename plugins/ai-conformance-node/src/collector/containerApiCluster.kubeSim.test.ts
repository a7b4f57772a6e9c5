import https from 'node:https';
import {
  startContainerApiSim,
  startKubeSim,
  type ContainerApiSim,
  type KubeSim,
} from '@ai-conformance/kube-sim';
import { connectToCluster } from '../cluster/connectToCluster';
import { loadClientNode } from '../cluster/loadClientNode';
import { runConformanceCheck } from './runConformanceCheck';

jest.setTimeout(60_000);

const PARENT = 'projects/ai-platform-dev/locations/us-central1';

describe('a cluster created through the Container API double', () => {
  let kubeSim: KubeSim;
  let api: ContainerApiSim;

  beforeAll(async () => {
    await loadClientNode();
    kubeSim = await startKubeSim({
      clusters: [{ name: 'seed', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
    api = await startContainerApiSim({
      kubeSim,
      delays: { pendingMs: 10, createMs: 50 },
      workloadDelayMs: 50,
    });
  });
  afterAll(async () => {
    await api?.stop();
    await kubeSim?.stop();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api.url}/v1/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.accessToken()}`,
        'content-type': 'application/json',
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return res.json();
  };

  const apply = (server: string, ca: string, path: string, object: object) =>
    new Promise<number>((resolve, reject) => {
      const req = https.request(
        `${server}${path}?fieldManager=addons&force=true`,
        {
          method: 'PATCH',
          ca: Buffer.from(ca, 'base64'),
          headers: {
            authorization: `Bearer ${api.accessToken()}`,
            'content-type': 'application/apply-patch+yaml',
          },
        },
        res => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(object));
    });

  const read = (server: string, ca: string, path: string) =>
    new Promise<any>((resolve, reject) => {
      https
        .get(
          `${server}${path}`,
          {
            ca: Buffer.from(ca, 'base64'),
            headers: { authorization: `Bearer ${api.accessToken()}` },
          },
          res => {
            let text = '';
            res.on('data', c => (text += c));
            res.on('end', () => resolve(JSON.parse(text)));
          },
        )
        .on('error', reject);
    });

  const crd = (group: string, kind: string, plural: string, scope: string) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope,
      names: {
        kind,
        plural,
        singular: kind.toLowerCase(),
        listKind: `${kind}List`,
      },
      versions: [
        {
          name: kind === 'RayCluster' ? 'v1' : 'v1beta1',
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
  });
  const deployment = (
    namespace: string,
    name: string,
    labels: Record<string, string>,
    image: string,
  ) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'manager', image }] },
      },
    },
  });

  it('is not conformant without the add-ons GKE does not manage, and conformant once they are applied', async () => {
    const op = await call('POST', `${PARENT}/clusters`, {
      cluster: {
        name: 'ai-new',
        initialClusterVersion: '1.34.1-gke.1829001',
        releaseChannel: { channel: 'REGULAR' },
        networkConfig: { gatewayApiConfig: { channel: 'CHANNEL_STANDARD' } },
        monitoringConfig: {
          managedPrometheusConfig: { enabled: true },
          componentConfig: { enableComponents: ['SYSTEM_COMPONENTS', 'DCGM'] },
        },
        nodePools: [
          {
            name: 'default-pool',
            initialNodeCount: 1,
            config: { machineType: 'e2-standard-4' },
          },
          {
            name: 'l4-pool',
            initialNodeCount: 1,
            config: {
              machineType: 'g2-standard-8',
              accelerators: [
                {
                  acceleratorType: 'nvidia-l4',
                  acceleratorCount: '1',
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
    for (let i = 0; i < 200; i++) {
      const o = await call('GET', `${PARENT}/operations/${op.name}`);
      if (o.status === 'DONE') break;
      await new Promise(r => setTimeout(r, 20));
    }
    const cluster = await call('GET', `${PARENT}/clusters/ai-new`);
    expect(cluster.status).toBe('RUNNING');
    const server = `https://${cluster.endpoint}`;
    const ca = cluster.masterAuth.clusterCaCertificate;
    const check = async () => {
      const connection = await connectToCluster({
        type: 'explicit',
        name: 'ai-new',
        url: server,
        caData: ca,
        token: api.accessToken(),
      });
      const { report } = await runConformanceCheck(connection, {
        requirementsVersion: '1.34',
        certifiedVersions: Promise.resolve({
          products: [],
          loadedFrom: 'test',
        }),
      });
      return report;
    };

    const before = await check();
    expect(before.verdict).toBe('not-conformant');
    const failing = before.requirements
      .filter(r => r.level === 'MUST' && r.status !== 'pass')
      .map(r => r.id);
    expect(failing.sort()).toEqual(['gang_scheduling', 'robust_controller']);

    const addons: Array<[string, object]> = [
      [
        '/api/v1/namespaces/kueue-system',
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'kueue-system' },
        },
      ],
      [
        '/api/v1/namespaces/ray-system',
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'ray-system' },
        },
      ],
      ...[
        crd('kueue.x-k8s.io', 'ClusterQueue', 'clusterqueues', 'Cluster'),
        crd('kueue.x-k8s.io', 'LocalQueue', 'localqueues', 'Namespaced'),
        crd('kueue.x-k8s.io', 'ResourceFlavor', 'resourceflavors', 'Cluster'),
        crd('kueue.x-k8s.io', 'Workload', 'workloads', 'Namespaced'),
        crd('ray.io', 'RayCluster', 'rayclusters', 'Namespaced'),
      ].map(
        c =>
          [
            `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${c.metadata.name}`,
            c,
          ] as [string, object],
      ),
      [
        '/apis/apps/v1/namespaces/kueue-system/deployments/kueue-controller-manager',
        deployment(
          'kueue-system',
          'kueue-controller-manager',
          {
            'control-plane': 'controller-manager',
            'app.kubernetes.io/name': 'kueue',
          },
          'registry.k8s.io/kueue/kueue:v0.14.1',
        ),
      ],
      [
        '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/kuberay-validating-webhook-configuration',
        {
          apiVersion: 'admissionregistration.k8s.io/v1',
          kind: 'ValidatingWebhookConfiguration',
          metadata: { name: 'kuberay-validating-webhook-configuration' },
          webhooks: [
            {
              name: 'vraycluster.kb.io',
              admissionReviewVersions: ['v1'],
              sideEffects: 'None',
              clientConfig: {
                service: {
                  name: 'kuberay-webhook-service',
                  namespace: 'ray-system',
                  path: '/validate-ray-io-v1-raycluster',
                },
              },
              rules: [
                {
                  apiGroups: ['ray.io'],
                  apiVersions: ['v1'],
                  operations: ['CREATE', 'UPDATE'],
                  resources: ['rayclusters'],
                },
              ],
            },
          ],
        },
      ],
      [
        '/apis/apps/v1/namespaces/ray-system/deployments/kuberay-operator',
        deployment(
          'ray-system',
          'kuberay-operator',
          { 'app.kubernetes.io/name': 'kuberay-operator' },
          'quay.io/kuberay/operator:v1.4.2',
        ),
      ],
    ];
    for (const [path, object] of addons)
      expect(await apply(server, ca, path, object)).toBe(201);
    for (const path of [
      '/apis/apps/v1/namespaces/kueue-system/deployments/kueue-controller-manager',
      '/apis/apps/v1/namespaces/ray-system/deployments/kuberay-operator',
    ]) {
      let available = 0;
      for (let i = 0; i < 250 && available < 1; i++) {
        await new Promise(r => setTimeout(r, 20));
        available =
          (await read(server, ca, path)).status?.availableReplicas ?? 0;
      }
      expect(available).toBe(1);
    }

    const after = await check();
    expect(
      after.requirements
        .filter(r => r.level === 'MUST' && r.status !== 'pass')
        .map(r => [r.id, r.status]),
    ).toEqual([]);
    expect(after.verdict).toBe('conformant');
  });
});
