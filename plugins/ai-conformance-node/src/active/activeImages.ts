/**
 * Images the active checks run. Each can be overridden (e.g. an air-gapped
 * mirror) with `ActiveCheckOptions.images` or the CLI's `--image name=ref`.
 *
 * @public
 */
export interface ActiveImages {
  /** Runs `uname -r`, `sleep`, `true`: any small image with a shell toolbox. */
  toolbox: string;
  /** Runs `nvidia-smi -L`: a CUDA base image (the driver's tools are mounted by the runtime). */
  cuda: string;
  /** Head container of the RayCluster robust_controller creates. */
  ray: string;
  /** Exposes one constant gauge (`--metric-name`, `--metric-value`) for pod_autoscaling's HPA. */
  metricsExporter: string;
}

/** @public */
export const DEFAULT_ACTIVE_IMAGES: ActiveImages = {
  toolbox: 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1',
  cuda: 'nvcr.io/nvidia/cuda:12.9.1-base-ubuntu24.04',
  ray: 'rayproject/ray:2.49.0-py311',
  metricsExporter: 'gcr.io/google-samples/prometheus-dummy-exporter:v0.2.0',
};

/** @public */
export const ACTIVE_IMAGE_NAMES = Object.keys(DEFAULT_ACTIVE_IMAGES) as Array<
  keyof ActiveImages
>;
