import type { PoolMetricSeries } from '../../api/AcceleratorMetricsClient';
import { chartRows, formatValue } from './chartData';

const series = (
  pool: string,
  metric: PoolMetricSeries['metric'],
  points: Array<[number, number]>,
): PoolMetricSeries => ({
  pool,
  metric,
  unit: '%',
  aggregate: 'avg',
  gpus: 1,
  points,
});

describe('chartRows', () => {
  it('joins pools by time, keeps one metric and scales values', () => {
    const { rows, pools } = chartRows(
      [
        series('a', 'utilization', [
          [20, 2],
          [10, 1],
        ]),
        series('b', 'utilization', [[10, 5]]),
        series('a', 'power', [[10, 99]]),
      ],
      'utilization',
      10,
    );
    expect(pools).toEqual(['a', 'b']);
    expect(rows).toEqual([
      { time: 10_000, a: 10, b: 50 },
      { time: 20_000, a: 20 },
    ]);
  });
});

describe('formatValue', () => {
  it('rounds and adds the unit', () => {
    expect(formatValue(42.345, '%')).toBe('42.3%');
    expect(formatValue(1234.5, 'MiB')).toBe('1235 MiB');
    expect(formatValue(undefined, 'W')).toBe('–');
  });
});
