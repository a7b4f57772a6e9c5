import { ConfigReader } from '@backstage/config';
import { findMetricsSource, readMetricsConfig } from './readMetricsConfig';

describe('readMetricsConfig', () => {
  it('reads defaults when nothing is configured', () => {
    expect(readMetricsConfig(new ConfigReader({}))).toEqual({
      cacheSeconds: 15,
      timeoutMs: 5000,
      sources: [],
    });
  });

  it('reads every auth type, matchers and the node label', () => {
    const config = readMetricsConfig(
      new ConfigReader({
        aiConformance: {
          metrics: {
            cacheSeconds: 0,
            timeoutMs: 2000,
            clusters: [
              { name: 'a', url: 'http://prom:9090' },
              {
                name: 'b',
                namespace: 'ml',
                url: 'https://p',
                auth: { type: 'bearer', token: 't' },
              },
              {
                name: 'c',
                url: 'https://p',
                auth: { type: 'basic', username: 'u', password: 'p' },
              },
              {
                name: 'd',
                url: 'https://monitoring.googleapis.com/v1/projects/p/location/global/prometheus',
                auth: { type: 'google' },
                nodeLabel: 'node',
                matchers: { cluster: 'd' },
              },
            ],
          },
        },
      }),
    );
    expect(config.cacheSeconds).toBe(0);
    expect(config.timeoutMs).toBe(2000);
    expect(config.sources.map(s => [s.name, s.namespace, s.auth])).toEqual([
      ['a', 'default', { type: 'none' }],
      ['b', 'ml', { type: 'bearer', token: 't' }],
      ['c', 'default', { type: 'basic', username: 'u', password: 'p' }],
      ['d', 'default', { type: 'google' }],
    ]);
    expect(config.sources[3]).toMatchObject({
      nodeLabel: 'node',
      matchers: { cluster: 'd' },
    });
  });

  it('rejects unknown auth types, missing tokens and non-http URLs', () => {
    const read = (entry: object) =>
      readMetricsConfig(
        new ConfigReader({ aiConformance: { metrics: { clusters: [entry] } } }),
      );
    expect(() =>
      read({ name: 'a', url: 'http://p', auth: { type: 'oauth' } }),
    ).toThrow(
      'aiConformance.metrics.clusters[0].auth.type must be none, bearer, basic or google',
    );
    expect(() =>
      read({ name: 'a', url: 'http://p', auth: { type: 'bearer' } }),
    ).toThrow(/token/);
    expect(() => read({ name: 'a', url: 'file:///x' })).toThrow('http(s)');
  });
});

describe('findMetricsSource', () => {
  const config = readMetricsConfig(
    new ConfigReader({
      aiConformance: {
        metrics: {
          clusters: [
            { name: 'gpu', url: 'http://any' },
            { name: 'gpu', namespace: 'ml', url: 'http://ml' },
          ],
        },
      },
    }),
  );
  it('matches namespace and name exactly (no namespace means default)', () => {
    expect(findMetricsSource(config, 'ml', 'gpu')?.url).toBe('http://ml');
    expect(findMetricsSource(config, 'default', 'gpu')?.url).toBe('http://any');
    expect(findMetricsSource(config, 'default', 'other')).toBeUndefined();
    // A same-named entity in another namespace gets no source.
    expect(findMetricsSource(config, 'evil', 'gpu')).toBeUndefined();
  });
});
