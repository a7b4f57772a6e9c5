import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  describeMetricsSource,
  parseMetricsSource,
  sampleMetricsSource,
} from './metricsSourceOptions';

describe('parseMetricsSource', () => {
  it('is undefined without --prometheus-url', () => {
    expect(parseMetricsSource({}, {})).toBeUndefined();
  });

  it('reads the URL, the token from the named variable and the matchers', () => {
    expect(
      parseMetricsSource(
        {
          prometheusUrl: 'https://prom.example/tenant/prometheus',
          prometheusTokenEnv: 'PROM_TOKEN',
          prometheusMatcher: ['cluster=prod', 'env=a=b'],
        },
        { PROM_TOKEN: 's3cret' },
      ),
    ).toEqual({
      url: 'https://prom.example/tenant/prometheus',
      token: 's3cret',
      matchers: { cluster: 'prod', env: 'a=b' },
    });
  });

  it('refuses bad flags with a clear message', () => {
    expect(() =>
      parseMetricsSource({ prometheusMatcher: ['cluster=prod'] }, {}),
    ).toThrow(/need --prometheus-url/);
    expect(() =>
      parseMetricsSource({ prometheusUrl: 'prom:9090' }, {}),
    ).toThrow(/http\(s\) URL/);
    expect(() => parseMetricsSource({ prometheusUrl: 'nope' }, {})).toThrow(
      /must be a URL, got "nope"/,
    );
    expect(() =>
      parseMetricsSource({ prometheusUrl: 'https://u:p@prom.example' }, {}),
    ).toThrow(/must not carry credentials/);
    expect(() =>
      parseMetricsSource(
        { prometheusUrl: 'https://prom.example', prometheusTokenEnv: 'NOPE' },
        {},
      ),
    ).toThrow(/NOPE, which is not set/);
    for (const bad of ['cluster', '=x', '__name__=x', '1a=x'])
      expect(() =>
        parseMetricsSource(
          { prometheusUrl: 'https://prom.example', prometheusMatcher: [bad] },
          {},
        ),
      ).toThrow(/must be label=value/);
  });

  it('names the source by origin and auth type only', () => {
    expect(
      describeMetricsSource({
        url: 'https://prom.example:9443/tenant/prometheus',
        token: 't',
        matchers: {},
      }),
    ).toBe(
      'Prometheus-compatible API at https://prom.example:9443 (auth bearer)',
    );
  });
});

describe('sampleMetricsSource', () => {
  let server: http.Server;
  let url: string;
  const seen: Array<{ auth?: string; query: string | null }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams.get('query');
      seen.push({ auth: req.headers.authorization, query });
      const result = query?.startsWith('DCGM_FI_DEV_GPU_UTIL')
        ? [
            {
              metric: {
                __name__: 'DCGM_FI_DEV_GPU_UTIL',
                gpu: '0',
                Hostname: 'n1',
              },
              value: [1, '3'],
            },
          ]
        : [];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'success',
          data: { resultType: 'vector', result },
        }),
      );
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise(r => server.close(r));
  });

  it('queries with the token and matchers and keeps the series', async () => {
    const metrics = await sampleMetricsSource(
      { url, token: 'prom-token-xyz', matchers: { cluster: 'c1' } },
      { timeoutMs: 2000 },
    );
    expect(seen.every(s => s.auth === 'Bearer prom-token-xyz')).toBe(true);
    expect(seen.map(s => s.query)).toContain(
      'DCGM_FI_DEV_GPU_UTIL{cluster="c1"}',
    );
    expect(metrics.samples).toEqual([
      { name: 'DCGM_FI_DEV_GPU_UTIL', labels: { gpu: '0', Hostname: 'n1' } },
    ]);
    expect(JSON.stringify(metrics)).not.toContain('prom-token-xyz');
  });

  it('records an unreachable source as an error', async () => {
    const metrics = await sampleMetricsSource(
      { url: 'http://127.0.0.1:1', matchers: {} },
      { timeoutMs: 2000 },
    );
    expect(metrics.error).toMatch(/unreachable/);
    expect(metrics.samples).toBeUndefined();
  });
});
