import https from 'node:https';
import { startKubeSim } from './startKubeSim';
import type { KubeSim } from '../types';
import { kubeConfigFor, rawRequest } from '../__testUtils__/kubeConfigFor';

describe('oversizedBody and echoRequest faults', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'stream', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
    });
  }, 60_000);
  afterEach(() => sim.cluster('stream').setFaults([]));
  afterAll(() => sim?.stop());

  it('streams a JSON list of about the given size', async () => {
    const cluster = sim.cluster('stream');
    cluster.setFaults([{ path: '^/api/v1/nodes$', oversizedBody: 3_000_000 }]);
    const res = await rawRequest(kubeConfigFor(cluster), '/api/v1/nodes');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(2_900_000);
    expect(res.body.length).toBeLessThanOrEqual(3_000_000);
    const list = JSON.parse(res.body);
    expect(list.kind).toBe('List');
    expect(list.items.length).toBeGreaterThan(50_000);
    // other paths are served as usual
    const ns = await rawRequest(kubeConfigFor(cluster), '/api/v1/namespaces');
    expect(JSON.parse(ns.body).kind).toBe('NamespaceList');
  });

  it('stops streaming when the client goes away', async () => {
    const cluster = sim.cluster('stream');
    cluster.setFaults([{ path: '^/api/v1/nodes$', oversizedBody: 700e6 }]);
    const nodeReads = () =>
      cluster.requestLog().filter(e => e.path === '/api/v1/nodes');
    const before = nodeReads().length;
    const url = new URL(`${cluster.server}/api/v1/nodes`);
    const received = await new Promise<number>((resolve, reject) => {
      const req = https.get(
        url,
        {
          ca: Buffer.from(cluster.caData, 'base64'),
          headers: { authorization: `Bearer ${cluster.token}` },
        },
        res => {
          let n = 0;
          res.on('data', (c: Buffer) => {
            n += c.length;
            if (n > 1_000_000) {
              req.destroy();
              resolve(n);
            }
          });
        },
      );
      req.on('error', e => (req.destroyed ? undefined : reject(e)));
    });
    expect(received).toBeLessThan(2_000_000);
    await new Promise(r => setTimeout(r, 100));
    // the answer ended (logged) instead of streaming on
    expect(nodeReads()).toHaveLength(before + 1);
    expect(nodeReads()[before].status).toBe(200);
  });

  it('echoes the request line and headers, Authorization included', async () => {
    const cluster = sim.cluster('stream');
    cluster.setFaults([{ path: '^/api/v1/nodes$', echoRequest: 400 }]);
    const res = await rawRequest(
      kubeConfigFor(cluster),
      '/api/v1/nodes?limit=5',
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(
      /^GET \/clusters\/stream\/api\/v1\/nodes\?limit=5 HTTP\/1\.1\r\n/,
    );
    expect(res.body).toContain(`Bearer ${cluster.token}`);
  });
});
