import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import type { MetricsRange } from '../../api/AcceleratorMetricsClient';

const RANGES: MetricsRange[] = ['1h', '6h', '24h'];

/** Picks the chart range: 1 h, 6 h or 24 h. */
export const RangeSelector = (props: {
  value: MetricsRange;
  onChange(range: MetricsRange): void;
}) => (
  <ToggleButtonGroup
    size="small"
    exclusive
    value={props.value}
    onChange={(_e, value: MetricsRange | null) =>
      value && props.onChange(value)
    }
    aria-label="Chart range"
  >
    {RANGES.map(r => (
      <ToggleButton key={r} value={r} aria-label={`Last ${r}`}>
        {r}
      </ToggleButton>
    ))}
  </ToggleButtonGroup>
);
