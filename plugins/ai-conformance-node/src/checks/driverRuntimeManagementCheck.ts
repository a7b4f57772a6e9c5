/**
 * driver_runtime_management (SHOULD): accelerator driver and runtime versions
 * can be verified on every accelerator node.
 *
 * Driver evidence per node: GKE-managed driver label
 * (cloud.google.com/gke-gpu-driver-version), NVIDIA GPU Feature Discovery
 * labels (nvidia.com/cuda.driver-version.full…), AMD labels, GKE TPU node
 * labels (TPU runtime managed by GKE), or DRA ResourceSlice device attributes
 * (driverVersion, cudaDriverVersion), or by shape any node label whose key
 * carries a driver version (e.g. `<vendor>/gpu-driver-version`).
 * Runtime: status.nodeInfo.containerRuntimeVersion.
 * - pass: every accelerator node shows a driver version or managed driver.
 * - partial: some do.
 * - fail: none does.
 * - not-applicable: no accelerator nodes.
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
import type { AcceleratorNode } from './lib/accelerators';

const ID = 'driver_runtime_management';
const DRIVER_LABELS = [
  'cloud.google.com/gke-gpu-driver-version',
  'nvidia.com/cuda.driver-version.full',
  'nvidia.com/cuda.driver.major',
  'nvidia.com/cuda.runtime-version.full',
  'amd.com/gpu.driver-version',
  'cloud.google.com/gke-tpu-accelerator',
];
/** By shape: any vendor's node label that carries an accelerator driver version. */
const DRIVER_LABEL_SHAPE = {
  test: (key: string) =>
    /driver[-._]?version/i.test(key) &&
    /gpu|accelerator|npu|cuda|neuron|tpu|rocm|nvidia|amd|habana|gaudi/i.test(
      key,
    ),
};
const DRA_VERSION_ATTR = /driverVersion|cudaDriverVersion/;

/** Node name → DRA version attributes published for it ("driver/attribute" → version). */
function draVersionsByNode(
  slices: KubeObject[],
): Map<string, Record<string, string>> {
  const byNode = new Map<string, Record<string, string>>();
  for (const s of slices) {
    const nodeName = String(s.spec?.nodeName ?? '');
    if (!nodeName) continue;
    const out = byNode.get(nodeName) ?? {};
    for (const d of s.spec?.devices ?? []) {
      for (const [k, v] of Object.entries<any>(d?.attributes ?? {})) {
        if (DRA_VERSION_ATTR.test(k))
          out[`${s.spec.driver}/${k}`] = String(v?.version ?? v?.string ?? v);
      }
    }
    byNode.set(nodeName, out);
  }
  return byNode;
}

function driverFields(
  a: AcceleratorNode,
  dra: Map<string, Record<string, string>>,
): Record<string, string> {
  const labels = a.node.metadata.labels ?? {};
  const fields: Record<string, string> = {};
  for (const [l, v] of Object.entries(labels))
    if (v && (DRIVER_LABELS.includes(l) || DRIVER_LABEL_SHAPE.test(l)))
      fields[`metadata.labels[${l}]`] = v;
  for (const [k, v] of Object.entries(dra.get(a.node.metadata.name) ?? {}))
    fields[`resourceslice.${k}`] = v;
  return fields;
}

export const driverRuntimeManagementCheck: Check = {
  id: ID,
  reads: [READS.nodes, READS.resourceslices],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const inv = acceleratorInventory(ctx);
    if (inv.state === 'failed')
      return unknownOutcome([inv.error], 'accelerator driver versions', {
        remediation,
        links,
      });
    const draUnknown = unknownIfDraUnreadable(
      inv,
      'accelerator driver versions published through DRA',
      { remediation, links },
    );
    if (!inv.accelerators.length && draUnknown) return draUnknown;
    if (!inv.accelerators.length)
      return notApplicable(ctx, 'the cluster has no accelerator nodes', {
        links,
      });
    const notes = inv.slicesError ? optionalReadNotes([inv.slicesError]) : [];
    const evidence: Evidence[] = [];
    const missing: string[] = [];
    const dra = draVersionsByNode(inv.slices ?? []);
    for (const a of inv.accelerators) {
      const fields = driverFields(a, dra);
      if (!Object.keys(fields).length) {
        missing.push(a.node.metadata.name);
        continue;
      }
      const runtime = a.node.status?.nodeInfo?.containerRuntimeVersion;
      if (runtime) fields['status.nodeInfo.containerRuntimeVersion'] = runtime;
      evidence.push({
        description: `Node ${a.node.metadata.name} publishes its accelerator driver and runtime versions`,
        object: objectRef(a.node, 'v1', 'Node'),
        fields,
      });
    }
    const shown = evidence.slice(0, 20);
    if (!missing.length) {
      return outcome(
        'pass',
        `All ${inv.accelerators.length} accelerator node(s) publish a managed or verifiable driver version and container runtime version.`,
        { evidence: shown, links, notes },
      );
    }
    if (draUnknown) return draUnknown;
    const list = missing.slice(0, 5).join(', ');
    if (missing.length < inv.accelerators.length) {
      return outcome(
        'partial',
        `${missing.length} of ${inv.accelerators.length} accelerator node(s) publish no driver version (${list}).`,
        { evidence: shown, remediation, links, notes },
      );
    }
    return outcome(
      'fail',
      `No accelerator node publishes a driver version (${list}).`,
      { remediation, links, notes },
    );
  },
};
