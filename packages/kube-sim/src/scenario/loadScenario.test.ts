import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listScenarios, loadScenario } from './loadScenario';
import { ScenarioModel } from './ScenarioModel';
import { ClusterStore } from '../store/ClusterStore';

function count(
  store: ClusterStore,
  group: string,
  resource: string,
  filter: (o: any) => boolean = () => true,
) {
  let n = 0;
  for (const [, o] of store.iterate(group, resource)) if (filter(o)) n++;
  return n;
}

describe('bundled scenarios', () => {
  it('ships exactly the documented scenarios', () => {
    expect(listScenarios()).toEqual([
      'adapter-down',
      'eks-1.35',
      'gke-1.33',
      'gke-1.34-conformant',
      'gke-1.34-uncertified',
      'gke-1.35-should',
      'gke-1.37-conformant',
      'hanging',
      'large-5000',
      'restricted-rbac',
      'vanilla-1.36-cpu',
    ]);
  });

  it.each([
    ['gke-1.34-conformant', 'v1.34.1-gke.1829001'],
    ['gke-1.35-should', 'v1.35.2-gke.1842000'],
    ['gke-1.33', 'v1.33.5-gke.1080000'],
    ['gke-1.34-uncertified', 'v1.34.0-gke.1500000'],
    ['eks-1.35', 'v1.35.1-eks-3cfe0ce'],
    ['vanilla-1.36-cpu', 'v1.36.0'],
  ])('%s reports %s', (name, gitVersion) => {
    expect(loadScenario(name).version.gitVersion).toBe(gitVersion);
  });

  it('gke-1.33 has no Gateway API and no Kueue, and serves DRA as beta only', () => {
    const model = new ScenarioModel(loadScenario('gke-1.33'));
    const store = new ClusterStore(model);
    expect(
      count(store, 'apiextensions.k8s.io', 'customresourcedefinitions', o =>
        /gateway\.networking|kueue/.test(o.metadata.name),
      ),
    ).toBe(0);
    expect(
      count(
        store,
        'apps',
        'deployments',
        o => o.metadata.name === 'kueue-controller-manager',
      ),
    ).toBe(0);
    expect(
      model.builtinGroups.find(g => g.group === 'resource.k8s.io')?.versions,
    ).toEqual(['v1beta2', 'v1beta1']);
    expect(count(store, 'ray.io', 'rayclusters')).toBe(1);
  });

  it('gke-1.35-should shows driver versions, time-sharing and DRA attributes', () => {
    const store = new ClusterStore(
      new ScenarioModel(loadScenario('gke-1.35-should')),
    );
    const gpuNodes: any[] = [];
    for (const [, n] of store.iterate('', 'nodes'))
      if (n.metadata.labels?.['cloud.google.com/gke-gpu'] === 'true')
        gpuNodes.push(n);
    expect(gpuNodes).toHaveLength(3);
    expect(
      gpuNodes[0].metadata.labels['cloud.google.com/gke-gpu-sharing-strategy'],
    ).toBe('time-sharing');
    expect(
      gpuNodes[0].metadata.labels['nvidia.com/cuda.driver-version.full'],
    ).toBe('580.95.05');
    expect(gpuNodes[0].status.allocatable['nvidia.com/gpu']).toBe('4');
    const slices: any[] = [];
    for (const [, s] of store.iterate('resource.k8s.io', 'resourceslices'))
      slices.push(s);
    expect(slices).toHaveLength(3);
    expect(slices[0].spec.devices[0].attributes.driverVersion).toEqual({
      version: '580.95.5',
    });
    expect(
      store.get('node.k8s.io', 'runtimeclasses', undefined, 'gvisor'),
    ).toBeDefined();
    const crd = store.get(
      'apiextensions.k8s.io',
      'customresourcedefinitions',
      undefined,
      'httproutes.gateway.networking.k8s.io',
    );
    expect(
      crd?.metadata.annotations?.['gateway.networking.k8s.io/bundle-version'],
    ).toBe('v1.5.0');
  });

  it('large-5000 holds 5,000 nodes and 50,000 pods', () => {
    const store = new ClusterStore(
      new ScenarioModel(loadScenario('large-5000')),
    );
    expect(store.count('', 'nodes')).toBe(5000);
    expect(store.count('', 'pods')).toBe(50000);
    expect(
      count(
        store,
        '',
        'nodes',
        n =>
          n.metadata.labels['cloud.google.com/gke-accelerator'] === 'nvidia-l4',
      ),
    ).toBe(800);
  });

  it('loads a scenario file that extends a bundled one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-test-'));
    const file = path.join(dir, 'mine.yaml');
    fs.writeFileSync(
      file,
      'name: mine\nextends: vanilla-1.36-cpu\nvars: { cluster: mine }\nversion: { gitVersion: v1.36.2 }\nremove: [StorageClass/local-path]\n',
    );
    const scenario = loadScenario(file);
    expect(scenario.version.gitVersion).toBe('v1.36.2');
    expect(scenario.objects?.some(o => o.kind === 'StorageClass')).toBe(false);
    expect(scenario.nodePools?.length).toBe(2);
  });

  it('names the bundled scenarios when one is unknown', () => {
    expect(() => loadScenario('gke-9.99')).toThrow(
      /Unknown scenario "gke-9.99"; bundled scenarios: adapter-down/,
    );
  });

  it('lists and loads the platform corpus as platforms/<name>', () => {
    const corpus = listScenarios('platforms');
    expect(corpus).toContain('platforms/aks-1.34');
    expect(corpus.every(n => n.startsWith('platforms/'))).toBe(true);
    expect(listScenarios()).not.toContain('platforms/aks-1.34');
    expect(() => listScenarios('../x')).toThrow(/Unknown scenario collection/);
    for (const name of corpus) {
      const scenario = loadScenario(name);
      expect(() => new ScenarioModel(scenario)).not.toThrow();
    }
  });

  it('gives corpus nodes their platform provider IDs', () => {
    const store = new ClusterStore(
      new ScenarioModel(loadScenario('platforms/aks-1.34')),
    );
    const ids: string[] = [];
    for (const [, n] of store.iterate('', 'nodes'))
      ids.push(String((n.spec as { providerID?: string }).providerID));
    expect(ids.length).toBeGreaterThan(0);
    expect(
      ids.every(id =>
        /^azure:\/\/\/subscriptions\/.+\/virtualMachines\/\d+$/.test(id),
      ),
    ).toBe(true);
  });

  it('resolves a broken twin against the scenario it extends', () => {
    const twin = loadScenario('platforms/aks-1.34-kaito-down');
    const base = loadScenario('platforms/aks-1.34');
    const kaito = (s: typeof twin) =>
      s.workloads?.filter(w => w.name === 'kaito-workspace');
    expect(kaito(twin)).toEqual([
      expect.objectContaining({ namespace: 'kube-system', unavailable: true }),
    ]);
    expect(kaito(base)?.[0]?.unavailable).toBeUndefined();
    expect(twin.workloads?.length).toBe(base.workloads?.length);
    expect(twin.objects?.length).toBe(base.objects?.length);
  });
});
