import type { AcceleratorSummary } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../snapshot/types';
import {
  isAcceleratorResource,
  SUMMARY_TYPE_LABELS,
} from '../accelerators/acceleratorLabels';

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
    const type = SUMMARY_TYPE_LABELS.map(l => labels[l]).find(Boolean);
    for (const resource of Object.keys(capacity)) {
      if (!isAcceleratorResource(resource)) continue;
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
