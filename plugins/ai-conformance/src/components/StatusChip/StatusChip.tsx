import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { requirementStatusOf } from '../../report/statusPresentation';
import { StatusIcon } from './StatusIcon';

/** A requirement status as a chip: colour, icon and text. */
export const StatusChip = (props: { status: string }) => {
  const presentation = requirementStatusOf(props.status);
  return (
    <Tooltip title={presentation.description}>
      <Chip
        size="small"
        variant="outlined"
        icon={<StatusIcon tone={presentation.tone} />}
        label={presentation.label}
        data-status={props.status}
      />
    </Tooltip>
  );
};
