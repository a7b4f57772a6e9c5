import { sampleReport, sampleRun } from '../../__testUtils__/fixtures';
import { trendPoints } from './trendPoints';

describe('trendPoints', () => {
  it('takes finished runs, oldest first, from counts or reports', () => {
    const points = trendPoints([
      sampleRun({
        runId: 'new',
        finishedAt: '2026-11-21T10:00:00.000Z',
        report: sampleReport(),
      }),
      sampleRun({ runId: 'failed', status: 'failed' }),
      sampleRun({ runId: 'running', status: 'running', finishedAt: undefined }),
      {
        ...sampleRun({ runId: 'old', finishedAt: '2026-11-19T10:00:00.000Z' }),
        counts: {
          mustPassed: 5,
          mustTotal: 9,
          shouldPassed: 0,
          shouldTotal: 2,
        },
      },
      sampleRun({ runId: 'no-counts' }),
    ]);
    expect(points.map(p => [p.mustPassed, p.mustTotal])).toEqual([
      [5, 9],
      [1, 3],
    ]);
    expect(points[0].time).toBeLessThan(points[1].time);
  });
});
