import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import {
  gkeCertification,
  type ConformanceReport,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Where a GKE cluster's version stands against the certified minimum of its
 * minor. Left out for other platforms and when a report finding already
 * says it (findings whose id names the GKE version gate).
 */
export const GkeCertificationNote = (props: { report: ConformanceReport }) => {
  const { report } = props;
  if (report.cluster.platform !== 'gke') return null;
  if (report.findings.some(f => f.id.startsWith('gke'))) return null;
  const cert = gkeCertification(report.cluster.kubernetesVersion);
  switch (cert.status) {
    case 'certified':
      return (
        <Box mt={1}>
          <Alert severity="success">
            GKE {report.cluster.kubernetesVersion} is at or above the certified
            AI-conformant version {cert.minimum}.
          </Alert>
        </Box>
      );
    case 'below-minimum':
      return (
        <Box mt={1}>
          <Alert severity="warning">
            GKE {report.cluster.kubernetesVersion} is older than the certified
            AI-conformant version {cert.minimum}: upgrade to {cert.minimum} or
            later.
          </Alert>
        </Box>
      );
    case 'not-certified-yet':
      return (
        <Box mt={1}>
          <Alert severity="info">
            No GKE version of {cert.minor} is certified AI-conformant yet.
          </Alert>
        </Box>
      );
    default:
      return null;
  }
};
