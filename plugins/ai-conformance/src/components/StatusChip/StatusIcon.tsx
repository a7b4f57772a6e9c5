import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import WarningIcon from '@material-ui/icons/Warning';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import HelpIcon from '@material-ui/icons/Help';
import { makeStyles } from '@material-ui/core/styles';
import type { StatusPresentation } from '../../report/statusPresentation';

const useStyles = makeStyles(theme => ({
  success: { color: theme.palette.success.main },
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  info: { color: theme.palette.info.main },
  neutral: { color: theme.palette.text.secondary },
}));

const ICONS = {
  success: CheckCircleIcon,
  error: CancelIcon,
  warning: WarningIcon,
  info: HelpIcon,
  neutral: RemoveCircleOutlineIcon,
};

/** The icon of a tone, coloured from the theme; decorative unless titled. */
export const StatusIcon = (props: {
  tone: StatusPresentation['tone'];
  fontSize?: 'small' | 'inherit' | 'default';
  title?: string;
}) => {
  const classes = useStyles();
  const Icon = ICONS[props.tone];
  return (
    <Icon
      className={classes[props.tone]}
      fontSize={props.fontSize ?? 'small'}
      titleAccess={props.title}
      aria-hidden={props.title ? undefined : true}
    />
  );
};
