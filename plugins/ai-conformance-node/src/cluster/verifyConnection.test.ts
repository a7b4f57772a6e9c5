import { startFakeApiServer } from '../collector/__testUtils__/fakeApiServer';
import { connectToCluster } from './connectToCluster';
import { loadClientNode } from './loadClientNode';
import { verifyConnection } from './verifyConnection';

jest.setTimeout(30_000);

describe('verifyConnection', () => {
  beforeAll(async () => {
    await loadClientNode();
  });

  const connect = (url: string) =>
    connectToCluster({
      type: 'explicit',
      name: 'c',
      url,
      token: 't',
      skipTLSVerify: true,
    });

  it('returns the server version', async () => {
    const server = await startFakeApiServer({
      resources: [],
      gitVersion: 'v1.35.0-gke.2232000',
    });
    try {
      await expect(
        verifyConnection(await connect(server.url)),
      ).resolves.toMatchObject({
        gitVersion: 'v1.35.0-gke.2232000',
        minor: '35',
      });
    } finally {
      await server.stop();
    }
  });

  it('names rejected credentials and silent servers', async () => {
    const denied = await startFakeApiServer({
      resources: [],
      statusFor: [{ path: /.*/, status: 401 }],
    });
    const silent = await startFakeApiServer({ resources: [], hang: /.*/ });
    try {
      await expect(
        verifyConnection(await connect(denied.url)),
      ).rejects.toMatchObject({
        name: 'ConnectionError',
        reason: 'unauthorized',
      });
      await expect(
        verifyConnection(await connect(silent.url), { timeoutMs: 200 }),
      ).rejects.toMatchObject({
        reason: 'timeout',
      });
    } finally {
      await denied.stop();
      await silent.stop();
    }
  });
});
