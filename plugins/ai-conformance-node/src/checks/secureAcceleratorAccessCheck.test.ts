import { secureAcceleratorAccessCheck } from './secureAcceleratorAccessCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  daemonSet,
  gpuNode,
  node,
  resourceSlice,
} from './lib/__testUtils__/objectFactories';

const plugin = daemonSet('kube-system', 'nvidia-gpu-device-plugin-small-cos', {
  desired: 2,
});

describe('secure_accelerator_access', () => {
  it('passes when every GPU node publishes nvidia.com/gpu through the device plugin', () => {
    const r = run(secureAcceleratorAccessCheck, {
      reads: {
        nodes: [gpuNode('g1'), gpuNode('g2'), node('cpu')],
        daemonsets: [plugin],
      },
    });
    expect(r.status).toBe('pass');
    const n = r.evidence.find(e => e.object?.name === 'g1');
    expect(n?.fields?.['status.allocatable[nvidia.com/gpu]']).toBe(1);
    expect(n?.fields?.['spec.taints[nvidia.com/gpu]']).toBe(
      'present:NoSchedule',
    );
    expect(r.evidence.some(e => e.object?.kind === 'DaemonSet')).toBe(true);
  });

  it('counts nodes whose GPUs are published through DRA', () => {
    const draNode = node('d1', {
      labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
    });
    const r = run(secureAcceleratorAccessCheck, {
      groups: { 'resource.k8s.io': { v1: ['resourceslices'] } },
      reads: {
        nodes: [draNode],
        resourceslices: [resourceSlice('d1-gpu', 'gpu.nvidia.com', 'd1')],
        daemonsets: [],
      },
    });
    expect(r.status).toBe('pass');
  });

  it('is partial when some GPU nodes publish no device', () => {
    const bare = node('bare', {
      labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
    });
    const r = run(secureAcceleratorAccessCheck, {
      reads: { nodes: [gpuNode('g1'), bare], daemonsets: [] },
    });
    expect(r.status).toBe('partial');
    expect(r.summary).toContain('bare');
  });

  it('fails on a CPU-only cluster without any mechanism, partial with one', () => {
    expect(
      run(secureAcceleratorAccessCheck, {
        reads: { nodes: [node('cpu')], daemonsets: [] },
      }).status,
    ).toBe('fail');
    expect(
      run(secureAcceleratorAccessCheck, {
        reads: {
          nodes: [node('cpu')],
          daemonsets: [
            daemonSet('gpu', 'nvidia-device-plugin', { desired: 0 }),
          ],
        },
      }).status,
    ).toBe('partial');
  });

  it('is unknown for unpublished GPU nodes when ResourceSlices cannot be read', () => {
    const bare = node('bare', {
      labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
    });
    const r = run(secureAcceleratorAccessCheck, {
      groups: { 'resource.k8s.io': { v1: ['resourceslices'] } },
      reads: {
        nodes: [bare],
        daemonsets: [],
        resourceslices: failedRead(
          'timeout',
          'list resource.k8s.io/v1 resourceslices',
        ),
      },
    });
    expect(r.status).toBe('unknown');
  });

  it('is unknown when nodes cannot be listed', () => {
    const r = run(secureAcceleratorAccessCheck, {
      reads: { nodes: failedRead('forbidden', 'list v1 nodes', 403) },
    });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe('needs list on nodes');
  });
});
