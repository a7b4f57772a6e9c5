import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { AcceleratorResourceCount } from '../../api/AcceleratorMetricsClient';

/** Allocated of allocatable for one accelerator resource, as a bar with its figures. */
export const AllocationBar = (props: { count: AcceleratorResourceCount }) => {
  const { resource, allocated, allocatable, capacity } = props.count;
  const known = allocated !== undefined;
  const percent =
    known && allocatable > 0
      ? Math.min(100, (allocated! / allocatable) * 100)
      : 0;
  const label = known
    ? `${resource}: ${allocated} of ${allocatable} allocated`
    : `${resource}: ${allocatable} allocatable, allocation unknown`;
  return (
    <Box minWidth={160}>
      <Typography variant="caption" component="div">
        {resource}{' '}
        <Typography variant="caption" color="textSecondary" component="span">
          {known ? `${allocated}/${allocatable}` : `?/${allocatable}`}
          {capacity !== allocatable ? ` (capacity ${capacity})` : ''}
        </Typography>
      </Typography>
      <LinearProgress
        variant={known ? 'determinate' : 'indeterminate'}
        value={percent}
        aria-label={label}
        color={percent >= 90 ? 'secondary' : 'primary'}
      />
    </Box>
  );
};
