import { INFERENCE_EXTENSION_CRDS } from '@ai-conformance/plugin-ai-conformance-common';
import { COS_PRELOADED_DRIVER_DAEMONSET } from '../gke/gkePoolOptions';
import { GkeClusterPlan } from '../gke/planGkeCluster';
import { INFERENCE_GATEWAY_MANIFEST } from './renderInferenceGateway';

/** One `kubectl apply` the optional parts need after the cluster exists. */
export interface KubectlApplyStep {
  /** What it installs. */
  what: string;
  /** The `kubectl apply` command line. */
  command: string;
}

/**
 * The manifests Terraform does not apply (it has no Kubernetes provider):
 * the COS preloaded NVIDIA driver for the DRA pool, the Inference Extension
 * CRDs and the Gateway. `clusterDir` is how the command reaches the cluster
 * directory (e.g. `..` from `terraform/`, or empty for the directory itself).
 * The gcloud script, the README and the workflow run the same steps.
 */
export function kubectlApplySteps(
  plan: GkeClusterPlan,
  clusterDir: string,
): KubectlApplyStep[] {
  const steps: KubectlApplyStep[] = [];
  if (plan.draPool) {
    steps.push({
      what: 'The DRA pool has no GKE-managed driver: the NVIDIA driver preloaded on COS',
      command: `kubectl apply -f ${COS_PRELOADED_DRIVER_DAEMONSET}`,
    });
  }
  if (plan.spec.inferenceGateway?.enabled) {
    const manifest = clusterDir
      ? `${clusterDir}/${INFERENCE_GATEWAY_MANIFEST}`
      : INFERENCE_GATEWAY_MANIFEST;
    steps.push(
      {
        what: `GKE Inference Gateway: the Gateway API Inference Extension CRDs ${INFERENCE_EXTENSION_CRDS.version}`,
        command: `kubectl apply -f ${INFERENCE_EXTENSION_CRDS.manifestsUrl}`,
      },
      {
        what: 'GKE Inference Gateway: the Gateway',
        command: `kubectl apply -f ${manifest}`,
      },
    );
  }
  return steps;
}
