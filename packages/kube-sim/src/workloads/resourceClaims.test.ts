import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { podManifest, simClient } from '../__testUtils__/simClient';

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('DRA allocation', () => {
  let sim: KubeSim;
  let api: ReturnType<typeof simClient>;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.37-conformant' }],
      metrics: false,
      workloads: { startDelayMs: 20, autoscaler: 'stuck' },
    });
    api = simClient(sim.cluster('gke'));
    await api.namespace('dra');
    await api.post(
      '/apis/resource.k8s.io/v1/namespaces/dra/resourceclaimtemplates',
      {
        metadata: { name: 'single-gpu' },
        spec: {
          spec: {
            devices: {
              requests: [
                { name: 'gpu', exactly: { deviceClassName: 'gpu.nvidia.com' } },
              ],
            },
          },
        },
      },
    );
  }, 60_000);
  afterAll(() => sim?.stop());

  const claimPod = (name: string, command = ['nvidia-smi', '-L']) =>
    podManifest(
      name,
      [
        { name: 'gpu', command, claims: ['gpu'] },
        { name: 'other', command: ['nvidia-smi', '-L'] },
      ],
      {
        restartPolicy: 'Never',
        resourceClaims: [
          { name: 'gpu', resourceClaimTemplateName: 'single-gpu' },
        ],
      },
    );

  it('allocates a device from the ResourceSlices and shows it only to the container that names the claim', async () => {
    await api.post(
      '/api/v1/namespaces/dra/pods',
      claimPod('claimer', ['sh', '-c', 'nvidia-smi -L; sleep 0.3']),
    );
    const pod = await api.waitFor(
      '/api/v1/namespaces/dra/pods/claimer',
      p => p.status?.phase === 'Running',
    );
    const claimName = pod.status.resourceClaimStatuses[0].resourceClaimName;
    expect(claimName).toMatch(/^claimer-gpu-[a-z0-9]{5}$/);
    const claim = (
      await api.get(
        `/apis/resource.k8s.io/v1/namespaces/dra/resourceclaims/${claimName}`,
      )
    ).json;
    const result = claim.status.allocation.devices.results[0];
    expect(result).toMatchObject({
      request: 'gpu',
      driver: 'gpu.nvidia.com',
      device: 'gpu-0',
    });
    expect(claim.status.reservedFor).toEqual([
      { resource: 'pods', name: 'claimer', uid: pod.metadata.uid },
    ]);
    const node = (await api.get(`/api/v1/nodes/${pod.spec.nodeName}`)).json;
    expect(node.metadata.labels['cloud.google.com/gke-nodepool']).toBe(
      'l4-dra-pool',
    );
    const slices = (await api.get('/apis/resource.k8s.io/v1/resourceslices'))
      .json.items;
    const slice = slices.find(
      (s: any) => s.spec.nodeName === pod.spec.nodeName,
    );
    const uuid = slice.spec.devices[0].attributes.uuid.string;
    expect(
      (await api.get('/api/v1/namespaces/dra/pods/claimer/log?container=gpu'))
        .body,
    ).toBe(`GPU 0: NVIDIA L4 (UUID: ${uuid})\n`);
    expect(
      (await api.get('/api/v1/namespaces/dra/pods/claimer/log?container=other'))
        .body,
    ).toBe('No devices were found\n');
  });

  it('leaves a second claimant Pending while the only device is held, and schedules it once the holder ended', async () => {
    await api.post(
      '/api/v1/namespaces/dra/pods',
      claimPod('holder', ['sleep', '0.5']),
    );
    await api.waitFor(
      '/api/v1/namespaces/dra/pods/holder',
      p => p.status?.phase === 'Running',
    );
    await api.post('/api/v1/namespaces/dra/pods', claimPod('second'));
    const pod = await api.waitFor('/api/v1/namespaces/dra/pods/second', p =>
      p.status?.conditions?.some((c: any) => c.reason === 'Unschedulable'),
    );
    const cond = pod.status.conditions.find(
      (c: any) => c.type === 'PodScheduled',
    );
    expect(cond.message).toBe(
      '0/8 nodes are available: 1 node(s) had untolerated taint {sandbox.gke.io/runtime: gvisor}, 7 cannot allocate all claims. ' +
        'preemption: 0/8 nodes are available: 8 Preemption is not helpful for scheduling.',
    );
    const holder = await api.waitFor('/api/v1/namespaces/dra/pods/holder', p =>
      ['Succeeded', 'Failed'].includes(p.status?.phase),
    );
    const gone = await api.get(
      `/apis/resource.k8s.io/v1/namespaces/dra/resourceclaims/${holder.status.resourceClaimStatuses[0].resourceClaimName}`,
    );
    expect(gone.status).toBe(404);
    const second = await api.waitFor('/api/v1/namespaces/dra/pods/second', p =>
      ['Succeeded', 'Failed'].includes(p.status?.phase),
    );
    expect(
      (await api.get('/api/v1/namespaces/dra/pods/second/log?container=gpu'))
        .body,
    ).toMatch(/^GPU 0: NVIDIA L4/);
    expect(second.spec.nodeName).toBe(holder.spec.nodeName);
  });
});
