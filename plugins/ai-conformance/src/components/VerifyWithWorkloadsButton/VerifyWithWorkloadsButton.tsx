import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import BuildIcon from '@material-ui/icons/Build';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  aiConformanceRunActivePermission,
  aiConformanceRunCreatePermission,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * "Verify with workloads": an active run, which creates test workloads on
 * the cluster. Rendered only for users allowed both
 * `ai-conformance.run.create` and `ai-conformance.run.active` on this
 * cluster entity; asks for confirmation, saying what it creates.
 */
export const VerifyWithWorkloadsButton = (props: {
  /** The cluster entity the permissions are decided for. */
  entityRef: string;
  onConfirm: () => void;
  running?: boolean;
}) => {
  const [open, setOpen] = useState(false);
  const create = usePermission({
    permission: aiConformanceRunCreatePermission,
    resourceRef: props.entityRef,
  });
  const active = usePermission({
    permission: aiConformanceRunActivePermission,
    resourceRef: props.entityRef,
  });
  if (create.loading || active.loading || !create.allowed || !active.allowed) {
    return null;
  }
  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        startIcon={<BuildIcon />}
        onClick={() => setOpen(true)}
        disabled={props.running}
      >
        Verify with workloads
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="verify-with-workloads-title"
      >
        <DialogTitle id="verify-with-workloads-title">
          Verify with workloads?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            After the usual read-only checks, this creates test workloads on the
            cluster: a namespace of the run (<code>aic-run-…</code>, labelled
            with the run id) with small pods, jobs and test objects such as a
            Kueue queue or a RayCluster, to see that accelerator isolation, gang
            scheduling, autoscaling and the operators really work. Some pods
            request an accelerator and a scale-up may add a node.
          </DialogContentText>
          <DialogContentText>
            It may take several minutes. Everything it creates is deleted when
            it ends, also when it fails or reaches its deadline.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            onClick={() => {
              setOpen(false);
              props.onConfirm();
            }}
          >
            Create workloads and verify
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
