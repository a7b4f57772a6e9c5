/**
 * secure_accelerator_access: accelerators reach pods only through the
 * device plugin or DRA.
 *
 * - pass: every accelerator node publishes its devices as an allocatable
 *   extended resource (device plugin) or through DRA ResourceSlices, so the
 *   scheduler and kubelet mediate every allocation.
 * - partial: only some accelerator nodes do; or a CPU-only cluster where a
 *   device plugin / DRA driver is installed but no node can show it.
 * - fail: accelerator nodes whose devices are not published at all, or a
 *   CPU-only cluster with no mediation mechanism: there is no accelerator
 *   the cluster could show as isolated, so it cannot meet this MUST.
 * - unknown: nodes cannot be listed.
 * Isolation between pods is proven only by the official active test
 * (TestSecureAcceleratorAccess); passive evidence shows the mechanism.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { lookup } from './lib/readAccess';
import { optionalReadNotes, outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { daemonSetEvidence, objectRef } from './lib/objects';
import {
  describeAccelerators,
  draAcceleratorNodeNames,
  type AcceleratorNode,
} from './lib/accelerators';
import { acceleratorInventory, unknownIfDraUnreadable } from './lib/inventory';
import { matchWorkloads } from './lib/workloads';

const ID = 'secure_accelerator_access';
const PLUGIN = /device-plugin|dra-driver|kubelet-plugin/;
const NOTE =
  "Isolation between pods (a pod without a request sees no device; pods cannot see each other's devices) is proven by the official TestSecureAcceleratorAccess.";

function exposure(a: AcceleratorNode, dra: Set<string>): string {
  if (Object.keys(a.resources).length) {
    return `allocatable ${Object.entries(a.resources)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`;
  }
  if (dra.has(a.node.metadata.name))
    return 'devices published through DRA ResourceSlices';
  return 'accelerator labels but no allocatable accelerator resource';
}

export const secureAcceleratorAccessCheck: Check = {
  id: ID,
  reads: [READS.nodes, READS.resourceslices, READS.daemonsets],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const inv = acceleratorInventory(ctx);
    if (inv.state === 'failed')
      return unknownOutcome([inv.error], 'how accelerators are exposed', {
        remediation,
        links,
      });
    const notes = [NOTE];
    const ds = lookup(ctx, READS.daemonsets);
    if (ds.state === 'failed') notes.push(...optionalReadNotes([ds.error]));
    if (inv.slicesError) notes.push(...optionalReadNotes([inv.slicesError]));
    const plugins = ds.state === 'ok' ? matchWorkloads(ds.items, PLUGIN) : [];
    const evidence: Evidence[] = plugins.map(p =>
      daemonSetEvidence(p, 'Device plugin / DRA driver'),
    );
    const draUnknown = unknownIfDraUnreadable(
      inv,
      'whether accelerators are published through DRA',
      { evidence, remediation, links, notes },
    );
    if (!inv.accelerators.length) {
      if (draUnknown) return draUnknown;
      if (plugins.length) {
        return outcome(
          'partial',
          'No accelerator nodes: a device plugin or DRA driver is installed, but no node can show accelerators being mediated.',
          { evidence, remediation, links, notes },
        );
      }
      return outcome(
        'fail',
        'No accelerator nodes and no device plugin or DRA driver: this cluster cannot show mediated, isolated accelerator access. Add an accelerator node pool.',
        { remediation, links, notes },
      );
    }
    const dra = draAcceleratorNodeNames(inv.slices ?? []);
    const mediated = inv.accelerators.filter(
      a => Object.keys(a.resources).length || dra.has(a.node.metadata.name),
    );
    const mediatedSet = new Set(mediated);
    const unmediated = inv.accelerators.filter(a => !mediatedSet.has(a));
    for (const a of inv.accelerators) {
      const taints: Array<{ key: string; value?: string; effect: string }> =
        a.node.spec?.taints ?? [];
      const taint = taints.find(t => /gpu|tpu|accelerator|neuron/.test(t.key));
      evidence.push({
        description: `Node ${a.node.metadata.name}: ${exposure(a, dra)}`,
        object: objectRef(a.node, 'v1', 'Node'),
        fields: {
          ...Object.fromEntries(
            Object.entries(a.resources).map(([k, v]) => [
              `status.allocatable[${k}]`,
              v,
            ]),
          ),
          ...(taint
            ? {
                [`spec.taints[${taint.key}]`]: `${taint.value ?? ''}:${
                  taint.effect
                }`,
              }
            : {}),
        },
      });
    }
    if (!unmediated.length) {
      return outcome(
        'pass',
        `All ${mediated.length} accelerator node(s) (${describeAccelerators(
          mediated,
        )}) expose devices only through the device plugin or DRA.`,
        { evidence: evidence.slice(0, 20), links, notes },
      );
    }
    if (draUnknown) return draUnknown;
    return outcome(
      mediated.length ? 'partial' : 'fail',
      `${unmediated.length} of ${
        inv.accelerators.length
      } accelerator node(s) (${unmediated
        .slice(0, 5)
        .map(a => a.node.metadata.name)
        .join(
          ', ',
        )}) show accelerator labels but publish no device through a device plugin or DRA.`,
      { evidence: evidence.slice(0, 20), remediation, links, notes },
    );
  },
};
