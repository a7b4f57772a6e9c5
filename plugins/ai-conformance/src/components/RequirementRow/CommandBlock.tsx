import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import { CopyTextButton } from '@backstage/core-components';

const useStyles = makeStyles(theme => ({
  pre: {
    flex: 1,
    margin: 0,
    padding: theme.spacing(1),
    overflowX: 'auto',
    fontSize: '0.8rem',
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

/** A command or snippet with a copy button. */
export const CommandBlock = (props: { text: string; label: string }) => {
  const classes = useStyles();
  return (
    <Box display="flex" alignItems="flex-start" mt={0.5} style={{ gap: 4 }}>
      <pre className={classes.pre}>
        <code>{props.text}</code>
      </pre>
      <CopyTextButton
        text={props.text}
        tooltipText="Copied"
        aria-label={`Copy ${props.label}`}
      />
    </Box>
  );
};
