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
