import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import { verifyConnection } from '@ai-conformance/plugin-ai-conformance-node';
import { connectToTarget } from './connectToTarget';
import type { ClusterTarget } from './ClusterTarget';

describe('connectToTarget', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'pin', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
  });
  afterAll(() => sim.stop());

  // A catalog cluster whose host name now resolves elsewhere (here: nowhere,
  // `.invalid` never resolves): the connection goes to the checked address.
  const target = (address?: string): ClusterTarget => {
    const c = sim.cluster('pin');
    const url = new URL(c.server);
    url.hostname = 'api.rebind.invalid';
    return {
      name: 'pin',
      url: url.toString(),
      token: c.token,
      skipTLSVerify: true,
      authProvider: 'serviceAccount',
      source: 'catalog',
      address,
    };
  };

  it('connects to the address the URL policy checked, not to a new DNS answer', async () => {
    const version = await verifyConnection(
      await connectToTarget(target('127.0.0.1')),
    );
    expect(version.gitVersion).toMatch(/^v1\.36/);
    await expect(
      verifyConnection(await connectToTarget(target())),
    ).rejects.toMatchObject({ reason: 'unreachable' });
  });

  it('carries the configured cap on response bytes', async () => {
    const connection = await connectToTarget(target('127.0.0.1'), {
      maxResponseBytes: 4096,
    });
    expect(connection.maxResponseBytes).toBe(4096);
    expect(connection.pinnedAddress).toBe('127.0.0.1');
  });
});
