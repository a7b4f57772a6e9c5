/**
 * accelerator_metrics: an accelerator metrics exporter runs on the
 * accelerator nodes (NVIDIA DCGM exporter, GKE managed DCGM, AMD device
 * metrics exporter, AWS Neuron monitor).
 *
 * An exporter is a DaemonSet known by name, or by shape: aimed at
 * accelerator nodes (node selector, node affinity or toleration naming an
 * accelerator key) with "export", "metric" or "monitor" in its name or image.
 *
 * - pass: an exporter DaemonSet has every scheduled pod ready.
 * - partial: an exporter is installed but has no pods because the cluster
 *   has no accelerator nodes; or only some of its pods are ready.
 * - fail: accelerator nodes without an exporter, an exporter with no ready
 *   pod, or a CPU-only cluster without any exporter (the cluster cannot show
 *   per-accelerator metrics, so it cannot meet this MUST).
 * - unknown: nodes or DaemonSets cannot be listed.
 *
 * When the cluster has a configured Prometheus-compatible metrics source,
 * the snapshot carries a sample of its DCGM series (`snapshot.metrics`) and
 * the official TestAcceleratorPerformanceMetrics rules decide instead: a
 * utilization metric and a memory metric, each with a per-device label.
 * - pass: both found (evidence: metric names, device labels and values).
 * - fail: accelerator nodes exist and the sample lacks one of them.
 * - the passive verdict stays, with a note, when the source could not be
 *   read (a could-not-look never becomes pass or fail), when the cluster
 *   shows no accelerator node, or when its accelerators are not NVIDIA GPUs
 *   and the source holds no DCGM series.
 * - partial: per-device metrics found while the cluster lists no
 *   accelerator node (the source's matchers may select another cluster).
 */
import type { Check, CheckContext, CheckOutcome } from './types';
import type { KubeObject } from '../snapshot/types';
import { evaluateDcgmMetricsSample } from '../accelerators/evaluateDcgmMetricsSample';
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
import {
  matchWorkloads,
  targetsAcceleratorNodes,
  workloadImages,
} from './lib/workloads';
import {
  metricsSourceEvidence,
  onlyNonNvidiaAccelerators,
} from './lib/metricsSource';

const ID = 'accelerator_metrics';
const EXPORTER =
  /dcgm-exporter|dcgm|device-metrics-exporter|amd-metrics-exporter|neuron-monitor|tpu-metrics/;
/** By shape: a DaemonSet aimed at accelerator nodes whose name or image says it exports metrics. */
const METRICS_WORD = /export|metric|monitor/i;

function exportersOf(items: KubeObject[]): KubeObject[] {
  return items.filter(
    ds =>
      matchWorkloads([ds], EXPORTER).length > 0 ||
      (targetsAcceleratorNodes(ds) &&
        (METRICS_WORD.test(ds.metadata.name) ||
          workloadImages(ds).some(i => METRICS_WORD.test(i.split('@')[0])))),
  );
}

const NOTE =
  'Passive evidence shows the exporter runs; per-device utilization and memory metrics are confirmed by the official TestAcceleratorPerformanceMetrics rules when a metrics source is configured (backend aiConformance.metrics, CLI --prometheus-url).';

/** The verdict from what the API server shows (exporter DaemonSets). */
function passiveOutcome(ctx: CheckContext): CheckOutcome {
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
  const exporters = ds.state === 'ok' ? exportersOf(ds.items) : [];
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
  const someReady = exporters.some(e => Number(e.status?.numberReady ?? 0) > 0);
  return outcome(
    someReady ? 'partial' : 'fail',
    `Accelerator metrics exporter ${exporters
      .map(qualifiedName)
      .join(', ')} is installed but ${
      someReady ? 'not all of its pods are' : 'none of its pods is'
    } ready.`,
    { evidence, remediation, links, notes },
  );
}

/** The passive outcome with extra notes (the metrics source did not decide). */
function withNotes(result: CheckOutcome, ...notes: string[]): CheckOutcome {
  return { ...result, notes: [...(result.notes ?? []), ...notes] };
}

export const acceleratorMetricsCheck: Check = {
  id: ID,
  reads: [READS.nodes, READS.daemonsets, READS.resourceslices],
  evaluate(ctx) {
    const passive = passiveOutcome(ctx);
    const metrics = ctx.snapshot.metrics;
    if (!metrics) return passive;
    if (metrics.error !== undefined || !metrics.samples) {
      return withNotes(
        passive,
        `The metrics source (${metrics.source}) could not be read: ${
          metrics.error ?? 'no sample was taken'
        }. The result rests on passive evidence.`,
      );
    }
    const evaluation = evaluateDcgmMetricsSample(metrics.samples);
    const sourceEvidence = metricsSourceEvidence(metrics, evaluation);
    const inv = acceleratorInventory(ctx);
    const accel = inv.state === 'ok' ? inv.accelerators : undefined;
    const passiveNote = `Passive evidence: ${passive.summary}`;
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const evidence = [sourceEvidence, ...passive.evidence];

    if (evaluation.passed) {
      if (inv.state === 'ok' && !inv.accelerators.length && !inv.slicesError) {
        return outcome(
          'partial',
          `The metrics source (${metrics.source}) has per-device metrics for ${evaluation.devices} device(s), but the cluster lists no accelerator node; check that the source's matchers select this cluster.`,
          { evidence, remediation, links, notes: [passiveNote] },
        );
      }
      return outcome(
        'pass',
        `The metrics source (${
          metrics.source
        }) has per-device utilization (${evaluation.utilizationMetrics.join(
          ', ',
        )}) and memory (${evaluation.memoryMetrics.join(', ')}) metrics for ${
          evaluation.devices
        } device(s), labelled ${evaluation.deviceLabels.join(', ')}.`,
        { evidence, links, notes: [passiveNote] },
      );
    }

    const missing = evaluation.missing.join('; ');
    if (!accel || !accel.length) {
      return withNotes(
        passive,
        `The metrics source (${metrics.source}) was read: ${missing}; with no accelerator node known, the passive verdict stands.`,
      );
    }
    if (!metrics.samples.length) {
      // An empty answer says more about the source (not scraped yet, or
      // matchers selecting another cluster) than about the cluster.
      return withNotes(
        passive,
        onlyNonNvidiaAccelerators(accel)
          ? `The metrics source (${
              metrics.source
            }) holds no DCGM series, which only NVIDIA GPUs export; ${describeAccelerators(
              accel,
            )} are judged on passive evidence.`
          : `The metrics source (${metrics.source}) holds no DCGM series for this cluster, so the result rests on passive evidence. Check that it scrapes the exporter and that its matchers select this cluster.`,
      );
    }
    return outcome(
      'fail',
      `The metrics source (${
        metrics.source
      }) lacks what the official accelerator metrics test needs for ${describeAccelerators(
        accel,
      )}: ${missing}.`,
      { evidence, remediation, links, notes: [passiveNote] },
    );
  },
};
