import Button from '@material-ui/core/Button';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { usePermission } from '@backstage/plugin-permission-react';
import { aiConformanceRunCreatePermission } from '@ai-conformance/plugin-ai-conformance-common';

/**
 * "Run checks": rendered only for users allowed `ai-conformance.run.create`
 * on this cluster entity; disabled while a run is in progress.
 */
export const RunChecksButton = (props: {
  /** The cluster entity the permission is decided for. */
  entityRef: string;
  onClick: () => void;
  running?: boolean;
  label?: string;
}) => {
  const { loading, allowed } = usePermission({
    permission: aiConformanceRunCreatePermission,
    resourceRef: props.entityRef,
  });
  if (loading || !allowed) return null;
  return (
    <Button
      variant="contained"
      color="primary"
      startIcon={<PlayArrowIcon />}
      onClick={props.onClick}
      disabled={props.running}
    >
      {props.running ? 'Running checks…' : props.label ?? 'Run checks'}
    </Button>
  );
};
