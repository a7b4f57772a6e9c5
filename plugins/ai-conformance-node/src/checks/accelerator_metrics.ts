/**
 * accelerator_metrics: an accelerator metrics exporter runs on the
 * accelerator nodes (NVIDIA DCGM exporter, GKE managed DCGM, AMD device
 * metrics exporter, AWS Neuron monitor).
 *
 * - pass: an exporter DaemonSet has every scheduled pod ready.
 * - partial: an exporter is installed but has no pods because the cluster
 *   has no accelerator nodes; or only some of its pods are ready.
 * - fail: accelerator nodes without an exporter, an exporter with no ready
 *   pod, or a CPU-only cluster without any exporter (the cluster cannot show
 *   per-accelerator metrics, so it cannot meet this MUST).
 * - unknown: nodes or DaemonSets cannot be listed.
 * Metric names (utilization, memory) are confirmed only by scraping the
 * endpoint (official TestAcceleratorPerformanceMetrics).
 */
import type { Check } from './types';
import { READS } from './lib/reads';
import { lookup } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import {
  daemonSetEvidence,
  daemonSetReady,
  qualifiedName,
} from './lib/objects';
import { describeAccelerators } from './lib/accelerators';
import { acceleratorInventory, unknownIfDraUnreadable } from './lib/inventory';
import { matchWorkloads } from './lib/workloads';

const ID = 'accelerator_metrics';
const EXPORTER =
  /dcgm-exporter|dcgm|device-metrics-exporter|amd-metrics-exporter|neuron-monitor|tpu-metrics/;
const NOTE =
  'Passive evidence shows the exporter runs; per-device utilization and memory metrics are confirmed by scraping its endpoint (official TestAcceleratorPerformanceMetrics).';

export const acceleratorMetricsCheck: Check = {
  id: ID,
  reads: [READS.nodes, READS.daemonsets, READS.resourceslices],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const inv = acceleratorInventory(ctx);
    const ds = lookup(ctx, READS.daemonsets);
    const errors = [
      ...(inv.state === 'failed' ? [inv.error] : []),
      ...(ds.state === 'failed' ? [ds.error] : []),
    ];
    if (errors.length || inv.state === 'failed') {
      return unknownOutcome(
        errors,
        'whether an accelerator metrics exporter runs',
        { remediation, links },
      );
    }
    const exporters =
      ds.state === 'ok' ? matchWorkloads(ds.items, EXPORTER) : [];
    const evidence = exporters.map(e =>
      daemonSetEvidence(e, 'Accelerator metrics exporter'),
    );
    const notes = [NOTE];
    const accel = inv.accelerators;
    const ready = exporters.filter(daemonSetReady);
    if (!accel.length) {
      const draUnknown = unknownIfDraUnreadable(
        inv,
        'whether the cluster has accelerators published through DRA',
        { evidence, remediation, links, notes },
      );
      if (draUnknown) return draUnknown;
      if (exporters.length) {
        return outcome(
          'partial',
          `No accelerator nodes: exporter ${exporters
            .map(qualifiedName)
            .join(', ')} is installed but has no device to report on.`,
          { evidence, remediation, links, notes },
        );
      }
      return outcome(
        'fail',
        'No accelerator nodes and no accelerator metrics exporter: this cluster cannot expose per-accelerator metrics. Add an accelerator node pool with a metrics exporter.',
        { remediation, links, notes },
      );
    }
    if (ready.length) {
      return outcome(
        'pass',
        `Accelerator metrics exporter ${ready
          .map(qualifiedName)
          .join(', ')} runs with all pods ready for ${describeAccelerators(
          accel,
        )}.`,
        { evidence, links, notes },
      );
    }
    if (!exporters.length) {
      return outcome(
        'fail',
        `No accelerator metrics exporter (DCGM exporter or equivalent) was found for ${describeAccelerators(
          accel,
        )}.`,
        { remediation, links, notes },
      );
    }
    const someReady = exporters.some(
      e => Number(e.status?.numberReady ?? 0) > 0,
    );
    return outcome(
      someReady ? 'partial' : 'fail',
      `Accelerator metrics exporter ${exporters
        .map(qualifiedName)
        .join(', ')} is installed but ${
        someReady ? 'not all of its pods are' : 'none of its pods is'
      } ready.`,
      { evidence, remediation, links, notes },
    );
  },
};
