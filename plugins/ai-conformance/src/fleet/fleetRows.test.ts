import type { Entity } from '@backstage/catalog-model';
import { sampleSummary } from '../__testUtils__/fixtures';
import {
  buildFleetRows,
  countByLevel,
  distinctValues,
  filterFleetRows,
  matrixColumns,
  sortFleetRows,
} from './fleetRows';

const cluster = (name: string, owner: string, title?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', title },
  spec: { type: 'kubernetes-cluster', owner },
});

const summaries = [
  sampleSummary({ entityRef: 'resource:default/a', level: 'gold' }),
  sampleSummary({
    entityRef: 'resource:default/b',
    verdict: 'not-conformant',
    level: 'none',
    platform: 'eks',
    requirementsVersion: '1.35',
    statuses: {
      dra_support: 'fail',
      ai_inference: 'fail',
      gang_scheduling: 'pass',
    },
  }),
  sampleSummary({
    entityRef: 'resource:default/orphan',
    verdict: 'incomplete',
    level: 'bronze',
    statuses: undefined,
    mustPassed: 7,
    mustTotal: 9,
  }),
];
const entities = [
  cluster('a', 'group:default/ai-platform', 'Cluster A'),
  cluster('b', 'group:default/ml-research'),
  cluster('never', 'group:default/ml-research'),
];

describe('fleet rows', () => {
  const rows = buildFleetRows(summaries, entities);

  it('joins summaries and entities and keeps never-checked and orphan clusters', () => {
    expect(rows.map(r => [r.name, r.verdict, r.owner, r.failures])).toEqual([
      ['a', 'conformant', 'group:default/ai-platform', 0],
      ['b', 'not-conformant', 'group:default/ml-research', 2],
      ['never', 'never-checked', 'group:default/ml-research', -1],
      ['orphan', 'incomplete', undefined, 2],
    ]);
  });

  it('filters by owner, platform, verdict, version and search text', () => {
    const names = (f: Parameters<typeof filterFleetRows>[1]) =>
      filterFleetRows(rows, f).map(r => r.name);
    expect(names({ owner: 'group:default/ml-research' })).toEqual([
      'b',
      'never',
    ]);
    expect(names({ platform: 'eks' })).toEqual(['b']);
    expect(names({ verdict: 'never-checked' })).toEqual(['never']);
    expect(names({ version: '1.35' })).toEqual(['b']);
    expect(names({ search: 'cluster a' })).toEqual(['a']);
    expect(names({ search: 'ORPH' })).toEqual(['orphan']);
    expect(names({ level: 'bronze' })).toEqual(['orphan']);
    expect(names({ level: 'silver' })).toEqual([]);
  });

  it('counts clusters per level, leaving never-checked ones out', () => {
    expect(rows.map(r => [r.name, r.level])).toEqual([
      ['a', 'gold'],
      ['b', 'none'],
      ['never', undefined],
      ['orphan', 'bronze'],
    ]);
    expect(countByLevel(rows)).toEqual({
      gold: 1,
      silver: 0,
      bronze: 1,
      none: 1,
    });
  });

  it('sorts by failures, most first, never-checked last', () => {
    const sorted = sortFleetRows(rows, { by: 'failures', direction: 'desc' });
    expect(sorted.map(r => r.name)).toEqual(['b', 'orphan', 'a', 'never']);
    const byName = sortFleetRows(rows, { by: 'name', direction: 'asc' });
    // By display name: "b", "Cluster A", "never", "orphan".
    expect(byName.map(r => r.name)).toEqual(['b', 'a', 'never', 'orphan']);
  });

  it('lists distinct owners', () => {
    expect(distinctValues(rows, r => r.owner)).toEqual([
      'group:default/ai-platform',
      'group:default/ml-research',
    ]);
  });

  it('builds matrix columns from the checklist plus reported ids', () => {
    const columns = matrixColumns(rows, '1.33');
    const ids = columns.map(c => c.id);
    expect(ids).toContain('dra_support');
    expect(ids).not.toContain('driver_runtime_management');
    expect(columns.find(c => c.id === 'dra_support')?.level).toBe('SHOULD');
    const withExtra = matrixColumns(
      [
        {
          ...rows[0],
          summary: sampleSummary({
            entityRef: 'x',
            statuses: { future_req: 'pass' },
          }),
        },
      ],
      '1.33',
    );
    expect(withExtra[withExtra.length - 1]).toEqual({
      id: 'future_req',
      title: 'future_req',
      level: undefined,
    });
  });
});
