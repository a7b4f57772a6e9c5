import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusClient, PrometheusQueryError } from './PrometheusClient';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

describe('PrometheusClient', () => {
  let server: http.Server;
  let handler: Handler;
  let base: string;
  const seen: Array<{ url: string; auth?: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization });
      handler(req, res);
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prom/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const json =
    (status: number, body: unknown): Handler =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };

  it('runs an instant query with bearer auth and parses the vector', async () => {
    handler = json(200, {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { gpu: '0' }, value: [1700000000.5, '42'] },
          { metric: { gpu: '1' }, value: [1700000000.5, 'NaN'] },
        ],
      },
    });
    const client = new PrometheusClient({
      url: base,
      auth: { type: 'bearer', token: 'tok' },
    });
    await expect(client.query('up{a="b"}', 1700000000)).resolves.toEqual([
      { labels: { gpu: '0' }, point: [1700000000.5, 42] },
    ]);
    const url = new URL(seen[0].url, 'http://x');
    expect(url.pathname).toBe('/prom/api/v1/query');
    expect(url.searchParams.get('query')).toBe('up{a="b"}');
    expect(url.searchParams.get('time')).toBe('1700000000');
    expect(seen[0].auth).toBe('Bearer tok');
  });

  it('runs a range query with basic auth', async () => {
    handler = json(200, {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { gpu: '0' },
            values: [
              [1, '1'],
              [2, '3'],
            ],
          },
        ],
      },
    });
    const client = new PrometheusClient({
      url: base,
      auth: { type: 'basic', username: 'u', password: 'p' },
    });
    await expect(client.queryRange('up', 1, 2, 1)).resolves.toEqual([
      {
        labels: { gpu: '0' },
        points: [
          [1, 1],
          [2, 3],
        ],
      },
    ]);
    expect(seen[0].url).toContain('/api/v1/query_range?');
    expect(seen[0].url).toContain('step=1');
    expect(seen[0].auth).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('asks a token provider for each request', async () => {
    handler = json(200, {
      status: 'success',
      data: { resultType: 'vector', result: [] },
    });
    let n = 0;
    const client = new PrometheusClient({
      url: base,
      auth: { type: 'token-provider', getToken: async () => `t${++n}` },
    });
    await client.query('up');
    await client.query('up');
    expect(seen.map(s => s.auth)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('turns API errors, HTTP errors, timeouts and refused connections into PrometheusQueryError', async () => {
    const client = new PrometheusClient({
      url: base,
      auth: { type: 'bearer', token: 'secret-token' },
      timeoutMs: 200,
    });
    handler = json(400, {
      status: 'error',
      errorType: 'bad_data',
      error: 'parse error at char 3',
    });
    await expect(client.query('up{')).rejects.toMatchObject({
      kind: 'http',
      message: 'HTTP 400 bad_data: parse error at char 3',
    });
    handler = (_req, res) => {
      res.writeHead(503);
      res.end('unavailable');
    };
    await expect(client.query('up')).rejects.toMatchObject({
      kind: 'http',
      message: 'HTTP 503 Service Unavailable',
    });
    handler = () => undefined;
    const timeout = client.query('up').catch(e => e);
    const error = await timeout;
    expect(error).toBeInstanceOf(PrometheusQueryError);
    expect(error.kind).toBe('timeout');
    expect(error.message).not.toContain('secret-token');

    const closed = new PrometheusClient({
      url: 'http://127.0.0.1:1',
      timeoutMs: 1000,
    });
    await expect(closed.query('up')).rejects.toMatchObject({
      kind: 'unreachable',
    });
  });

  it('rejects URLs with credentials or other schemes', () => {
    expect(() => new PrometheusClient({ url: 'http://u:p@host' })).toThrow(
      'auth',
    );
    expect(() => new PrometheusClient({ url: 'file:///etc/passwd' })).toThrow(
      'http',
    );
  });

  it('stops reading an answer past maxResponseBytes', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, ' ');
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"success","data":');
      const pump = () => {
        while (sent < 200 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    };
    const client = new PrometheusClient({
      url: base,
      maxResponseBytes: 1024 * 1024,
    });
    await expect(client.query('up')).rejects.toMatchObject({
      name: 'PrometheusQueryError',
      message: 'response exceeded 1048576 bytes',
    });
    expect(sent).toBeLessThan(32 * 1024 * 1024);
  });

  it('redacts credentials an error answer echoes', async () => {
    handler = json(400, {
      status: 'error',
      errorType: 'bad_data',
      error: 'request had Authorization: Bearer echo-secret-token-123',
    });
    const client = new PrometheusClient({
      url: base,
      auth: { type: 'bearer', token: 'echo-secret-token-123' },
    });
    const error = (await client.query('up').catch(e => e)) as Error;
    expect(error.message).toBe(
      'HTTP 400 bad_data: request had Authorization: [redacted]',
    );
  });
});
