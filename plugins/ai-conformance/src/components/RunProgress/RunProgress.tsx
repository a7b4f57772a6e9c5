import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';

/** Live progress of a run: phase and done/total with a progress bar. */
export const RunProgress = (props: { run?: RunRecord }) => {
  const { run } = props;
  const done = run?.progress.done ?? 0;
  const total = run?.progress.total ?? 0;
  const percent = total > 0 ? Math.round((done / total) * 100) : undefined;
  const phase = run?.progress.phase;
  let text = `Checking${phase ? `: ${phase}` : ''} — ${done}/${total}`;
  if (!run) text = 'Starting the run…';
  else if (run.status === 'queued') text = 'Queued…';
  return (
    <Box my={2} role="status" aria-live="polite">
      <Typography variant="body2" gutterBottom>
        {text}
      </Typography>
      <LinearProgress
        variant={percent === undefined ? 'indeterminate' : 'determinate'}
        value={percent}
        aria-label="Check run progress"
      />
    </Box>
  );
};
