/**
 * Accelerator facts read from nodes: the extended resources device plugins
 * publish and the labels that name or mark accelerator nodes. Every user in
 * the engine (inventory, report summary, checks) reads them from here.
 */

/**
 * Extended resources that are accelerators: GPUs, MIG slices, shared GPUs,
 * TPUs, Gaudi, Neuron.
 *
 * @public
 */
export const ACCELERATOR_RESOURCE =
  /^(nvidia\.com\/(gpu|gpu\.shared|mig-.+)|amd\.com\/gpu|google\.com\/tpu|intel\.com\/gpu|gpu\.intel\.com\/.+|habana\.ai\/gaudi|aws\.amazon\.com\/neuron(core|device)?)$/;

/**
 * Is this extended resource name an accelerator (e.g. `nvidia.com/gpu`)?
 *
 * @public
 */
export function isAcceleratorResource(name: string): boolean {
  return ACCELERATOR_RESOURCE.test(name);
}

/**
 * Node labels that mark an accelerator node even before its resources are
 * published.
 */
export const ACCELERATOR_NODE_LABELS = [
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'nvidia.com/gpu.present',
  'nvidia.com/gpu.product',
  'feature.node.kubernetes.io/pci-10de.present',
  'karpenter.k8s.aws/instance-gpu-name',
  'amd.com/gpu.family',
];

/** Node labels naming the accelerator model in the report summary, most specific first. */
export const SUMMARY_TYPE_LABELS = [
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'nvidia.com/gpu.product',
  'amd.com/gpu.product-name',
  'k8s.amazonaws.com/accelerator',
];

/**
 * Node labels naming the node pool, most specific first.
 *
 * @public
 */
export const POOL_LABELS = [
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'karpenter.sh/nodepool',
  'kubernetes.azure.com/agentpool',
  'agentpool',
  'node.kubernetes.io/pool',
];

/** Node labels naming the accelerator type, most specific first. */
export const ACCELERATOR_TYPE_LABELS = [
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'k8s.amazonaws.com/accelerator',
];

/** Node labels naming the accelerator model. */
export const MODEL_LABELS = [
  'nvidia.com/gpu.product',
  'amd.com/gpu.product-name',
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'k8s.amazonaws.com/accelerator',
];

/** Node labels carrying a driver version. */
export const DRIVER_LABELS = [
  'nvidia.com/cuda.driver-version.full',
  'nvidia.com/cuda.driver.full',
  'cloud.google.com/gke-gpu-driver-version',
  'amd.com/gpu.driver-version',
];

/** Provider labels copied to a pool when every node shares them. */
export const POOL_DETAIL_LABELS = [
  'cloud.google.com/gke-nodepool',
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-accelerator-count',
  'cloud.google.com/gke-gpu',
  'cloud.google.com/gke-gpu-driver-version',
  'cloud.google.com/gke-gpu-sharing-strategy',
  'cloud.google.com/gke-max-shared-clients-per-gpu',
  'cloud.google.com/gke-tpu-accelerator',
  'cloud.google.com/gke-tpu-topology',
  'cloud.google.com/gke-spot',
  'cloud.google.com/machine-family',
  'eks.amazonaws.com/nodegroup',
  'eks.amazonaws.com/capacityType',
  'karpenter.sh/nodepool',
  'node.kubernetes.io/instance-type',
];

/**
 * Pool name shown for nodes without any pool label.
 *
 * @public
 */
export const NO_POOL = '(no pool label)';

/** The first present label of a list. */
export function firstLabel(
  labels: Record<string, string>,
  keys: string[],
): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = labels[key];
    if (value) return { key, value };
  }
  return undefined;
}

/**
 * Reads a count quantity of an extended resource ('2', '2k' is not used for
 * devices). Accelerator resources are whole numbers; anything else counts 0.
 */
export function countQuantity(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  const text = String(value ?? '').trim();
  if (!/^\d+$/.test(text)) return 0;
  return Number(text);
}
