import { virtualizedAcceleratorCheck } from './virtualizedAcceleratorCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { gpuNode, node } from './lib/__testUtils__/objectFactories';

const opts = { level: 'SHOULD' as const, requirementsVersion: '1.35' };

describe('virtualized_accelerator', () => {
  it('passes when vGPU devices are schedulable', () => {
    const vgpu = node('v1', {
      labels: { 'nvidia.com/vgpu.present': 'true' },
      allocatable: { 'nvidia.com/GRID_A100-4C': '2' },
    });
    const r = run(
      virtualizedAcceleratorCheck,
      { reads: { nodes: [vgpu] } },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(
      r.evidence[0].fields?.['status.allocatable[nvidia.com/GRID_A100-4C]'],
    ).toBe('2');
  });

  it('passes for vGPU guests whose vGPU is published as nvidia.com/gpu', () => {
    const guest = node('g', {
      labels: {
        'nvidia.com/vgpu.present': 'true',
        'nvidia.com/gpu.product': 'NVIDIA-A100-4C',
      },
      allocatable: { 'nvidia.com/gpu': '1' },
    });
    const r = run(
      virtualizedAcceleratorCheck,
      { reads: { nodes: [guest] } },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(r.evidence[0].fields?.['status.allocatable[nvidia.com/gpu]']).toBe(
      '1',
    );
  });

  it('is partial with vGPU labels but no schedulable resource', () => {
    const vgpu = node('v1', { labels: { 'nvidia.com/vgpu.present': 'true' } });
    expect(
      run(virtualizedAcceleratorCheck, { reads: { nodes: [vgpu] } }, opts)
        .status,
    ).toBe('partial');
  });

  it('is not applicable for passthrough GPUs and for CPU-only clusters', () => {
    const gpu = run(
      virtualizedAcceleratorCheck,
      { reads: { nodes: [gpuNode('g')] } },
      opts,
    );
    expect(gpu.status).toBe('not-applicable');
    expect(gpu.summary).toContain('vGPU');
    expect(
      run(virtualizedAcceleratorCheck, { reads: { nodes: [node('c')] } }, opts)
        .summary,
    ).toContain('no accelerator nodes');
  });

  it('is unknown when nodes cannot be listed', () => {
    expect(
      run(
        virtualizedAcceleratorCheck,
        { reads: { nodes: failedRead('error', 'list v1 nodes', 500) } },
        opts,
      ).status,
    ).toBe('unknown');
  });
});
