import { makeNode } from '../snapshot/__testUtils__/makeSnapshot';
import { summarizeAccelerators } from './summarizeAccelerators';

describe('summarizeAccelerators', () => {
  it('sums GPUs, MIG slices and TPUs per resource and model', () => {
    const nodes = [
      makeNode('a', {
        labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
        capacity: { 'nvidia.com/gpu': '1' },
      }),
      makeNode('b', {
        labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
        capacity: { 'nvidia.com/gpu': '2' },
        allocatable: { 'nvidia.com/gpu': '1' },
      }),
      makeNode('c', {
        labels: { 'nvidia.com/gpu.product': 'A100' },
        capacity: { 'nvidia.com/mig-1g.5gb': '7', 'nvidia.com/gpu': '0' },
      }),
      makeNode('d', {
        labels: { 'cloud.google.com/gke-tpu-accelerator': 'tpu-v6e-slice' },
        capacity: { 'google.com/tpu': '4' },
      }),
      makeNode('e', { capacity: { cpu: '8', 'example.com/dongle': '1' } }),
    ];
    expect(summarizeAccelerators(nodes)).toEqual([
      {
        resource: 'google.com/tpu',
        type: 'tpu-v6e-slice',
        nodes: 1,
        capacity: 4,
        allocatable: 4,
      },
      {
        resource: 'nvidia.com/gpu',
        type: 'nvidia-l4',
        nodes: 2,
        capacity: 3,
        allocatable: 2,
      },
      {
        resource: 'nvidia.com/mig-1g.5gb',
        type: 'A100',
        nodes: 1,
        capacity: 7,
        allocatable: 7,
      },
    ]);
    expect(summarizeAccelerators([])).toEqual([]);
  });
});
