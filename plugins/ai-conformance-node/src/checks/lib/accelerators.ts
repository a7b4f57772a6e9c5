/**
 * Finds accelerator nodes and what the nodes say about them: extended
 * resources from device plugins, vendor labels, sharing and driver labels.
 */
import type { KubeObject } from '../../snapshot/types';
import {
  ACCELERATOR_NODE_LABELS,
  SUMMARY_TYPE_LABELS,
  firstLabel,
  isAcceleratorResource,
} from '../../accelerators/acceleratorLabels';

export { isAcceleratorResource };

export interface AcceleratorNode {
  node: KubeObject;
  /** Accelerator extended resources with allocatable > 0 (name → count). */
  resources: Record<string, number>;
  /** Accelerator labels present on the node. */
  labels: Record<string, string>;
}

function quantity(v: unknown): number {
  const n = Number.parseInt(String(v ?? '0'), 10);
  return Number.isNaN(n) ? 0 : n;
}

export function acceleratorResources(node: KubeObject): Record<string, number> {
  const alloc: Record<string, unknown> = node.status?.allocatable ?? {};
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(alloc)) {
    if (isAcceleratorResource(name) && quantity(value) > 0) {
      out[name] = quantity(value);
    }
  }
  return out;
}

/** Nodes that have an accelerator resource or an accelerator label. */
export function acceleratorNodes(nodes: KubeObject[]): AcceleratorNode[] {
  const out: AcceleratorNode[] = [];
  for (const node of nodes) {
    const resources = acceleratorResources(node);
    const nodeLabels = node.metadata.labels ?? {};
    const labels: Record<string, string> = {};
    for (const l of ACCELERATOR_NODE_LABELS) {
      if (nodeLabels[l] !== undefined && nodeLabels[l] !== 'false') {
        labels[l] = nodeLabels[l];
      }
    }
    if (Object.keys(resources).length || Object.keys(labels).length) {
      out.push({ node, resources, labels });
    }
  }
  return out;
}

/** Is this a GPU (as opposed to TPU or other accelerator) node? */
export function isGpuNode(a: AcceleratorNode): boolean {
  if (Object.keys(a.resources).some(r => /gpu|mig-/.test(r))) return true;
  return Object.keys(a.labels).some(
    l => l !== 'cloud.google.com/gke-tpu-accelerator' && !/tpu/.test(l),
  );
}

/** "nvidia-l4 (3 nodes)"-style summary of accelerator types. */
export function describeAccelerators(nodes: AcceleratorNode[]): string {
  const counts = new Map<string, number>();
  for (const a of nodes) {
    const type =
      firstLabel(a.labels, SUMMARY_TYPE_LABELS)?.value ??
      Object.keys(a.resources)[0] ??
      'accelerator';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([t, n]) => `${t} (${n} node${n === 1 ? '' : 's'})`)
    .join(', ');
}

/** ResourceSlices published by a DRA driver matching `driver` (string or pattern). */
export function slicesOfDriver(
  slices: KubeObject[],
  driver: RegExp,
): KubeObject[] {
  return slices.filter(s => driver.test(String(s.spec?.driver ?? '')));
}

/** DRA drivers that publish accelerator devices. */
export const ACCELERATOR_DRA_DRIVER =
  /(^|\.)(gpu|mig)\.nvidia\.com$|^gpu\.amd\.com$|^gpu\.intel\.com$|^tpu\.google\.com$|neuron/;

/**
 * Accelerator nodes, counting nodes whose devices are published only through
 * DRA ResourceSlices (no extended resource) when slices are available.
 */
export function acceleratorNodesWithDra(
  nodes: KubeObject[],
  slices: KubeObject[] | undefined,
): AcceleratorNode[] {
  const found = acceleratorNodes(nodes);
  if (!slices) return found;
  const known = new Set(found.map(a => a.node.metadata.name));
  const draNodes = new Set(
    slices
      .filter(s => ACCELERATOR_DRA_DRIVER.test(String(s.spec?.driver ?? '')))
      .map(s => String(s.spec?.nodeName ?? ''))
      .filter(Boolean),
  );
  for (const node of nodes) {
    if (draNodes.has(node.metadata.name) && !known.has(node.metadata.name)) {
      found.push({ node, resources: {}, labels: {} });
    }
  }
  return found;
}

/** Node names with accelerator devices published through DRA. */
export function draAcceleratorNodeNames(slices: KubeObject[]): Set<string> {
  return new Set(
    slices
      .filter(s => ACCELERATOR_DRA_DRIVER.test(String(s.spec?.driver ?? '')))
      .map(s => String(s.spec?.nodeName ?? ''))
      .filter(Boolean),
  );
}
