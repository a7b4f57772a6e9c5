/**
 * gpu_sharing (conditional SHOULD): at least one GPU sharing strategy is
 * available for GPUs that support it.
 *
 * Signs: MIG resources (nvidia.com/mig-*), shared GPU resources
 * (nvidia.com/gpu.shared), any extended resource that hands out a fraction
 * of a GPU (GPU memory, core or vGPU shares, e.g. volcano.sh/gpu-mem.128Mi,
 * aliyun.com/gpu-mem), GKE sharing labels
 * (cloud.google.com/gke-gpu-sharing-strategy, -max-shared-clients-per-gpu,
 * gke-gpu-partition-size), NVIDIA time-slicing (nvidia.com/gpu.replicas > 1),
 * MIG config labels, or partitionable DRA devices (mig.nvidia.com slices,
 * devices that consume shared counters).
 * - pass: a sign on any GPU node (or in DRA).
 * - fail: GPU nodes without any sharing configured.
 * - not-applicable: no GPU nodes (condition does not hold).
 * - unknown: nodes cannot be listed.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../snapshot/types';
import type { Check } from './types';
import { READS } from './lib/reads';
import {
  notApplicable,
  optionalReadNotes,
  outcome,
  unknownOutcome,
} from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { objectRef } from './lib/objects';
import { acceleratorInventory, unknownIfDraUnreadable } from './lib/inventory';
import { isGpuNode } from './lib/accelerators';

const ID = 'gpu_sharing';
const SHARING_LABELS = [
  'cloud.google.com/gke-gpu-sharing-strategy',
  'cloud.google.com/gke-max-shared-clients-per-gpu',
  'cloud.google.com/gke-gpu-partition-size',
  'nvidia.com/mig.config',
  'nvidia.com/mig.strategy',
];

/**
 * By shape: an extended resource that hands out a fraction of a GPU, whoever
 * names it: NVIDIA MIG profiles and shared GPUs, GPU memory or core shares
 * (volcano.sh/gpu-mem.128Mi, volcano.sh/gpu-core.percentage,
 * aliyun.com/gpu-mem), vGPU resources.
 */
const FRACTIONAL_GPU_RESOURCE =
  /^(nvidia\.com\/(mig-.+|gpu\.shared)|[a-z0-9.-]+\/(v?gpu[-._]?(mem|memory|core|cores|share|shared|percentage|slice|fraction)[^/]*|vgpu[^/]*))$/i;

function sharingFields(node: KubeObject): Record<string, string> {
  const labels = node.metadata.labels ?? {};
  const fields: Record<string, string> = {};
  for (const l of SHARING_LABELS) {
    if (labels[l] && labels[l] !== 'all-disabled' && labels[l] !== 'none')
      fields[`metadata.labels[${l}]`] = labels[l];
  }
  if (Number(labels['nvidia.com/gpu.replicas'] ?? 1) > 1)
    fields['metadata.labels[nvidia.com/gpu.replicas]'] =
      labels['nvidia.com/gpu.replicas'];
  for (const [k, v] of Object.entries<string>(node.status?.allocatable ?? {})) {
    if (FRACTIONAL_GPU_RESOURCE.test(k) && v !== '0')
      fields[`status.allocatable[${k}]`] = String(v);
  }
  return fields;
}

function partitionableSlices(slices: KubeObject[]): KubeObject[] {
  return slices.filter(
    s =>
      /^mig\.nvidia\.com$/.test(String(s.spec?.driver ?? '')) ||
      (s.spec?.sharedCounters ?? []).length > 0 ||
      (s.spec?.devices ?? []).some(
        (d: any) => (d?.consumesCounters ?? []).length > 0,
      ),
  );
}

export const gpuSharingCheck: Check = {
  id: ID,
  reads: [READS.nodes, READS.resourceslices],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const inv = acceleratorInventory(ctx);
    if (inv.state === 'failed')
      return unknownOutcome([inv.error], 'whether GPUs can be shared', {
        remediation,
        links,
      });
    const gpus = inv.accelerators.filter(isGpuNode);
    const draUnknown = unknownIfDraUnreadable(
      inv,
      'whether GPUs are shared through DRA',
      { remediation, links },
    );
    if (!gpus.length && draUnknown) return draUnknown;
    if (!gpus.length)
      return notApplicable(
        ctx,
        'the cluster has no GPU nodes, so no GPU sharing strategy applies',
        { links },
      );
    const notes = inv.slicesError ? optionalReadNotes([inv.slicesError]) : [];
    const evidence: Evidence[] = [];
    for (const g of gpus) {
      const fields = sharingFields(g.node);
      if (Object.keys(fields).length) {
        evidence.push({
          description: `Node ${g.node.metadata.name} shares its GPUs`,
          object: objectRef(g.node, 'v1', 'Node'),
          fields,
        });
      }
    }
    const dra = partitionableSlices(inv.slices ?? []);
    if (dra.length) {
      evidence.push({
        description: `DRA publishes partitionable GPU devices (${dra.length} ResourceSlice(s), driver ${dra[0].spec?.driver})`,
        object: objectRef(dra[0], 'resource.k8s.io/v1', 'ResourceSlice'),
      });
    }
    if (evidence.length) {
      return outcome(
        'pass',
        `GPU sharing is configured: ${evidence.length} node(s) or DRA pools offer time-sharing, MPS or MIG partitions.`,
        { evidence: evidence.slice(0, 20), links, notes },
      );
    }
    if (draUnknown) return draUnknown;
    return outcome(
      'fail',
      `None of the ${gpus.length} GPU node(s) offers time-sharing, MPS or MIG partitions.`,
      { remediation, links, notes },
    );
  },
};
