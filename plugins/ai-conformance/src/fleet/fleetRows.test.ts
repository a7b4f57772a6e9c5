import { sampleSummary } from '../__testUtils__/fixtures';
import { fleetQuery, fleetRowOf, matrixColumns } from './fleetRows';

const summaries = [
  sampleSummary({
    entityRef: 'resource:default/a',
    level: 'gold',
    owner: 'group:default/ai-platform',
    title: 'Cluster A',
  }),
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
    entityRef: 'resource:default/counted',
    verdict: 'incomplete',
    level: 'bronze',
    statuses: undefined,
    mustPassed: 7,
    mustTotal: 9,
  }),
  sampleSummary({
    entityRef: 'resource:default/never',
    verdict: null,
    level: null,
    statuses: undefined,
  }),
];

describe('fleet rows', () => {
  const rows = summaries.map(fleetRowOf);

  it('make one row per summary with its owner, title and failures', () => {
    expect(
      rows.map(r => [r.name, r.title, r.verdict, r.owner, r.level, r.failures]),
    ).toEqual([
      ['a', 'Cluster A', 'conformant', 'group:default/ai-platform', 'gold', 0],
      ['b', undefined, 'not-conformant', undefined, 'none', 2],
      ['counted', undefined, 'incomplete', undefined, 'bronze', 2],
      ['never', undefined, 'never-checked', undefined, undefined, -1],
    ]);
  });

  it('turn filters, order and page into the GET /clusters query', () => {
    expect(
      fleetQuery(
        {
          owner: 'group:default/ml',
          platform: 'gke',
          verdict: 'never-checked',
          version: '1.35',
          level: 'silver',
          search: '  prod ',
        },
        { by: 'failures', direction: 'desc' },
        { offset: 50, limit: 25 },
      ),
    ).toEqual({
      owner: 'group:default/ml',
      platform: ['gke'],
      verdict: ['unchecked'],
      requirementsVersion: ['1.35'],
      level: ['silver'],
      q: 'prod',
      sort: 'failures',
      order: 'desc',
      offset: 50,
      limit: 25,
      facets: true,
    });
    expect(
      fleetQuery(
        { verdict: 'conformant', search: ' ' },
        { by: 'name', direction: 'asc' },
        { offset: 0, limit: 50 },
      ),
    ).toEqual({
      verdict: ['conformant'],
      sort: 'name',
      order: 'asc',
      offset: 0,
      limit: 50,
      facets: true,
    });
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
