import type { KubeObject, NodePoolSpec, Scenario } from '../types';
import { uidOf } from '../scenario/objectIds';
import { quantityValue } from './quantity';

/** One GPU of a node, as `nvidia-smi -L` names it. */
export interface NodeGpu {
  index: number;
  model: string;
  uuid: string;
}

/** The node pool a node belongs to: the pool with the most labels, all of them on the node. */
export function poolOfNode(
  scenario: Scenario,
  node: KubeObject,
): NodePoolSpec | undefined {
  const labels = node.metadata.labels ?? {};
  let best: NodePoolSpec | undefined;
  for (const pool of scenario.nodePools ?? []) {
    const own = Object.entries(pool.labels ?? {});
    if (!own.every(([k, v]) => labels[k] === v)) continue;
    if (!best || own.length > Object.keys(best.labels ?? {}).length)
      best = pool;
  }
  return best;
}

/** The node's GPUs: as many as it advertises (or its pool declares), named by the pool's model. */
export function gpusOfNode(
  scenario: Scenario,
  node: KubeObject,
  resource: string,
): NodeGpu[] {
  const pool = poolOfNode(scenario, node);
  const status = node.status as
    | { capacity?: Record<string, string> }
    | undefined;
  const advertised = quantityValue(status?.capacity?.[resource]);
  let count = pool?.gpuModel ? pool.gpusPerNode ?? 1 : 0;
  if (Number.isFinite(advertised)) count = advertised;
  const model = pool?.gpuModel ?? 'NVIDIA GPU';
  return Array.from({ length: count }, (_, index) => ({
    index,
    model,
    uuid: `GPU-${uidOf(`gpu:${node.metadata.name}:${index}`)}`,
  }));
}
