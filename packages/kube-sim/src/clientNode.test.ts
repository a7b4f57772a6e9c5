import * as k8s from '@kubernetes/client-node';
import { startKubeSim } from './server/startKubeSim';
import type { KubeSim } from './types';
import { kubeConfigFor, rawRequest } from './__testUtils__/kubeConfigFor';

// Acceptance: the real @kubernetes/client-node works against kube-sim unmodified.
describe('kube-sim with @kubernetes/client-node', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'prod', scenario: 'gke-1.34-conformant' },
        { name: 'large', scenario: 'large-5000' },
        { name: 'restricted', scenario: 'restricted-rbac' },
        { name: 'old', scenario: 'gke-1.33' },
      ],
      metrics: false,
    });
  }, 60_000);

  afterAll(() => sim?.stop());

  it('lists 5,000 nodes in pages of 500 with continue tokens', async () => {
    const api = kubeConfigFor(sim.cluster('large')).makeApiClient(
      k8s.CoreV1Api,
    );
    const names = new Set<string>();
    let pages = 0;
    let token: string | undefined;
    const remaining: Array<number | undefined> = [];
    do {
      const page = await api.listNode({ limit: 500, _continue: token });
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(500);
      page.items.forEach(n => names.add(n.metadata!.name!));
      token = page.metadata?._continue || undefined;
      remaining.push(page.metadata?.remainingItemCount);
    } while (token);
    expect(pages).toBe(10);
    expect(remaining).toEqual([
      4500,
      4000,
      3500,
      3000,
      2500,
      2000,
      1500,
      1000,
      500,
      undefined,
    ]);
    expect(names.size).toBe(5000);
    const gpuNodes = await api.listNode({
      labelSelector: 'cloud.google.com/gke-accelerator=nvidia-l4',
    });
    expect(gpuNodes.items).toHaveLength(800);
    expect(gpuNodes.items[0].status?.allocatable?.['nvidia.com/gpu']).toBe('4');
  }, 60_000);

  it('reads node details the way a GKE L4 pool shows them', async () => {
    const api = kubeConfigFor(sim.cluster('prod')).makeApiClient(k8s.CoreV1Api);
    const nodes = await api.listNode({
      labelSelector: 'cloud.google.com/gke-nodepool in (l4-pool)',
    });
    expect(nodes.items).toHaveLength(3);
    const node = nodes.items[0];
    expect(node.metadata?.labels?.['cloud.google.com/gke-gpu']).toBe('true');
    expect(node.spec?.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
    ]);
    expect(node.status?.nodeInfo?.containerRuntimeVersion).toMatch(
      /^containerd:\/\/2\.0\./,
    );
  });

  it('serves /version with the scenario gitVersion', async () => {
    const api = kubeConfigFor(sim.cluster('prod')).makeApiClient(
      k8s.VersionApi,
    );
    const info = await api.getCode();
    expect(info.gitVersion).toBe('v1.34.1-gke.1829001');
    expect(info.minor).toBe('34');
  });

  it('lists CRDs and custom objects', async () => {
    const kc = kubeConfigFor(sim.cluster('prod'));
    const crds = await kc
      .makeApiClient(k8s.ApiextensionsV1Api)
      .listCustomResourceDefinition();
    const gatewayClasses = crds.items.find(
      c => c.metadata?.name === 'gatewayclasses.gateway.networking.k8s.io',
    );
    expect(
      gatewayClasses?.metadata?.annotations?.[
        'gateway.networking.k8s.io/bundle-version'
      ],
    ).toBe('v1.4.0');
    expect(
      gatewayClasses?.status?.conditions?.find(c => c.type === 'Established')
        ?.status,
    ).toBe('True');

    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const classes = (await custom.listClusterCustomObject({
      group: 'gateway.networking.k8s.io',
      version: 'v1',
      plural: 'gatewayclasses',
    })) as {
      items: Array<{
        metadata: { name: string };
        spec: { controllerName: string };
      }>;
    };
    expect(classes.items.map(c => c.metadata.name).sort()).toEqual([
      'gke-l7-global-external-managed',
      'gke-l7-gxlb',
      'gke-l7-regional-external-managed',
      'gke-l7-rilb',
    ]);
    expect(new Set(classes.items.map(c => c.spec.controllerName))).toEqual(
      new Set(['networking.gke.io/gateway']),
    );
    const rays = (await custom.listNamespacedCustomObject({
      group: 'ray.io',
      version: 'v1',
      namespace: 'ml-serving',
      plural: 'rayclusters',
    })) as { items: unknown[] };
    expect(rays.items).toHaveLength(1);
  });

  it('makes a new CRD appear in discovery and serves its objects', async () => {
    const kc = kubeConfigFor(sim.cluster('prod'));
    await kc
      .makeApiClient(k8s.ApiextensionsV1Api)
      .createCustomResourceDefinition({
        body: {
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          metadata: { name: 'leaderworkersets.leaderworkerset.x-k8s.io' },
          spec: {
            group: 'leaderworkerset.x-k8s.io',
            scope: 'Namespaced',
            names: {
              kind: 'LeaderWorkerSet',
              plural: 'leaderworkersets',
              singular: 'leaderworkerset',
              listKind: 'LeaderWorkerSetList',
              shortNames: ['lws'],
            },
            versions: [
              {
                name: 'v1',
                served: true,
                storage: true,
                schema: {
                  openAPIV3Schema: {
                    type: 'object',
                    x_kubernetes_preserve_unknown_fields: true,
                  },
                },
              },
            ],
          },
        },
      });
    const resources = await kc
      .makeApiClient(k8s.CustomObjectsApi)
      .getAPIResources({ group: 'leaderworkerset.x-k8s.io', version: 'v1' });
    expect(resources.resources.map(r => r.name)).toContain('leaderworkersets');
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    await custom.createNamespacedCustomObject({
      group: 'leaderworkerset.x-k8s.io',
      version: 'v1',
      namespace: 'ml-serving',
      plural: 'leaderworkersets',
      body: {
        apiVersion: 'leaderworkerset.x-k8s.io/v1',
        kind: 'LeaderWorkerSet',
        metadata: { name: 'llama' },
        spec: { replicas: 2 },
      },
    });
    const got = (await custom.getNamespacedCustomObject({
      group: 'leaderworkerset.x-k8s.io',
      version: 'v1',
      namespace: 'ml-serving',
      plural: 'leaderworkersets',
      name: 'llama',
    })) as {
      metadata: { uid: string };
    };
    expect(got.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers legacy discovery', async () => {
    const kc = kubeConfigFor(sim.cluster('prod'));
    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    const names = groups.groups.map(g => g.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'apps',
        'resource.k8s.io',
        'gateway.networking.k8s.io',
        'kueue.x-k8s.io',
        'ray.io',
        'custom.metrics.k8s.io',
      ]),
    );
    expect(
      groups.groups.find(g => g.name === 'resource.k8s.io')?.preferredVersion
        ?.version,
    ).toBe('v1');
    const core = await kc.makeApiClient(k8s.CoreApi).getAPIVersions();
    expect(core.versions).toEqual(['v1']);
    const coreResources = await kc
      .makeApiClient(k8s.CoreV1Api)
      .getAPIResources();
    expect(
      coreResources.resources.find(r => r.name === 'nodes')?.namespaced,
    ).toBe(false);

    const oldGroups = await kubeConfigFor(sim.cluster('old'))
      .makeApiClient(k8s.ApisApi)
      .getAPIVersions();
    const dra = oldGroups.groups.find(g => g.name === 'resource.k8s.io');
    expect(dra?.versions.map(v => v.version)).toEqual(['v1beta2', 'v1beta1']);
    expect(oldGroups.groups.map(g => g.name)).not.toContain(
      'gateway.networking.k8s.io',
    );
  });

  it('answers aggregated discovery when the client asks for it', async () => {
    const kc = kubeConfigFor(sim.cluster('prod'));
    const accept =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    const res = await rawRequest(kc, '/apis', { headers: { accept } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const doc = JSON.parse(res.body);
    expect(doc.kind).toBe('APIGroupDiscoveryList');
    const gateway = doc.items.find(
      (g: { metadata: { name: string } }) =>
        g.metadata.name === 'gateway.networking.k8s.io',
    );
    const v1 = gateway.versions.find(
      (v: { version: string }) => v.version === 'v1',
    );
    expect(v1.freshness).toBe('Current');
    expect(
      v1.resources.find(
        (r: { resource: string }) => r.resource === 'gatewayclasses',
      ),
    ).toMatchObject({
      scope: 'Cluster',
      responseKind: { kind: 'GatewayClass' },
    });

    const core = JSON.parse(
      (await rawRequest(kc, '/api', { headers: { accept } })).body,
    );
    expect(core.items).toHaveLength(1);
    expect(
      core.items[0].versions[0].resources.map(
        (r: { resource: string }) => r.resource,
      ),
    ).toContain('pods');

    const legacy = await rawRequest(kc, '/apis', {
      headers: { accept: 'application/json' },
    });
    expect(JSON.parse(legacy.body).kind).toBe('APIGroupList');
  });

  it('surfaces a 403 as an ApiException with code 403', async () => {
    const kc = kubeConfigFor(sim.cluster('restricted'));
    const nodes = await kc.makeApiClient(k8s.CoreV1Api).listNode();
    expect(nodes.items.length).toBe(6);
    const error = await kc
      .makeApiClient(k8s.ApiextensionsV1Api)
      .listCustomResourceDefinition()
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(k8s.ApiException);
    expect(error.code).toBe(403);
    const status =
      typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
    expect(status).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
      code: 403,
      message:
        'customresourcedefinitions.apiextensions.k8s.io is forbidden: User "system:serviceaccount:ai-conformance:checker" cannot list resource "customresourcedefinitions" in API group "apiextensions.k8s.io" at the cluster scope',
    });
    const review = await kc
      .makeApiClient(k8s.AuthorizationV1Api)
      .createSelfSubjectAccessReview({
        body: {
          spec: {
            resourceAttributes: {
              verb: 'list',
              group: 'apiextensions.k8s.io',
              resource: 'customresourcedefinitions',
            },
          },
        },
      });
    expect(review.status?.allowed).toBe(false);
    const allowed = await kc
      .makeApiClient(k8s.AuthorizationV1Api)
      .createSelfSubjectAccessReview({
        body: {
          spec: { resourceAttributes: { verb: 'list', resource: 'nodes' } },
        },
      });
    expect(allowed.status?.allowed).toBe(true);
  });

  it('rejects an invalid RayCluster on a dry-run create with the webhook denial', async () => {
    const custom = kubeConfigFor(sim.cluster('prod')).makeApiClient(
      k8s.CustomObjectsApi,
    );
    const body = {
      apiVersion: 'ray.io/v1',
      kind: 'RayCluster',
      metadata: { name: 'invalid-probe' },
      spec: { workerGroupSpecs: [] },
    };
    const error = await custom
      .createNamespacedCustomObject({
        group: 'ray.io',
        version: 'v1',
        namespace: 'ml-serving',
        plural: 'rayclusters',
        body,
        dryRun: 'All',
      })
      .then(
        () => undefined,
        e => e,
      );
    expect(error).toBeInstanceOf(k8s.ApiException);
    expect(error.code).toBe(422);
    const status =
      typeof error.body === 'string' ? JSON.parse(error.body) : error.body;
    expect(status.message).toBe(
      'admission webhook "vraycluster.kb.io" denied the request: RayCluster.ray.io "invalid-probe" is invalid: [spec.headGroupSpec: Required value: headGroupSpec is required, spec.headGroupSpec.template.spec.containers: Required value: headGroupSpec should have at least one container]',
    );

    const valid = {
      ...body,
      metadata: { name: 'valid-probe' },
      spec: {
        headGroupSpec: {
          template: {
            spec: {
              containers: [
                { name: 'ray-head', image: 'rayproject/ray:2.49.0' },
              ],
            },
          },
        },
      },
    };
    const created = (await custom.createNamespacedCustomObject({
      group: 'ray.io',
      version: 'v1',
      namespace: 'ml-serving',
      plural: 'rayclusters',
      body: valid,
      dryRun: 'All',
    })) as {
      metadata: { name: string; uid: string };
    };
    expect(created.metadata.name).toBe('valid-probe');
    const after = (await custom.listNamespacedCustomObject({
      group: 'ray.io',
      version: 'v1',
      namespace: 'ml-serving',
      plural: 'rayclusters',
    })) as { items: unknown[] };
    expect(after.items).toHaveLength(1);
  });
});
