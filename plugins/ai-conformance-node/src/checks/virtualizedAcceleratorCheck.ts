/**
 * virtualized_accelerator (conditional SHOULD): vGPU devices are exposed as
 * schedulable resources.
 *
 * Signs: NVIDIA vGPU labels (nvidia.com/vgpu.present,
 * nvidia.com/vgpu.host-driver-version), vGPU extended resources
 * (nvidia.com/GRID_*, *vgpu*), or DRA devices whose attributes mark a vGPU.
 * - pass: a vGPU resource is allocatable, or a node with vGPU labels (a vGPU
 *   guest, where the GPU Operator publishes the vGPU as nvidia.com/gpu)
 *   has an allocatable accelerator resource.
 * - partial: vGPU labels without a schedulable vGPU resource.
 * - not-applicable: no accelerators, or no accelerator shows vGPU support —
 *   passive evidence cannot show that hardware without vGPU could offer it.
 * - unknown: nodes cannot be listed.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { notApplicable, outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { objectRef } from './lib/objects';
import { isAcceleratorResource } from './lib/accelerators';
import { acceleratorInventory, unknownIfDraUnreadable } from './lib/inventory';

const ID = 'virtualized_accelerator';
const VGPU_LABELS = [
  'nvidia.com/vgpu.present',
  'nvidia.com/vgpu.host-driver-version',
];
const VGPU_RESOURCE = /^nvidia\.com\/(GRID_.+|.*vgpu.*)$/i;

export const virtualizedAcceleratorCheck: Check = {
  id: ID,
  reads: [READS.nodes, READS.resourceslices],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const inv = acceleratorInventory(ctx);
    if (inv.state === 'failed')
      return unknownOutcome(
        [inv.error],
        'whether virtualized accelerators are exposed',
        { remediation, links },
      );
    const evidence: Evidence[] = [];
    let schedulable = false;
    for (const node of inv.nodes) {
      const labels = node.metadata.labels ?? {};
      const fields: Record<string, string> = {};
      for (const l of VGPU_LABELS)
        if (labels[l] && labels[l] !== 'false')
          fields[`metadata.labels[${l}]`] = labels[l];
      const vgpuLabelled = Object.keys(fields).length > 0;
      for (const [k, v] of Object.entries<string>(
        node.status?.allocatable ?? {},
      )) {
        if (String(v) === '0') continue;
        if (
          VGPU_RESOURCE.test(k) ||
          (vgpuLabelled && isAcceleratorResource(k))
        ) {
          fields[`status.allocatable[${k}]`] = String(v);
          schedulable = true;
        }
      }
      if (Object.keys(fields).length)
        evidence.push({
          description: `Node ${node.metadata.name} exposes vGPU devices`,
          object: objectRef(node, 'v1', 'Node'),
          fields,
        });
    }
    const vgpuSlices = (inv.slices ?? []).filter(s =>
      (s.spec?.devices ?? []).some((d: any) =>
        /vgpu/i.test(JSON.stringify(d?.attributes ?? {})),
      ),
    );
    if (vgpuSlices.length) {
      schedulable = true;
      evidence.push({
        description: `DRA publishes vGPU devices (${vgpuSlices.length} ResourceSlice(s))`,
        object: objectRef(vgpuSlices[0], 'resource.k8s.io/v1', 'ResourceSlice'),
      });
    }
    if (evidence.length && schedulable) {
      return outcome(
        'pass',
        `Virtualized accelerators (vGPU) are exposed as schedulable resources on ${evidence.length} node(s) or DRA pools.`,
        { evidence: evidence.slice(0, 20), links },
      );
    }
    if (evidence.length) {
      return outcome(
        'partial',
        'vGPU nodes are present but no vGPU device is published as a schedulable resource.',
        { evidence: evidence.slice(0, 20), remediation, links },
      );
    }
    const draUnknown = unknownIfDraUnreadable(
      inv,
      'whether DRA publishes virtualized accelerators',
      { remediation, links },
    );
    if (draUnknown) return draUnknown;
    if (!inv.accelerators.length)
      return notApplicable(ctx, 'the cluster has no accelerator nodes', {
        links,
      });
    return notApplicable(
      ctx,
      'none of the accelerator nodes shows vGPU support (no vGPU labels, resources or DRA devices); passthrough GPUs are exposed whole or through GPU sharing',
      {
        links,
        notes: [
          'Passive evidence cannot show whether the hardware could offer vGPU; a vendor that offers vGPU elsewhere documents it in the submission notes.',
        ],
      },
    );
  },
};
