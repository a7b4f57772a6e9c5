import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import { connectToCluster } from './connectToCluster';
import { KubeApiClient, RequestFailure } from './KubeApiClient';
import { DEFAULT_MAX_RESPONSE_BYTES } from './responseLimits';

const MiB = 1024 * 1024;
/** What the attacking server offers: ~700 MB, made on the fly. */
const ATTACK_BYTES = 700 * 1000 * 1000;

/**
 * A loopback server answering a Node list that never ends: 64 KiB chunks of
 * one reused buffer, written only as fast as the client reads (so the
 * server holds nothing), stopping at ATTACK_BYTES or when the client goes.
 */
async function startStreamingServer(declareLength = false) {
  const chunk = Buffer.alloc(64 * 1024, '{"metadata":{"name":"n"}},');
  let sent = 0;
  let closed = 0;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(ATTACK_BYTES) } : {}),
    });
    res.write('{"kind":"NodeList","items":[');
    let written = 0;
    const pump = () => {
      while (written < ATTACK_BYTES && !res.destroyed) {
        written += chunk.length;
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => closed++);
    pump();
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sent: () => sent,
    closed: () => closed,
    stop: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function clientFor(url: string, maxResponseBytes?: number) {
  const connection = await connectToCluster(
    { type: 'explicit', name: 'attacker', url, skipTLSVerify: true },
    { maxResponseBytes },
  );
  return KubeApiClient.create(connection);
}

describe('KubeApiClient response cap', () => {
  let uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  beforeEach(() => {
    uncaught = [];
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
  });
  afterEach(() => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  });

  it('stops a 700 MB answer at the default cap: a tooLarge failure with the reason, bounded memory, no uncaught error', async () => {
    const server = await startStreamingServer();
    const client = await clientFor(server.url);
    expect(client.maxResponseBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = Date.now();
    try {
      const error = await client
        .request({ path: '/api/v1/nodes', timeoutMs: 60_000 })
        .then(
          () => undefined,
          e => e,
        );
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(error).toBeInstanceOf(RequestFailure);
      expect(error.kind).toBe('tooLarge');
      expect(error.message).toBe(
        `response exceeded ${DEFAULT_MAX_RESPONSE_BYTES} bytes (the limit of one API response)`,
      );
      // ended at the cap, long before the deadline and the 700 MB
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(server.sent()).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 16 * MiB);
      expect(peak - before).toBeLessThan(100 * MiB);
      await new Promise(r => setTimeout(r, 50));
      expect(server.closed()).toBe(1);
      expect(uncaught).toEqual([]);
    } finally {
      clearInterval(sampler);
      client.close();
      await server.stop();
    }
  });

  it('refuses a declared Content-Length above the cap before reading the body', async () => {
    const server = await startStreamingServer(true);
    const client = await clientFor(server.url, MiB);
    try {
      await expect(
        client.request({ path: '/api/v1/nodes', timeoutMs: 10_000 }),
      ).rejects.toMatchObject({
        kind: 'tooLarge',
        message: `response exceeded ${MiB} bytes (the limit of one API response)`,
      });
      expect(server.sent()).toBeLessThan(8 * MiB);
    } finally {
      client.close();
      await server.stop();
    }
  });

  it('reads answers up to the cap', async () => {
    const body = JSON.stringify({ kind: 'NodeList', items: [] });
    const server = http.createServer((_req, res) => res.end(body));
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = await clientFor(url, 1024);
    try {
      const res = await client.request({ path: '/x', timeoutMs: 5_000 });
      expect(res.body).toBe(body);
    } finally {
      client.close();
      await new Promise(r => server.close(r));
    }
  });

  it('refuses a cap outside 1 KiB .. the longest string', async () => {
    await expect(clientFor('http://127.0.0.1:1', 10)).rejects.toThrow(
      /maxResponseBytes must be a whole number of bytes from 1024/,
    );
    await expect(clientFor('http://127.0.0.1:1', 2 ** 40)).rejects.toThrow(
      /maxResponseBytes must be a whole number/,
    );
  });
});

describe('KubeApiClient pinned address', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'pin', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
  });
  afterAll(() => sim.stop());

  // `.invalid` never resolves (RFC 6761): a request that reaches the
  // server went to the pinned address, not to a DNS answer.
  const spec = () => {
    const c = sim.cluster('pin');
    const url = new URL(c.server);
    url.hostname = 'api.rebind.invalid';
    return {
      type: 'explicit' as const,
      name: 'pin',
      url: url.toString(),
      token: c.token,
      skipTLSVerify: true,
    };
  };

  it('connects to the pinned address whatever the host name resolves to', async () => {
    const connection = await connectToCluster(spec(), {
      pinnedAddress: '127.0.0.1',
    });
    const client = await KubeApiClient.create(connection);
    try {
      const res = await client.request({ path: '/version', timeoutMs: 5_000 });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).gitVersion).toMatch(/^v1\.36/);
    } finally {
      client.close();
    }
  });

  it('without a pin, resolves the host name (and fails here)', async () => {
    const client = await KubeApiClient.create(await connectToCluster(spec()));
    try {
      await expect(
        client.request({ path: '/version', timeoutMs: 5_000 }),
      ).rejects.toMatchObject({ kind: 'unreachable' });
    } finally {
      client.close();
    }
  });

  it('accepts only an IP address as the pin', async () => {
    await expect(
      connectToCluster(spec(), { pinnedAddress: 'evil.example' }),
    ).rejects.toThrow('pinnedAddress must be an IPv4 or IPv6 address');
  });
});
