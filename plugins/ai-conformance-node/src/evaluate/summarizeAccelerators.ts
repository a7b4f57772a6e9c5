import type { AcceleratorSummary } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../snapshot/types';

/** Extended resources that are accelerators (GPUs, MIG slices, TPUs, others). */
const ACCELERATOR_RESOURCE =
  /^(nvidia\.com\/(gpu|mig-.+|gpu\.shared)|amd\.com\/gpu|google\.com\/tpu|gpu\.intel\.com\/.+|habana\.ai\/gaudi|aws\.amazon\.com\/neuron(core|device)?)$/;

/** Node labels naming the accelerator model, most specific first. */
const TYPE_LABELS = [
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'nvidia.com/gpu.product',
  'amd.com/gpu.product-name',
  'k8s.amazonaws.com/accelerator',
];

function quantity(value: unknown): number {
  const n = Number.parseInt(String(value ?? '0'), 10);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Sums accelerator capacity and allocatable per resource and model over the
 * nodes, e.g. nvidia.com/gpu × nvidia-l4: 3 nodes, 6 GPUs.
 *
 * @public
 */
export function summarizeAccelerators(
  nodes: KubeObject[],
): AcceleratorSummary[] {
  const byKey = new Map<string, AcceleratorSummary>();
  for (const node of nodes) {
    const capacity: Record<string, unknown> = node.status?.capacity ?? {};
    const allocatable: Record<string, unknown> = node.status?.allocatable ?? {};
    const labels = node.metadata.labels ?? {};
    const type = TYPE_LABELS.map(l => labels[l]).find(Boolean);
    for (const resource of Object.keys(capacity)) {
      if (!ACCELERATOR_RESOURCE.test(resource)) continue;
      const cap = quantity(capacity[resource]);
      if (cap <= 0) continue;
      const key = `${resource}\u0000${type ?? ''}`;
      const entry =
        byKey.get(key) ??
        ({
          resource,
          ...(type ? { type } : {}),
          nodes: 0,
          capacity: 0,
          allocatable: 0,
        } as AcceleratorSummary);
      entry.nodes++;
      entry.capacity += cap;
      entry.allocatable += quantity(allocatable[resource]);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.resource.localeCompare(b.resource) ||
      (a.type ?? '').localeCompare(b.type ?? ''),
  );
}
