import type { KubeObject } from '../snapshot/types';
import {
  buildAcceleratorInventory,
  podAcceleratorRequests,
} from './buildAcceleratorInventory';

function node(
  name: string,
  labels: Record<string, string>,
  capacity: Record<string, string>,
  allocatable = capacity,
  ready = true,
): KubeObject {
  return {
    metadata: { name, labels },
    status: {
      capacity,
      allocatable,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  } as KubeObject;
}

function pod(
  name: string,
  nodeName: string,
  requests: Record<string, string>,
  phase = 'Running',
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    metadata: { name, namespace: 'ml' },
    spec: {
      nodeName,
      containers: [{ name: 'main', resources: { requests, limits: requests } }],
      ...extra,
    },
    status: { phase },
  } as KubeObject;
}

const gkeL4 = (i: number, extra: Record<string, string> = {}) =>
  node(
    `gke-l4-${i}`,
    {
      'cloud.google.com/gke-nodepool': 'l4-pool',
      'cloud.google.com/gke-accelerator': 'nvidia-l4',
      'cloud.google.com/gke-gpu-driver-version': 'latest',
      'topology.kubernetes.io/zone': `us-central1-${i % 2 ? 'b' : 'a'}`,
      ...extra,
    },
    { cpu: '8', 'nvidia.com/gpu': '2' },
  );

describe('buildAcceleratorInventory', () => {
  it('groups GPU nodes per pool and accelerator type with allocated from Running pods', () => {
    const inventory = buildAcceleratorInventory({
      nodes: [
        node(
          'cpu-0',
          { 'cloud.google.com/gke-nodepool': 'default-pool' },
          { cpu: '4' },
        ),
        gkeL4(0),
        gkeL4(1),
      ],
      pods: [
        pod('a', 'gke-l4-0', { 'nvidia.com/gpu': '1' }),
        pod('b', 'gke-l4-0', { 'nvidia.com/gpu': '1', cpu: '2' }),
        pod('c', 'gke-l4-1', { 'nvidia.com/gpu': '1' }),
        pod('done', 'gke-l4-1', { 'nvidia.com/gpu': '1' }, 'Succeeded'),
        pod('cpu', 'cpu-0', { cpu: '1' }),
      ],
    });
    expect(inventory.totalNodes).toBe(3);
    expect(inventory.acceleratorNodes).toBe(2);
    expect(inventory.pools).toHaveLength(1);
    const [pool] = inventory.pools;
    expect(pool.pool).toBe('l4-pool');
    expect(pool.poolLabel).toBe('cloud.google.com/gke-nodepool');
    expect(pool.acceleratorType).toBe('nvidia-l4');
    expect(pool.models).toEqual(['nvidia-l4']);
    expect(pool.driverVersions).toEqual(['latest']);
    expect(pool.labels).toMatchObject({
      'cloud.google.com/gke-nodepool': 'l4-pool',
      'cloud.google.com/gke-accelerator': 'nvidia-l4',
    });
    expect(pool.resources).toEqual([
      { resource: 'nvidia.com/gpu', capacity: 4, allocatable: 4, allocated: 3 },
    ]);
    expect(pool.nodes.map(n => [n.name, n.resources[0].allocated])).toEqual([
      ['gke-l4-0', 2],
      ['gke-l4-1', 1],
    ]);
    expect(inventory.totals).toEqual(pool.resources);
  });

  it('keeps allocatable apart from capacity and leaves allocated out when pods are unknown', () => {
    const inventory = buildAcceleratorInventory({
      nodes: [
        node(
          'n0',
          { 'eks.amazonaws.com/nodegroup': 'gpu' },
          { 'nvidia.com/gpu': '4' },
          { 'nvidia.com/gpu': '3' },
          false,
        ),
      ],
      warnings: ['pods: forbidden'],
    });
    expect(inventory.pools[0].pool).toBe('gpu');
    expect(inventory.pools[0].nodes[0].ready).toBe(false);
    expect(inventory.totals).toEqual([
      { resource: 'nvidia.com/gpu', capacity: 4, allocatable: 3 },
    ]);
    expect(inventory.warnings).toEqual(['pods: forbidden']);
  });

  it('splits one pool by accelerator type and counts MIG and TPU resources', () => {
    const inventory = buildAcceleratorInventory({
      nodes: [
        node(
          'mig-0',
          {
            'karpenter.sh/nodepool': 'mixed',
            'k8s.amazonaws.com/accelerator': 'a100',
          },
          { 'nvidia.com/mig-1g.5gb': '7' },
        ),
        node(
          'tpu-0',
          {
            'karpenter.sh/nodepool': 'mixed',
            'cloud.google.com/gke-tpu-accelerator': 'tpu-v6e-slice',
          },
          { 'google.com/tpu': '4' },
        ),
        node('plain', {}, { 'amd.com/gpu': '1' }),
      ],
      pods: [pod('m', 'mig-0', { 'nvidia.com/mig-1g.5gb': '2' })],
    });
    expect(
      inventory.pools.map(p => [p.pool, p.acceleratorType, p.resources]),
    ).toEqual([
      [
        '(no pool label)',
        undefined,
        [
          {
            resource: 'amd.com/gpu',
            capacity: 1,
            allocatable: 1,
            allocated: 0,
          },
        ],
      ],
      [
        'mixed',
        'a100',
        [
          {
            resource: 'nvidia.com/mig-1g.5gb',
            capacity: 7,
            allocatable: 7,
            allocated: 2,
          },
        ],
      ],
      [
        'mixed',
        'tpu-v6e-slice',
        [
          {
            resource: 'google.com/tpu',
            capacity: 4,
            allocatable: 4,
            allocated: 0,
          },
        ],
      ],
    ]);
  });

  it('reads DRA devices, models and driver versions from ResourceSlices', () => {
    const inventory = buildAcceleratorInventory({
      nodes: [
        node('dra-0', { 'cloud.google.com/gke-nodepool': 'dra' }, { cpu: '8' }),
      ],
      pods: [],
      resourceSlices: [
        {
          metadata: { name: 's1' },
          spec: {
            driver: 'gpu.nvidia.com',
            nodeName: 'dra-0',
            pool: { name: 'dra-0' },
            devices: [0, 1].map(i => ({
              name: `gpu-${i}`,
              attributes: {
                productName: { string: 'NVIDIA H100 80GB HBM3' },
                driverVersion: { version: '570.172.8' },
              },
            })),
          },
        } as KubeObject,
      ],
    });
    expect(inventory.draDevices).toEqual([
      {
        driver: 'gpu.nvidia.com',
        node: 'dra-0',
        pool: 'dra-0',
        devices: 2,
        models: ['NVIDIA H100 80GB HBM3'],
        driverVersions: ['570.172.8'],
      },
    ]);
    expect(inventory.pools[0]).toMatchObject({
      pool: 'dra',
      draDevices: 2,
      models: ['NVIDIA H100 80GB HBM3'],
      driverVersions: ['570.172.8'],
      resources: [],
    });
  });

  it('has no pools on a CPU-only cluster', () => {
    const inventory = buildAcceleratorInventory({
      nodes: [node('a', {}, { cpu: '4' }), node('b', {}, { cpu: '4' })],
      pods: [pod('x', 'a', { cpu: '1' })],
    });
    expect(inventory).toMatchObject({
      totalNodes: 2,
      acceleratorNodes: 0,
      pools: [],
      totals: [],
    });
  });
});

describe('podAcceleratorRequests', () => {
  it('sums containers, takes a limit alone as the request, and honours larger init requests', () => {
    const p = pod('p', 'n', { 'nvidia.com/gpu': '1' }, 'Running', {
      containers: [
        { resources: { requests: { 'nvidia.com/gpu': '1' } } },
        { resources: { limits: { 'nvidia.com/gpu': '2' } } },
      ],
      initContainers: [{ resources: { limits: { 'nvidia.com/gpu': '4' } } }],
    });
    expect(Object.fromEntries(podAcceleratorRequests(p))).toEqual({
      'nvidia.com/gpu': 4,
    });
  });
});
