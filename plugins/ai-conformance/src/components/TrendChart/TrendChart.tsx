import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import { trendPoints } from './trendPoints';

/** MUSTs passed per finished run, over time. */
export const TrendChart = (props: { runs: RunRecord[] }) => {
  const theme = useTheme();
  const points = trendPoints(props.runs);
  if (points.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        The trend appears after two finished runs.
      </Typography>
    );
  }
  const last = points[points.length - 1];
  const max = Math.max(...points.map(p => p.mustTotal));
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`MUST requirements passed over ${points.length} runs; latest ${last.mustPassed} of ${last.mustTotal}`}
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart
          data={points}
          margin={{ top: 8, right: 16, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis dataKey="label" stroke={theme.palette.text.secondary} />
          <YAxis
            allowDecimals={false}
            domain={[0, max]}
            stroke={theme.palette.text.secondary}
          />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="mustPassed"
            name="MUSTs passed"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="mustTotal"
            name="MUSTs total"
            stroke={theme.palette.text.secondary}
            strokeDasharray="4 4"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
};
