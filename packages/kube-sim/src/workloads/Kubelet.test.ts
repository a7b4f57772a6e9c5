import type { KubeSim } from '../types';
import {
  podManifest,
  simClient,
  startHealthyAndBroken,
} from '../__testUtils__/simClient';

const GPU_LINE = /^GPU 0: NVIDIA L4 \(UUID: GPU-[0-9a-f-]{36}\)\n$/;

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('Kubelet', () => {
  let sim: KubeSim;
  const healthy = () => simClient(sim.cluster('healthy'));
  const broken = () => simClient(sim.cluster('broken'));

  beforeAll(async () => {
    sim = await startHealthyAndBroken(
      'gke-1.37-conformant',
      { isolation: 'leaks', sandbox: 'shared-kernel' },
      { startDelayMs: 20 },
      'run',
    );
  }, 60_000);
  afterAll(() => sim?.stop());

  async function finished(api: ReturnType<typeof simClient>, name: string) {
    return api.waitFor(`/api/v1/namespaces/run/pods/${name}`, p =>
      ['Succeeded', 'Failed'].includes(p.status?.phase),
    );
  }

  it('shows a container exactly the GPU the device plugin granted it, and none to a container without a grant', async () => {
    const api = healthy();
    await api.post(
      '/api/v1/namespaces/run/pods',
      podManifest('granted', [
        { name: 'gpu', command: ['nvidia-smi', '-L'], gpus: 1 },
        { name: 'sidecar', command: ['nvidia-smi', '-L'] },
      ]),
    );
    const pod = await finished(api, 'granted');
    const gpu = await api.get(
      '/api/v1/namespaces/run/pods/granted/log?container=gpu',
    );
    expect(gpu.status).toBe(200);
    expect(gpu.body).toMatch(GPU_LINE);
    const sidecar = await api.get(
      '/api/v1/namespaces/run/pods/granted/log?container=sidecar',
    );
    expect(sidecar.body).toBe('No devices were found\n');
    const states = Object.fromEntries(
      pod.status.containerStatuses.map((c: any) => [
        c.name,
        c.state.terminated.exitCode,
      ]),
    );
    expect(states).toEqual({ gpu: 0, sidecar: 6 });
    expect(pod.status.phase).toBe('Failed');
  });

  it('with isolation: leaks, shows a container without a grant every GPU of its node', async () => {
    const api = broken();
    await api.post(
      '/api/v1/namespaces/run/pods',
      podManifest(
        'nogrant',
        [{ name: 'main', command: ['nvidia-smi', '-L'] }],
        {
          nodeSelector: { 'cloud.google.com/gke-nodepool': 'l4-pool' },
        },
      ),
    );
    const pod = await finished(api, 'nogrant');
    expect(pod.status.phase).toBe('Succeeded');
    const log = await api.get('/api/v1/namespaces/run/pods/nogrant/log');
    expect(log.body).toMatch(GPU_LINE);
  });

  it("reports the sandbox's kernel under a gVisor RuntimeClass, the node's otherwise, and the node's with sandbox: shared-kernel", async () => {
    for (const [api, expected] of [
      [healthy(), '4.4.0\n'],
      [broken(), '6.12.38+\n'],
    ] as const) {
      await api.post(
        '/api/v1/namespaces/run/pods',
        podManifest('sandboxed', [{ name: 'main', command: ['uname', '-r'] }], {
          runtimeClassName: 'gvisor',
        }),
      );
      await api.post(
        '/api/v1/namespaces/run/pods',
        podManifest('control', [{ name: 'main', command: ['uname', '-r'] }], {
          tolerations: [{ key: 'sandbox.gke.io/runtime', operator: 'Exists' }],
          nodeSelector: { 'sandbox.gke.io/runtime': 'gvisor' },
        }),
      );
      const sandboxed = await finished(api, 'sandboxed');
      const control = await finished(api, 'control');
      expect(sandboxed.spec.nodeName).toBe(control.spec.nodeName);
      expect(
        (await api.get('/api/v1/namespaces/run/pods/sandboxed/log')).body,
      ).toBe(expected);
      expect(
        (await api.get('/api/v1/namespaces/run/pods/control/log')).body,
      ).toBe('6.12.38+\n');
    }
  });

  it('ends an unknown program with exit code 127 and StartError', async () => {
    const api = healthy();
    await api.post(
      '/api/v1/namespaces/run/pods',
      podManifest('missing', [{ name: 'main', command: ['cuda-smoke'] }]),
    );
    const pod = await finished(api, 'missing');
    const terminated = pod.status.containerStatuses[0].state.terminated;
    expect(terminated).toMatchObject({ exitCode: 127, reason: 'StartError' });
    expect(terminated.message).toContain(
      'exec: "cuda-smoke": executable file not found in $PATH',
    );
    expect(pod.status.phase).toBe('Failed');
  });

  it('answers log requests as kube-apiserver: container required, unknown container, waiting to start', async () => {
    const api = healthy();
    await api.post(
      '/api/v1/namespaces/run/pods',
      podManifest(
        'waiting',
        [
          { name: 'a', command: ['true'] },
          { name: 'b', command: ['true'] },
        ],
        { schedulingGates: [{ name: 'example.com/hold' }] },
      ),
    );
    const noContainer = await api.get(
      '/api/v1/namespaces/run/pods/waiting/log',
    );
    expect(noContainer.status).toBe(400);
    expect(noContainer.json.message).toBe(
      'a container name must be specified for pod waiting, choose one of: [a b]',
    );
    const unknown = await api.get(
      '/api/v1/namespaces/run/pods/waiting/log?container=c',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toBe(
      'container c is not valid for pod waiting',
    );
    const waiting = await api.get(
      '/api/v1/namespaces/run/pods/waiting/log?container=a',
    );
    expect(waiting.status).toBe(400);
    expect(waiting.json.message).toBe(
      'container "a" in pod "waiting" is waiting to start: ContainerCreating',
    );
    const missing = await api.get('/api/v1/namespaces/run/pods/ghost/log');
    expect(missing.status).toBe(404);
  });

  it('keeps a sleeping container Running, then Succeeded', async () => {
    const api = healthy();
    await api.post(
      '/api/v1/namespaces/run/pods',
      podManifest('sleeper', [{ name: 'main', command: ['sleep', '0.3'] }]),
    );
    const running = await api.waitFor(
      '/api/v1/namespaces/run/pods/sleeper',
      p => p.status?.phase === 'Running',
    );
    expect(running.status.containerStatuses[0].state.running).toBeDefined();
    const done = await finished(api, 'sleeper');
    expect(done.status.phase).toBe('Succeeded');
    expect(done.status.containerStatuses[0].state.terminated.reason).toBe(
      'Completed',
    );
  });
});
