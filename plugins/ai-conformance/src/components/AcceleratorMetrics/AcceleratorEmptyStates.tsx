import Typography from '@material-ui/core/Typography';
import { CodeSnippet, EmptyState } from '@backstage/core-components';

/** The cluster has no accelerator nodes. */
export const NoAccelerators = (props: { totalNodes: number }) => (
  <EmptyState
    missing="data"
    title="No accelerators"
    description={`None of the cluster's ${props.totalNodes} nodes offers GPUs, TPUs or DRA devices (nvidia.com/gpu, amd.com/gpu, google.com/tpu, MIG resources or ResourceSlices).`}
  />
);

const EXAMPLE = `aiConformance:
  metrics:
    clusters:
      - name: my-cluster            # the cluster entity's name
        url: http://prometheus.monitoring:9090
        auth: { type: none }        # or bearer, basic, google
      # Google Managed Prometheus:
      # - name: my-gke-cluster
      #   url: https://monitoring.googleapis.com/v1/projects/PROJECT/location/global/prometheus
      #   auth: { type: google }
      #   matchers: { cluster: my-gke-cluster }`;

/** No Prometheus-compatible source is configured for the cluster. */
export const NoMetricsSource = () => (
  <div>
    <Typography variant="h6" component="p" gutterBottom>
      No metrics source configured
    </Typography>
    <Typography variant="body2" paragraph>
      Utilization, memory, power and temperature charts read DCGM exporter
      metrics from a Prometheus-compatible API. Add one for this cluster in the
      Backstage app configuration:
    </Typography>
    <CodeSnippet language="yaml" text={EXAMPLE} />
  </div>
);
