/**
 * What GKE needs for the template's optional pools and the Inference
 * Gateway: the facts the validator, the Terraform files and the gcloud script
 * share.
 */

/**
 * Node labels of a GPU pool whose GPUs the NVIDIA DRA driver hands out
 * (GKE's 1.37 AI Conformance reproducer): GKE's device plugin stays off, and
 * the DRA driver's kubelet plugin selects the nodes.
 */
export const DRA_POOL_NODE_LABELS: Readonly<Record<string, string>> = {
  'gke-no-default-nvidia-gpu-device-plugin': 'true',
  'nvidia.com/gpu.present': 'true',
  'cloud.google.com/gke-nvidia-gpu-dra-driver': 'true',
};

/** Taint of the DRA pool's nodes: only GPU workloads land there. */
export const DRA_POOL_TAINT = {
  key: 'nvidia.com/gpu',
  value: 'present',
  /** As gcloud spells it; Terraform uses `NO_SCHEDULE`. */
  effect: 'NoSchedule',
  terraformEffect: 'NO_SCHEDULE',
} as const;

/**
 * The DaemonSet that installs the NVIDIA driver preloaded on COS, for nodes
 * created with `gpu-driver-version=disabled`.
 */
export const COS_PRELOADED_DRIVER_DAEMONSET =
  'https://raw.githubusercontent.com/GoogleCloudPlatform/container-engine-accelerators/master/nvidia-driver-installer/cos/daemonset-preloaded.yaml';

/** GKE Sandbox: the runtime class a sandboxed pool offers. */
export const GKE_SANDBOX_TYPE = 'gvisor';

/**
 * Single-cluster GatewayClasses GKE Inference Gateway runs on: a regional
 * external Application Load Balancer or a regional internal one. Both need a
 * proxy-only subnet in the cluster's region.
 */
export const INFERENCE_GATEWAY_CLASSES = [
  'gke-l7-regional-external-managed',
  'gke-l7-rilb',
] as const;

export type InferenceGatewayClass = (typeof INFERENCE_GATEWAY_CLASSES)[number];

export const INFERENCE_GATEWAY_CLASS_TITLES: Record<
  InferenceGatewayClass,
  string
> = {
  'gke-l7-regional-external-managed':
    'Regional external Application Load Balancer (gke-l7-regional-external-managed)',
  'gke-l7-rilb': 'Regional internal Application Load Balancer (gke-l7-rilb)',
};

/** Default range of the proxy-only subnet the regional gateways need. */
export const DEFAULT_PROXY_ONLY_SUBNET_RANGE = '10.129.0.0/23';

/** What a subnet range looks like (the template's field and the action's check). */
export const PROXY_ONLY_SUBNET_RANGE_PATTERN =
  '^[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}/[0-9]{1,2}$';
