import https from 'node:https';
import { startKubeSim } from '@ai-conformance/kube-sim';
import { connectToCluster } from '../cluster/connectToCluster';
import { loadClientNode } from '../cluster/loadClientNode';
import { readAcceleratorInventory } from './readAcceleratorInventory';

jest.setTimeout(60_000);

type Sim = Awaited<ReturnType<typeof startKubeSim>>;

describe('readAcceleratorInventory', () => {
  let sim: Sim;
  beforeAll(async () => {
    await loadClientNode();
    sim = await startKubeSim({
      metrics: false,
      clusters: [
        { name: 'gke', scenario: 'gke-1.34-conformant' },
        { name: 'eks', scenario: 'eks-1.35' },
        { name: 'cpu', scenario: 'vanilla-1.36-cpu' },
        {
          name: 'gke-nopods',
          scenario: 'gke-1.34-conformant',
          faults: [{ path: '^/api/v1/pods', errorRate: 1, status: 403 }],
        },
      ],
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const connect = (name: string) => {
    const cluster = sim.cluster(name);
    return connectToCluster({
      type: 'explicit',
      name,
      url: cluster.server,
      caData: cluster.caData,
      token: cluster.token,
    });
  };

  /** What the API server holds, read independently of the inventory code. */
  async function expectedGpuCounts(name: string, resource: string) {
    const store = sim.cluster(name);
    const headers = { Authorization: `Bearer ${store.token}` };
    const agent = { ca: Buffer.from(store.caData, 'base64').toString() };
    const get = (path: string) => {
      return new Promise<any>((resolve, reject) => {
        https
          .get(`${store.server}${path}`, { headers, ...agent }, res => {
            let body = '';
            res.on('data', c => (body += c));
            res.on('end', () => resolve(JSON.parse(body)));
          })
          .on('error', reject);
      });
    };
    const nodes = (await get('/api/v1/nodes')).items as any[];
    const pods = (await get('/api/v1/pods')).items as any[];
    let capacity = 0;
    let allocatable = 0;
    let allocated = 0;
    for (const n of nodes) {
      capacity += Number(n.status.capacity?.[resource] ?? 0);
      allocatable += Number(n.status.allocatable?.[resource] ?? 0);
    }
    for (const p of pods) {
      if (p.status?.phase !== 'Running' || !p.spec.nodeName) continue;
      for (const c of p.spec.containers)
        allocated += Number(
          c.resources?.requests?.[resource] ??
            c.resources?.limits?.[resource] ??
            0,
        );
    }
    return { capacity, allocatable, allocated, nodes: nodes.length };
  }

  it('reads GPU pools of a GKE cluster with allocated vs allocatable', async () => {
    const inventory = await readAcceleratorInventory(await connect('gke'));
    const expected = await expectedGpuCounts('gke', 'nvidia.com/gpu');
    expect(expected.capacity).toBeGreaterThan(0);
    expect(inventory.totalNodes).toBe(expected.nodes);
    expect(inventory.totals).toEqual([
      {
        resource: 'nvidia.com/gpu',
        capacity: expected.capacity,
        allocatable: expected.allocatable,
        allocated: expected.allocated,
      },
    ]);
    expect(expected.allocated).toBeGreaterThan(0);
    const l4 = inventory.pools.find(p => p.pool === 'l4-pool');
    expect(l4).toMatchObject({
      poolLabel: 'cloud.google.com/gke-nodepool',
      acceleratorType: 'nvidia-l4',
      labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
    });
    expect(l4!.nodes.length).toBeGreaterThan(0);
    expect(inventory.warnings).toEqual([]);
  });

  it('reads an EKS-like cluster by its node groups', async () => {
    const inventory = await readAcceleratorInventory(await connect('eks'), {
      pageSize: 2,
    });
    const expected = await expectedGpuCounts('eks', 'nvidia.com/gpu');
    expect(inventory.totalNodes).toBe(expected.nodes);
    expect(inventory.pools.length).toBeGreaterThan(0);
    for (const pool of inventory.pools)
      expect(pool.poolLabel).toBe('eks.amazonaws.com/nodegroup');
    const gpu = inventory.totals.find(t => t.resource === 'nvidia.com/gpu');
    expect(gpu).toEqual({
      resource: 'nvidia.com/gpu',
      capacity: expected.capacity,
      allocatable: expected.allocatable,
      allocated: expected.allocated,
    });
  });

  it('finds no accelerators on a CPU-only cluster', async () => {
    const inventory = await readAcceleratorInventory(await connect('cpu'));
    expect(inventory.totalNodes).toBeGreaterThan(0);
    expect(inventory.acceleratorNodes).toBe(0);
    expect(inventory.pools).toEqual([]);
  });

  it('keeps capacity when pods are forbidden and says why allocated is missing', async () => {
    const inventory = await readAcceleratorInventory(
      await connect('gke-nopods'),
    );
    expect(inventory.totals[0].capacity).toBeGreaterThan(0);
    expect(inventory.totals[0].allocated).toBeUndefined();
    expect(inventory.warnings.join(' ')).toMatch(
      /Running pods could not be read.*403/,
    );
  });
});
