import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  AcceleratorMetricSeries,
  DcgmMetricKey,
} from '../../api/AcceleratorMetricsClient';
import { chartRows, formatTick, formatValue } from './chartData';

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
];

/** A line chart of one DCGM metric with a line per node pool. */
export const MetricChart = (props: {
  title: string;
  metric: DcgmMetricKey;
  series: AcceleratorMetricSeries;
  /** Shown unit, and the factor from the series' unit (e.g. MiB → GiB: 1/1024). */
  unit?: string;
  scale?: number;
  domain?: [number, number];
}) => {
  const theme = useTheme();
  const { rows, pools } = chartRows(
    props.series.pools,
    props.metric,
    props.scale ?? 1,
  );
  const unit =
    props.unit ??
    props.series.pools.find(p => p.metric === props.metric)?.unit ??
    '';
  const rangeSeconds = props.series.end - props.series.start;
  const latest = props.series.pools
    .filter(p => p.metric === props.metric)
    .map(
      p =>
        `${p.pool} ${formatValue(
          p.latest && p.latest[1] * (props.scale ?? 1),
          unit,
        )}`,
    )
    .join(', ');
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`${props.title}: ${latest || 'no data'}`}
    >
      <Typography variant="subtitle2" component="figcaption">
        {props.title}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No samples in this range.
        </Typography>
      ) : (
        <ResponsiveContainer width="100%" height={200}>
          <LineChart
            data={rows}
            margin={{ top: 8, right: 16, left: 0, bottom: 8 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              stroke={theme.palette.divider}
            />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={t => formatTick(Number(t), rangeSeconds)}
              stroke={theme.palette.text.secondary}
            />
            <YAxis
              domain={props.domain ?? ['auto', 'auto']}
              stroke={theme.palette.text.secondary}
              width={48}
            />
            <Tooltip
              labelFormatter={t => new Date(Number(t)).toLocaleString()}
              formatter={(v: number) => formatValue(v, unit)}
            />
            <Legend />
            {pools.map((pool, i) => (
              <Line
                key={pool}
                type="monotone"
                dataKey={pool}
                name={pool}
                stroke={PALETTE[i % PALETTE.length]}
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
};
