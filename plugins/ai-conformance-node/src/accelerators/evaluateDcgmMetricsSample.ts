/**
 * One metric sample: its name and labels (the value does not matter here).
 *
 * @public
 */
export interface MetricSampleLabels {
  name: string;
  labels: Record<string, string>;
}

/**
 * What {@link evaluateDcgmMetricsSample} found.
 *
 * @public
 */
export interface DcgmMetricsEvaluation {
  /** True when a utilization and a memory metric both carry a per-device label. */
  passed: boolean;
  /** Per-device labels seen on qualifying metrics. */
  deviceLabels: string[];
  /** Utilization metric names with a per-device label. */
  utilizationMetrics: string[];
  /** Memory metric names with a per-device label. */
  memoryMetrics: string[];
  /** Temperature metric names (SHOULD). */
  temperatureMetrics: string[];
  /** Power metric names (SHOULD). */
  powerMetrics: string[];
  /** Distinct devices (by their per-device label values). */
  devices: number;
  /** Why it did not pass (empty when it passed). */
  missing: string[];
}

/**
 * Labels identifying one device, as the official accelerator metrics test accepts them.
 *
 * @public
 */
export const PER_DEVICE_LABELS = [
  'gpu',
  'UUID',
  'uuid',
  'device_id',
  'dev_id',
  'card_id',
  'GPU_I_ID',
  'minor_number',
  'pci_bus_id',
];

const UTILIZATION = /util|utilization/i;
const MEMORY = /mem|memory|fb|vram|hbm/i;
const TEMPERATURE = /temp/i;
const POWER = /power|energy/i;

const SAMPLE_LINE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+\S+(?:\s+\S+)?$/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Parses Prometheus text exposition format into samples (comments skipped).
 *
 * @public
 */
export function parseExpositionText(text: string): MetricSampleLabels[] {
  const out: MetricSampleLabels[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = SAMPLE_LINE.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const pair of (m[2] ?? '').matchAll(LABEL_PAIR))
      labels[pair[1]] = pair[2].replace(/\\(.)/g, (_, c) =>
        c === 'n' ? '\n' : c,
      );
    out.push({ name: m[1], labels });
  }
  return out;
}

/**
 * Applies the official accelerator metrics test's rules to one scrape (text
 * exposition) or to samples read from Prometheus: there must be a metric whose
 * name matches util/utilization and one whose name matches
 * mem/memory/fb/vram/hbm, each carrying a per-device label (gpu, UUID, uuid,
 * device_id, dev_id, card_id, GPU_I_ID, minor_number, pci_bus_id).
 * Temperature and power are reported as SHOULD extras.
 *
 * @public
 */
export function evaluateDcgmMetricsSample(
  sample: string | MetricSampleLabels[],
): DcgmMetricsEvaluation {
  const samples =
    typeof sample === 'string' ? parseExpositionText(sample) : sample;
  const deviceLabels = new Set<string>();
  const utilization = new Set<string>();
  const memory = new Set<string>();
  const temperature = new Set<string>();
  const power = new Set<string>();
  const devices = new Set<string>();
  for (const s of samples) {
    const present = PER_DEVICE_LABELS.filter(
      l => s.labels[l] !== undefined && s.labels[l] !== '',
    );
    if (present.length === 0) continue;
    present.forEach(l => deviceLabels.add(l));
    const host = s.labels.Hostname ?? s.labels.node ?? s.labels.instance ?? '';
    devices.add(`${host}\u0000${s.labels[present[0]]}`);
    if (UTILIZATION.test(s.name)) utilization.add(s.name);
    // A name like DCGM_FI_DEV_MEM_COPY_UTIL matches both; it still counts as memory-related.
    if (MEMORY.test(s.name)) memory.add(s.name);
    if (TEMPERATURE.test(s.name)) temperature.add(s.name);
    if (POWER.test(s.name)) power.add(s.name);
  }
  const missing: string[] = [];
  if (deviceLabels.size === 0)
    missing.push(
      `no metric has a per-device label (${PER_DEVICE_LABELS.join(', ')})`,
    );
  else {
    if (utilization.size === 0)
      missing.push(
        'no per-device utilization metric (name matching util/utilization)',
      );
    if (memory.size === 0)
      missing.push(
        'no per-device memory metric (name matching mem/memory/fb/vram/hbm)',
      );
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    passed: missing.length === 0,
    deviceLabels: sorted(deviceLabels),
    utilizationMetrics: sorted(utilization),
    memoryMetrics: sorted(memory),
    temperatureMetrics: sorted(temperature),
    powerMetrics: sorted(power),
    devices: devices.size,
    missing,
  };
}
