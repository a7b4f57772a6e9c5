import {
  FakeCluster,
  finishPods,
  node,
  unschedulable,
} from './__testUtils__/FakeCluster';
import { labelled, runOne } from './__testUtils__/runOne';
import { secureAcceleratorAccessActive } from './secureAcceleratorAccess';

const GPU = 'GPU 0: NVIDIA L4 (UUID: GPU-11111111-2222-3333-4444-555555555555)';
const NONE = { log: 'No devices were found\n', exitCode: 6 };

function gpuCluster(leaks: (container: string) => boolean) {
  const c = new FakeCluster();
  c.add('/api/v1/nodes', node('cpu-a'));
  c.add('/api/v1/nodes', node('gpu-a', {}, { 'nvidia.com/gpu': '1' }));
  c.tick = cl =>
    finishPods(cl, (_pod, container) =>
      container === 'granted' || leaks(container)
        ? { log: `${GPU}\n`, exitCode: 0 }
        : NONE,
    );
  return c;
}

describe('secure_accelerator_access (active)', () => {
  it('passes when only the granted container sees its one device, and leaves nothing behind', async () => {
    const c = gpuCluster(() => false);
    const run = await runOne(c, secureAcceleratorAccessActive);
    const r = run.results[0];
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('node gpu-a');
    const text = r.evidence.map(e => e.description).join('\n');
    expect(text).toContain(
      'container granted of pod aic-access-granted (granted one device) sees 1 device(s): GPU-11111111',
    );
    expect(text).toContain(
      'container none of pod aic-access-none (no grant) sees 0 device(s)',
    );
    expect(text).toContain(
      'Objects created: Pod aic-run-01234567/aic-access-granted',
    );
    const granted = c.log.find(
      l => l.method === 'POST' && l.path.endsWith('/pods'),
    );
    expect(granted).toBeDefined();
    expect(labelled(c)).toEqual([]);
  });

  it('pins both pods to the GPU node and grants only the first container', async () => {
    const c = gpuCluster(() => false);
    let spec: any;
    c.admit = obj => {
      if (obj.metadata.name === 'aic-access-granted') spec = obj.spec;
      return undefined;
    };
    await runOne(c, secureAcceleratorAccessActive);
    expect(spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'gpu-a' });
    expect(spec.containers[0].resources.limits['nvidia.com/gpu']).toBe('1');
    expect(
      spec.containers[1].resources.limits['nvidia.com/gpu'],
    ).toBeUndefined();
  });

  it('fails naming each container that sees a device it was not granted', async () => {
    const c = gpuCluster(() => true);
    const r = (await runOne(c, secureAcceleratorAccessActive)).results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toContain(
      'container second of pod aic-access-granted has no grant but sees 1 device(s): GPU-11111111',
    );
    expect(r.summary).toContain(
      'container none of pod aic-access-none has no grant but sees 1 device(s)',
    );
    expect(labelled(c)).toEqual([]);
  });

  it('fails when the granted container sees more than its device', async () => {
    const c = gpuCluster(() => false);
    c.tick = cl =>
      finishPods(cl, (_p, container) =>
        container === 'granted'
          ? { log: `${GPU}\nGPU 1: NVIDIA L4 (UUID: GPU-99)\n`, exitCode: 0 }
          : NONE,
      );
    const r = (await runOne(c, secureAcceleratorAccessActive)).results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('was granted one device but sees 2');
  });

  it('is unknown, not fail, when the output is not a device list', async () => {
    const c = gpuCluster(() => false);
    c.tick = cl =>
      finishPods(cl, () => ({
        log: 'Failed to initialize NVML: Unknown Error\n',
        exitCode: 255,
      }));
    const r = (await runOne(c, secureAcceleratorAccessActive)).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('printed no device list');
  });

  it('is unknown with the scheduler message when the pods never start', async () => {
    const c = gpuCluster(() => false);
    c.tick = cl => {
      for (const p of cl.list('pods')) {
        p.status = unschedulable(
          '0/2 nodes are available: 1 Insufficient nvidia.com/gpu.',
        );
      }
    };
    const r = (
      await runOne(c, secureAcceleratorAccessActive, { checkDeadlineMs: 200 })
    ).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('Insufficient nvidia.com/gpu');
    expect(labelled(c)).toEqual([]);
  });

  it('is unknown when no node has an NVIDIA GPU', async () => {
    const c = new FakeCluster();
    c.add('/api/v1/nodes', node('cpu-a'));
    const r = (await runOne(c, secureAcceleratorAccessActive)).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('no accelerator to test');
    expect(c.writes().filter(w => w.path.endsWith('/pods'))).toEqual([]);
  });

  it('is unknown, naming the node, when the only accelerators are not NVIDIA GPUs', async () => {
    const c = new FakeCluster();
    c.add('/api/v1/nodes', node('mi300-a', {}, { 'amd.com/gpu': '8' }));
    const r = (await runOne(c, secureAcceleratorAccessActive)).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain(
      'node mi300-a has accelerators other than NVIDIA GPUs',
    );
    expect(c.writes().filter(w => w.path.endsWith('/pods'))).toEqual([]);
  });

  it('uses a ResourceClaim in DRA mode', async () => {
    const c = new FakeCluster();
    c.add('/api/v1/nodes', node('gpu-dra'));
    c.groups['resource.k8s.io'] = {
      version: 'v1',
      resources: ['resourceslices', 'deviceclasses', 'resourceclaims'],
    };
    c.add('/apis/resource.k8s.io/v1/resourceslices', {
      metadata: { name: 'gpu-dra-slice' },
      spec: {
        driver: 'gpu.nvidia.com',
        nodeName: 'gpu-dra',
        devices: [{ name: 'gpu-0' }],
      },
    });
    c.add('/apis/resource.k8s.io/v1/deviceclasses', {
      metadata: { name: 'gpu.nvidia.com' },
      spec: {},
    });
    let claim: any;
    let pod: any;
    c.admit = obj => {
      if (obj.kind === 'ResourceClaim') claim = obj;
      if (obj.metadata.name === 'aic-access-granted') pod = obj;
      return undefined;
    };
    c.tick = cl =>
      finishPods(cl, (_p, container) =>
        container === 'granted' ? { log: `${GPU}\n`, exitCode: 0 } : NONE,
      );
    const r = (await runOne(c, secureAcceleratorAccessActive)).results[0];
    expect(r.status).toBe('pass');
    expect(claim.spec.devices.requests[0].exactly).toEqual({
      deviceClassName: 'gpu.nvidia.com',
      allocationMode: 'ExactCount',
      count: 1,
    });
    expect(pod.spec.resourceClaims).toEqual([
      { name: 'gpu', resourceClaimName: 'aic-access-gpu' },
    ]);
    expect(pod.spec.containers[0].resources.claims).toEqual([{ name: 'gpu' }]);
    expect(pod.spec.containers[1].resources.claims).toBeUndefined();
    expect(r.evidence[0].fields).toEqual({
      mode: 'dra',
      deviceClass: 'gpu.nvidia.com',
    });
  });
});
