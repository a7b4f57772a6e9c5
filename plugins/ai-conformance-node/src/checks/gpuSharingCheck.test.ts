import { gpuSharingCheck } from './gpuSharingCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  gpuNode,
  node,
  resourceSlice,
} from './lib/__testUtils__/objectFactories';

const opts = { level: 'SHOULD' as const, requirementsVersion: '1.35' };

describe('gpu_sharing', () => {
  it('passes with a GPU memory/core share resource under any vendor name (CCE xGPU)', () => {
    const xgpu = node('g1', {
      labels: { 'nvidia.com/gpu.present': 'true' },
      allocatable: {
        'nvidia.com/gpu': '1',
        'volcano.sh/gpu-mem.128Mi': '120',
        'volcano.sh/gpu-core.percentage': '100',
      },
    });
    const r = run(gpuSharingCheck, { reads: { nodes: [xgpu] } }, opts);
    expect(r.status).toBe('pass');
    expect(
      r.evidence[0].fields?.['status.allocatable[volcano.sh/gpu-mem.128Mi]'],
    ).toBe('120');
    // A whole-GPU resource alone is not sharing.
    const whole = node('g2', {
      labels: { 'nvidia.com/gpu.present': 'true' },
      allocatable: { 'nvidia.com/gpu': '1', 'example.com/gpu': '1' },
    });
    expect(
      run(gpuSharingCheck, { reads: { nodes: [whole] } }, opts).status,
    ).toBe('fail');
  });

  it('passes with a GKE time-sharing node pool', () => {
    const shared = gpuNode('g1', {
      'cloud.google.com/gke-gpu-sharing-strategy': 'time-sharing',
      'cloud.google.com/gke-max-shared-clients-per-gpu': '4',
    });
    const r = run(
      gpuSharingCheck,
      { reads: { nodes: [shared, gpuNode('g2')] } },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(
      r.evidence[0].fields?.[
        'metadata.labels[cloud.google.com/gke-gpu-sharing-strategy]'
      ],
    ).toBe('time-sharing');
  });

  it('passes with MIG resources or partitionable DRA devices', () => {
    const mig = node('a100', {
      labels: { 'nvidia.com/gpu.present': 'true' },
      allocatable: { 'nvidia.com/mig-1g.5gb': '7' },
    });
    expect(run(gpuSharingCheck, { reads: { nodes: [mig] } }, opts).status).toBe(
      'pass',
    );
    const r = run(
      gpuSharingCheck,
      {
        groups: { 'resource.k8s.io': { v1: ['resourceslices'] } },
        reads: {
          nodes: [gpuNode('g1')],
          resourceslices: [resourceSlice('s', 'mig.nvidia.com', 'g1')],
        },
      },
      opts,
    );
    expect(r.status).toBe('pass');
  });

  it('fails when GPU nodes share nothing', () => {
    expect(
      run(gpuSharingCheck, { reads: { nodes: [gpuNode('g1')] } }, opts).status,
    ).toBe('fail');
  });

  it('is not applicable without GPUs (TPU-only counts as no GPU)', () => {
    const tpu = node('t', {
      labels: { 'cloud.google.com/gke-tpu-accelerator': 'tpu-v6e-slice' },
      allocatable: { 'google.com/tpu': '4' },
    });
    expect(run(gpuSharingCheck, { reads: { nodes: [tpu] } }, opts).status).toBe(
      'not-applicable',
    );
  });

  it('is unknown, not fail, when ResourceSlices cannot be read', () => {
    const r = run(
      gpuSharingCheck,
      {
        groups: { 'resource.k8s.io': { v1: ['resourceslices'] } },
        reads: {
          nodes: [gpuNode('g1')],
          resourceslices: failedRead(
            'forbidden',
            'list resource.k8s.io/v1 resourceslices',
            403,
          ),
        },
      },
      opts,
    );
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe(
      'needs list on resourceslices.resource.k8s.io',
    );
  });

  it('is unknown when nodes cannot be listed', () => {
    expect(
      run(
        gpuSharingCheck,
        { reads: { nodes: failedRead('forbidden', 'list v1 nodes', 403) } },
        opts,
      ).status,
    ).toBe('unknown');
  });
});
