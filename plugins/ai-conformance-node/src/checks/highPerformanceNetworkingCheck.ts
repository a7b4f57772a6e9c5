/**
 * high_performance_networking (conditional SHOULD): specialised network
 * interfaces are managed and discoverable (DRA network drivers such as
 * DRANET, GKE multi-networking, Multus NetworkAttachmentDefinitions, RDMA
 * device resources).
 *
 * - pass: any such mechanism is found.
 * - fail: accelerator nodes exist but no mechanism (the requirement applies
 *   when high-performance pod-to-pod traffic is needed, which is typical for
 *   multi-node training and serving on accelerators).
 * - not-applicable: no accelerator nodes and no mechanism.
 * - unknown: discovery or nodes failed.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { discoveryError } from './lib/readAccess';
import {
  notApplicable,
  optionalReadNotes,
  outcome,
  unknownOutcome,
} from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { objectRef } from './lib/objects';
import { acceleratorInventory, unknownIfDraUnreadable } from './lib/inventory';

const ID = 'high_performance_networking';
const NETWORK_DRIVER = /dra\.net|dranet|rdma|sriov|network|nic/i;
const NETWORK_RESOURCE =
  /^(rdma\/.+|.*sriov.*|networking\.gke\.io\.networks\/.+|nvidia\.com\/(rdma|hostdev).*)$/i;
const MULTI_NETWORK: Array<{
  group: string;
  resources: string[];
  name: string;
}> = [
  {
    group: 'networking.gke.io',
    resources: ['networks', 'gkenetworkparamsets'],
    name: 'GKE multi-networking',
  },
  {
    group: 'k8s.cni.cncf.io',
    resources: ['network-attachment-definitions'],
    name: 'Multus NetworkAttachmentDefinitions',
  },
];

export const highPerformanceNetworkingCheck: Check = {
  id: ID,
  reads: [READS.nodes, READS.resourceslices],
  discoveryGroups: MULTI_NETWORK.map(m => m.group),
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    const inv = acceleratorInventory(ctx);
    const errors = [
      ...(dErr ? [dErr] : []),
      ...(inv.state === 'failed' ? [inv.error] : []),
    ];
    if (errors.length || inv.state === 'failed')
      return unknownOutcome(
        errors,
        'whether high-performance networking is available',
        { remediation, links },
      );
    const evidence: Evidence[] = [];
    for (const m of MULTI_NETWORK) {
      const served = (ctx.group(m.group)?.versions ?? []).flatMap(v =>
        v.resources.map(r => r.name),
      );
      const found = m.resources.filter(r => served.includes(r));
      if (found.length)
        evidence.push({
          description: `${m.name}: ${m.group} serves ${found.join(', ')}`,
          fields: { 'discovery.resources': found.join(',') },
        });
    }
    const slices = (inv.slices ?? []).filter(s =>
      NETWORK_DRIVER.test(String(s.spec?.driver ?? '')),
    );
    if (slices.length) {
      evidence.push({
        description: `DRA network driver ${slices[0].spec?.driver} publishes ${slices.length} ResourceSlice(s) describing network devices`,
        object: objectRef(slices[0], 'resource.k8s.io/v1', 'ResourceSlice'),
        fields: { 'spec.driver': String(slices[0].spec?.driver) },
      });
    }
    for (const node of inv.nodes) {
      const res = Object.keys(node.status?.allocatable ?? {}).filter(k =>
        NETWORK_RESOURCE.test(k),
      );
      if (res.length) {
        evidence.push({
          description: `Node ${
            node.metadata.name
          } exposes network devices ${res.join(', ')}`,
          object: objectRef(node, 'v1', 'Node'),
          fields: Object.fromEntries(
            res.map(r => [
              `status.allocatable[${r}]`,
              String(node.status.allocatable[r]),
            ]),
          ),
        });
        if (evidence.length > 20) break;
      }
    }
    const notes = inv.slicesError ? optionalReadNotes([inv.slicesError]) : [];
    if (evidence.length) {
      return outcome(
        'pass',
        `High-performance networking is available: ${evidence
          .slice(0, 3)
          .map(e => e.description)
          .join('; ')}.`,
        { evidence, links, notes },
      );
    }
    const draUnknown = unknownIfDraUnreadable(
      inv,
      'whether DRA publishes network devices',
      { remediation, links },
    );
    if (draUnknown) return draUnknown;
    if (!inv.accelerators.length) {
      return notApplicable(
        ctx,
        'no accelerator nodes, so high-performance pod-to-pod networking is not needed',
        { links, notes },
      );
    }
    return outcome(
      'fail',
      'Accelerator nodes are present but no multi-network, RDMA or DRA network mechanism is available for additional pod interfaces.',
      {
        remediation,
        links,
        notes: [
          ...notes,
          'This SHOULD applies when high-performance pod-to-pod communication is needed (e.g. multi-node training).',
        ],
      },
    );
  },
};
