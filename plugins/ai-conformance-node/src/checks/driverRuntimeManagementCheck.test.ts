import { driverRuntimeManagementCheck } from './driverRuntimeManagementCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  gpuNode,
  node,
  resourceSlice,
} from './lib/__testUtils__/objectFactories';

const opts = { level: 'SHOULD' as const, requirementsVersion: '1.35' };
const unlabelled = node('plain-gpu', {
  allocatable: { 'nvidia.com/gpu': '1' },
});

describe('driver_runtime_management', () => {
  it('passes when GPU nodes carry the GKE driver label, with the runtime version', () => {
    const r = run(
      driverRuntimeManagementCheck,
      { reads: { nodes: [gpuNode('g1'), node('cpu')] } },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(r.evidence[0].fields).toMatchObject({
      'metadata.labels[cloud.google.com/gke-gpu-driver-version]': 'latest',
      'status.nodeInfo.containerRuntimeVersion': 'containerd://1.7.24',
    });
  });

  it('accepts DRA driverVersion attributes as evidence', () => {
    const slice = resourceSlice('s', 'gpu.nvidia.com', 'plain-gpu', [
      { name: 'gpu-0', attributes: { driverVersion: { version: '580.65.6' } } },
    ]);
    const r = run(
      driverRuntimeManagementCheck,
      {
        groups: { 'resource.k8s.io': { v1: ['resourceslices'] } },
        reads: { nodes: [unlabelled], resourceslices: [slice] },
      },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(
      r.evidence[0].fields?.['resourceslice.gpu.nvidia.com/driverVersion'],
    ).toBe('580.65.6');
  });

  it('accepts a vendor driver-version label by shape', () => {
    const vendor = gpuNode('g1');
    vendor.metadata.labels = {
      'nvidia.com/gpu.present': 'true',
      'accelerator.example.com/gpu-driver-version': '550.90.07',
    };
    const r = run(
      driverRuntimeManagementCheck,
      { reads: { nodes: [vendor] } },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(
      r.evidence[0].fields?.[
        'metadata.labels[accelerator.example.com/gpu-driver-version]'
      ],
    ).toBe('550.90.07');
  });

  it('is partial when some GPU nodes have no driver version, fail when none has', () => {
    expect(
      run(
        driverRuntimeManagementCheck,
        { reads: { nodes: [gpuNode('g1'), unlabelled] } },
        opts,
      ).status,
    ).toBe('partial');
    expect(
      run(
        driverRuntimeManagementCheck,
        { reads: { nodes: [unlabelled] } },
        opts,
      ).status,
    ).toBe('fail');
  });

  it('is not applicable without accelerator nodes, without the MUST caveat', () => {
    const r = run(
      driverRuntimeManagementCheck,
      { reads: { nodes: [node('cpu')] } },
      opts,
    );
    expect(r.status).toBe('not-applicable');
    expect(r.notes?.join(' ')).not.toContain('#145');
  });

  it('is unknown when nodes cannot be listed', () => {
    expect(
      run(
        driverRuntimeManagementCheck,
        { reads: { nodes: failedRead('timeout', 'list v1 nodes') } },
        opts,
      ).status,
    ).toBe('unknown');
  });
});
