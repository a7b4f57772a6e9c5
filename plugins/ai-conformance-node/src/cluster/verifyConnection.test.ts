import { startKubeSim } from '@ai-conformance/kube-sim';
import { connectToCluster } from './connectToCluster';
import { loadClientNode } from './loadClientNode';
import { verifyConnection } from './verifyConnection';

jest.setTimeout(30_000);

describe('verifyConnection', () => {
  let sim: Awaited<ReturnType<typeof startKubeSim>>;
  beforeAll(async () => {
    await loadClientNode();
    const scenario = {
      name: 'gke-1.35',
      version: { gitVersion: 'v1.35.0-gke.2232000' },
    };
    sim = await startKubeSim({
      clusters: [
        { name: 'ok', scenario },
        { name: 'denied', scenario, faults: [{ status: 401 }] },
        { name: 'silent', scenario, faults: [{ hang: true }] },
      ],
      metrics: false,
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const connect = (name: string) => {
    const c = sim.cluster(name);
    return connectToCluster({
      type: 'explicit',
      name: 'c',
      url: c.server,
      token: c.token,
      caData: c.caData,
    });
  };

  it('returns the server version', async () => {
    await expect(verifyConnection(await connect('ok'))).resolves.toMatchObject({
      gitVersion: 'v1.35.0-gke.2232000',
      minor: '35',
    });
  });

  it('names rejected credentials and silent servers', async () => {
    await expect(
      verifyConnection(await connect('denied')),
    ).rejects.toMatchObject({
      name: 'ConnectionError',
      reason: 'unauthorized',
    });
    await expect(
      verifyConnection(await connect('silent'), { timeoutMs: 200 }),
    ).rejects.toMatchObject({
      reason: 'timeout',
    });
  });
});
