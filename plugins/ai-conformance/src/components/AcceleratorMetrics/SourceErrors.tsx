import Alert from '@material-ui/lab/Alert';
import type { AcceleratorSourceError } from '../../api/AcceleratorMetricsClient';

const TITLE: Record<AcceleratorSourceError['source'], string> = {
  prometheus: 'Metrics could not be read',
  kubernetes: 'The cluster could not be read',
  config: 'Configuration problem',
};

/** The sources that failed, next to what could still be shown. */
export const SourceErrors = (props: {
  errors: AcceleratorSourceError[];
  warnings?: string[];
}) => (
  <>
    {props.errors.map((e, i) => (
      <Alert key={`e${i}`} severity="warning" style={{ marginBottom: 8 }}>
        <strong>{TITLE[e.source]}:</strong> {e.message}
      </Alert>
    ))}
    {(props.warnings ?? []).map((w, i) => (
      <Alert key={`w${i}`} severity="info" style={{ marginBottom: 8 }}>
        {w}
      </Alert>
    ))}
  </>
);
