import { snapshotSchemaErrors } from '../evaluate/__testUtils__/schemaValidators';
import { makeSnapshot } from './__testUtils__/makeSnapshot';
import { parseSnapshot } from './parseSnapshot';

describe('parseSnapshot', () => {
  it('accepts a snapshot after a JSON round trip', () => {
    const s = makeSnapshot();
    expect(parseSnapshot(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('matches docs/schema/snapshot.schema.json', () => {
    expect(
      snapshotSchemaErrors(JSON.parse(JSON.stringify(makeSnapshot()))),
    ).toEqual([]);
    expect(
      snapshotSchemaErrors({
        ...makeSnapshot(),
        probes: { p: { id: 'p', outcome: 'maybe', message: '' } },
      }),
    ).not.toEqual([]);
  });

  it('accepts an optional metrics sample, valid against the JSON Schema', () => {
    const metrics = {
      source: 'Prometheus-compatible API at http://prom:9090 (auth none)',
      sampledAt: '2026-11-01T10:00:01.000Z',
      samples: [{ name: 'DCGM_FI_DEV_GPU_UTIL', labels: { gpu: '0' } }],
      queried: ['DCGM_FI_DEV_GPU_UTIL'],
      durationMs: 12,
    };
    const withMetrics = { ...makeSnapshot(), metrics };
    expect(parseSnapshot(withMetrics).metrics).toEqual(metrics);
    expect(snapshotSchemaErrors(withMetrics)).toEqual([]);
    const failed = {
      ...makeSnapshot(),
      metrics: { source: 'prom', sampledAt: metrics.sampledAt, error: 'x' },
    };
    expect(snapshotSchemaErrors(failed)).toEqual([]);
    expect(parseSnapshot(failed).metrics?.error).toBe('x');

    const bad = { ...makeSnapshot(), metrics: { ...metrics, samples: 'x' } };
    expect(() => parseSnapshot(bad)).toThrow(/metrics.samples/);
    expect(snapshotSchemaErrors(bad)).not.toEqual([]);
  });

  it('rejects wrong shapes with the path', () => {
    expect(() =>
      parseSnapshot({ ...makeSnapshot(), schemaVersion: 9 }),
    ).toThrow(/schemaVersion/);
    expect(() =>
      parseSnapshot({
        ...makeSnapshot(),
        reads: { x: { outcome: 'maybe', request: 'r' } },
      }),
    ).toThrow(/reads.x.outcome/);
    expect(() => parseSnapshot('nope')).toThrow(/Invalid cluster snapshot/);
  });

  it('rejects snapshots carrying credentials', () => {
    const s = makeSnapshot();
    expect(() =>
      parseSnapshot({ ...s, cluster: { ...s.cluster, token: 'abc' } }),
    ).toThrow(/credentials \(snapshot.cluster.token\)/);
  });
});
