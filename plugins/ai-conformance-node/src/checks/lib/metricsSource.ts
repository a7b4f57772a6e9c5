/**
 * Helpers for checks that read the snapshot's metrics sample (series read
 * from the cluster's configured Prometheus-compatible source).
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import {
  PER_DEVICE_LABELS,
  type DcgmMetricsEvaluation,
} from '../../accelerators/evaluateDcgmMetricsSample';
import type { SnapshotMetrics } from '../../snapshot/types';
import type { AcceleratorNode } from './accelerators';

const SHOWN_DEVICES = 8;

/** Distinct devices as "node label=value" (node omitted when unknown), sorted. */
export function deviceLabelValues(metrics: SnapshotMetrics): string[] {
  const out = new Set<string>();
  for (const s of metrics.samples ?? []) {
    const label = PER_DEVICE_LABELS.find(
      l => s.labels[l] !== undefined && s.labels[l] !== '',
    );
    if (!label) continue;
    const host =
      s.labels.Hostname ?? s.labels.node ?? s.labels.instance ?? undefined;
    out.add(`${host ? `${host} ` : ''}${label}=${s.labels[label]}`);
  }
  return [...out].sort();
}

const list = (values: string[]) => (values.length ? values.join(', ') : '—');

/** What the metrics source showed, as evidence: metric names, device labels and their values. */
export function metricsSourceEvidence(
  metrics: SnapshotMetrics,
  evaluation: DcgmMetricsEvaluation,
): Evidence {
  const devices = deviceLabelValues(metrics);
  const shown = devices.slice(0, SHOWN_DEVICES);
  const more = devices.length - shown.length;
  const names = [...new Set((metrics.samples ?? []).map(s => s.name))].sort();
  const fields: Record<string, string | number | boolean> = {
    sampledAt: metrics.sampledAt,
    series: (metrics.samples ?? []).length + (metrics.omitted ?? 0),
    metricsFound: list(names),
    utilizationMetrics: list(evaluation.utilizationMetrics),
    memoryMetrics: list(evaluation.memoryMetrics),
    perDeviceLabels: list(evaluation.deviceLabels),
    devices: evaluation.devices,
    deviceLabelValues: `${list(shown)}${more > 0 ? ` and ${more} more` : ''}`,
  };
  if (evaluation.temperatureMetrics.length)
    fields.temperatureMetrics = list(evaluation.temperatureMetrics);
  if (evaluation.powerMetrics.length)
    fields.powerMetrics = list(evaluation.powerMetrics);
  return {
    description: `Accelerator metrics in ${metrics.source}`,
    fields,
  };
}

const NVIDIA = /nvidia|pci-10de/i;

/**
 * True when every accelerator node shows a vendor and none is NVIDIA (TPU,
 * AMD, Neuron…): DCGM series are then not expected from the source.
 */
export function onlyNonNvidiaAccelerators(nodes: AcceleratorNode[]): boolean {
  return (
    nodes.length > 0 &&
    nodes.every(a => {
      const signals = [
        ...Object.keys(a.resources),
        ...Object.entries(a.labels).map(([k, v]) => `${k}=${v}`),
      ];
      return signals.length > 0 && !signals.some(s => NVIDIA.test(s));
    })
  );
}
