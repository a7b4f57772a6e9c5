import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import { isForbidden } from './isForbidden';

function startErrorMessage(error: Error): string {
  const e = error as { statusCode?: number; body?: any };
  const detail: string | undefined = e.body?.error?.message;
  if (isForbidden(error)) {
    return 'You are not allowed to run checks on this cluster.';
  }
  if (e.statusCode === 409) {
    return detail ?? 'A run is already in progress for this cluster.';
  }
  return detail ?? error.message;
}

/** Why a run could not start, or why it failed. */
export const RunErrorAlert = (props: { error?: Error; run?: RunRecord }) => {
  if (props.error) {
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>Could not run the checks</AlertTitle>
        {startErrorMessage(props.error)}
      </Alert>
    );
  }
  if (props.run?.status === 'failed') {
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>The run failed</AlertTitle>
        {props.run.error ?? 'The backend reported no reason.'}
      </Alert>
    );
  }
  return null;
};
