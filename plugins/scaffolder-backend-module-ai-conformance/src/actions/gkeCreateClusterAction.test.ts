import type { ContainerApiSim } from '@ai-conformance/kube-sim';
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { exampleSpecInput } from '../__testUtils__/exampleSpec';
import { startGkeDouble } from '../__testUtils__/containerApiSim';
import { containerApiFactory } from '../gke/containerApi';
import { createGkeCreateClusterAction } from './gkeCreateClusterAction';

describe('ai-conformance:gke:create-cluster with the Container API double', () => {
  let double: Awaited<ReturnType<typeof startGkeDouble>>;
  let sim: ContainerApiSim;
  let action: ReturnType<typeof createGkeCreateClusterAction>;

  beforeAll(async () => {
    double = await startGkeDouble();
    sim = double.sim;
    action = createGkeCreateClusterAction({
      containerApi: double.containerApi,
      pollIntervalMs: 50,
      timeoutMs: 30_000,
    });
  }, 30_000);

  afterAll(async () => {
    await double?.stop();
  });

  beforeEach(() => sim.setFaults([]));

  function logLines(ctx: ReturnType<typeof createMockActionContext>) {
    return (ctx.logger.info as jest.Mock).mock.calls.map(c => String(c[0]));
  }

  const requests = (method: string, path: RegExp) =>
    sim.requests().filter(r => r.method === method && path.test(r.path));

  it('creates the cluster, logs the operation progress, and a retry reuses it', async () => {
    const input = exampleSpecInput({ name: 'gke-create-1' });
    const ctx = createMockActionContext({ input });
    await action.handler(ctx as any);
    expect(ctx.outputs).toMatchObject({
      clusterName: 'gke-create-1',
      apiServer: expect.stringMatching(
        /^https:\/\/127\.0\.0\.1:\d+\/clusters\/gke-create-1$/,
      ),
      caData: expect.stringMatching(/^[A-Za-z0-9+/=]{100,}$/),
      version: '1.34.0-gke.1662000',
      location: 'us-central1',
      reused: false,
    });
    const lines = logLines(ctx);
    expect(lines.some(l => /^Operation operation-\S+: PENDING/.test(l))).toBe(
      true,
    );
    expect(lines.some(l => /^Operation operation-\S+: RUNNING/.test(l))).toBe(
      true,
    );
    expect(lines.some(l => /^Operation operation-\S+: DONE/.test(l))).toBe(
      true,
    );
    expect(lines).toContain(
      `Cluster gke-create-1 is RUNNING: GKE 1.34.0-gke.1662000, API server ${ctx.outputs.apiServer}`,
    );
    expect(requests('POST', /\/clusters$/)).toHaveLength(1);

    // Retry with the same spec: no second create, same cluster.
    const retry = createMockActionContext({ input });
    await action.handler(retry as any);
    expect(retry.outputs).toMatchObject({
      reused: true,
      apiServer: ctx.outputs.apiServer,
    });
    expect(requests('POST', /\/clusters$/)).toHaveLength(1);

    // Another spec under the same name is refused.
    const other = createMockActionContext({
      input: exampleSpecInput({ name: 'gke-create-1', dcgm: false }),
    });
    await expect(action.handler(other as any)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'A cluster named gke-create-1 already exists in projects/my-project/locations/us-central1 with a different spec',
      ),
    });
    expect(requests('POST', /\/clusters$/)).toHaveLength(1);
  }, 60_000);

  it('turns a quota error (429) into a message that says what to do', async () => {
    sim.setFaults([
      { method: 'POST', path: '/clusters$', status: 429, times: 1 },
    ]);
    const ctx = createMockActionContext({
      input: exampleSpecInput({ name: 'gke-quota' }),
    });
    await expect(action.handler(ctx as any)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^Quota exhausted in project my-project, region us-central1 while trying to create cluster gke-quota \(.*Insufficient regional quota.*\)\. Request a higher quota .* then retry the task; an existing cluster is reused\.$/,
      ),
    });
    // The retry after the quota was raised creates it.
    const retry = createMockActionContext({
      input: exampleSpecInput({ name: 'gke-quota' }),
    });
    await action.handler(retry as any);
    expect(retry.outputs.reused).toBe(false);
  }, 60_000);

  it('a retry after a failure midway (the operation unreadable) reuses the cluster the first attempt created', async () => {
    // 500: the client retries 503s itself, not internal errors.
    sim.setFaults([
      { method: 'GET', path: '/operations/', status: 500, times: 1 },
    ]);
    const input = exampleSpecInput({ name: 'gke-midway' });
    await expect(
      action.handler(createMockActionContext({ input }) as any),
    ).rejects.toThrow(
      /^The Container API failed to read operation operation-\S+ in project my-project, region us-central1 .* retry the task in a few minutes; an existing cluster is reused\.$/,
    );
    const creates = requests('POST', /\/clusters$/).length;
    const retry = createMockActionContext({ input });
    await action.handler(retry as any);
    expect(retry.outputs).toMatchObject({ reused: true });
    expect(requests('POST', /\/clusters$/)).toHaveLength(creates);
    expect(
      (retry.logger.info as jest.Mock).mock.calls.map(c => String(c[0])),
    ).toContain(
      'Cluster gke-midway already exists in projects/my-project/locations/us-central1 with this spec (an earlier run created it); reusing it',
    );
  }, 60_000);

  it('turns a permission error (403) into the roles to grant', async () => {
    sim.setFaults([{ method: 'POST', path: '/clusters$', status: 403 }]);
    const ctx = createMockActionContext({
      input: exampleSpecInput({ name: 'gke-denied' }),
    });
    await expect(action.handler(ctx as any)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        "Grant the backend's Google service account roles/container.admin (or roles/container.clusterAdmin) and roles/iam.serviceAccountUser on the project, then retry the task.",
      ),
    });
  }, 30_000);

  it('says a 5xx is temporary and worth a retry', async () => {
    sim.setFaults([{ method: 'POST', path: '/clusters$', status: 503 }]);
    const ctx = createMockActionContext({
      input: exampleSpecInput({ name: 'gke-unavailable' }),
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /The Container API failed to create cluster gke-unavailable .* retry the task in a few minutes/,
    );
  }, 30_000);

  it('says how to give the backend Google credentials when the key file is missing', async () => {
    const missingKey = createGkeCreateClusterAction({
      containerApi: containerApiFactory({
        endpoint: sim.url,
        keyFile: '/nonexistent/key.json',
      }),
      pollIntervalMs: 50,
    });
    await expect(
      missingKey.handler(
        createMockActionContext({
          input: exampleSpecInput({ name: 'gke-no-key' }),
        }) as any,
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'The backend has no usable Google credentials to read cluster gke-no-key',
      ),
    });
  });

  it('never sends an uncertified version or Autopilot to the API', async () => {
    const before = sim.requests().length;
    const uncertified = createMockActionContext({
      input: exampleSpecInput({
        name: 'gke-old',
        gkeVersion: '1.34.0-gke.1000000',
      }),
    });
    await expect(action.handler(uncertified as any)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('1.34.0-gke.1000000'),
    });
    const autopilot = createMockActionContext({
      input: exampleSpecInput({ name: 'gke-autopilot', mode: 'autopilot' }),
    });
    await expect(action.handler(autopilot as any)).rejects.toThrow(
      /GKE Autopilot is not supported/,
    );
    expect(sim.requests().slice(before)).toEqual([]);
  });
});
