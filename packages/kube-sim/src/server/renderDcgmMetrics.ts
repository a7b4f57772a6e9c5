import { uidOf } from '../scenario/objectIds';
import type { GeneratedNode } from '../scenario/generateNodes';

const MEMORY_MIB: Record<string, number> = {
  'NVIDIA L4': 23034,
  'NVIDIA A10G': 23028,
  'NVIDIA A100-SXM4-40GB': 40960,
  'NVIDIA A100-SXM4-80GB': 81920,
  'NVIDIA H100 80GB HBM3': 81559,
  'Tesla T4': 15360,
};

const METRICS: Array<{
  name: string;
  type: 'gauge' | 'counter';
  help: string;
}> = [
  {
    name: 'DCGM_FI_DEV_SM_CLOCK',
    type: 'gauge',
    help: 'SM clock frequency (in MHz).',
  },
  {
    name: 'DCGM_FI_DEV_MEM_CLOCK',
    type: 'gauge',
    help: 'Memory clock frequency (in MHz).',
  },
  {
    name: 'DCGM_FI_DEV_GPU_TEMP',
    type: 'gauge',
    help: 'GPU temperature (in C).',
  },
  {
    name: 'DCGM_FI_DEV_MEMORY_TEMP',
    type: 'gauge',
    help: 'Memory temperature (in C).',
  },
  {
    name: 'DCGM_FI_DEV_POWER_USAGE',
    type: 'gauge',
    help: 'Power draw (in W).',
  },
  {
    name: 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
    type: 'counter',
    help: 'Total energy consumption since boot (in mJ).',
  },
  {
    name: 'DCGM_FI_DEV_PCIE_REPLAY_COUNTER',
    type: 'counter',
    help: 'Total number of PCIe retries.',
  },
  {
    name: 'DCGM_FI_DEV_GPU_UTIL',
    type: 'gauge',
    help: 'GPU utilization (in %).',
  },
  {
    name: 'DCGM_FI_DEV_MEM_COPY_UTIL',
    type: 'gauge',
    help: 'Memory utilization (in %).',
  },
  {
    name: 'DCGM_FI_DEV_ENC_UTIL',
    type: 'gauge',
    help: 'Encoder utilization (in %).',
  },
  {
    name: 'DCGM_FI_DEV_DEC_UTIL',
    type: 'gauge',
    help: 'Decoder utilization (in %).',
  },
  {
    name: 'DCGM_FI_DEV_XID_ERRORS',
    type: 'gauge',
    help: 'Value of the last XID error encountered.',
  },
  {
    name: 'DCGM_FI_DEV_FB_FREE',
    type: 'gauge',
    help: 'Framebuffer memory free (in MiB).',
  },
  {
    name: 'DCGM_FI_DEV_FB_USED',
    type: 'gauge',
    help: 'Framebuffer memory used (in MiB).',
  },
  {
    name: 'DCGM_FI_PROF_GR_ENGINE_ACTIVE',
    type: 'gauge',
    help: 'Ratio of time the graphics engine is active.',
  },
  {
    name: 'DCGM_FI_PROF_PIPE_TENSOR_ACTIVE',
    type: 'gauge',
    help: 'Ratio of cycles the tensor (HMMA) pipe is active.',
  },
  {
    name: 'DCGM_FI_PROF_DRAM_ACTIVE',
    type: 'gauge',
    help: 'Ratio of cycles the device memory interface is active sending or receiving data.',
  },
];

function phaseOf(seed: string): number {
  return (Number.parseInt(uidOf(seed).slice(0, 6), 16) % 1000) / 1000;
}

/** The Prometheus text a dcgm-exporter on this node would serve at `time`; values follow slow waves. */
export function renderDcgmMetrics(
  node: GeneratedNode,
  time: number,
  driverVersion = '570.172.08',
): string {
  const model = node.gpuModel ?? 'NVIDIA L4';
  const totalMib = MEMORY_MIB[model] ?? 23034;
  const seconds = time / 1000;
  const lines: string[] = [];
  const series = Array.from({ length: node.gpus }, (_, gpu) => {
    const seed = `${node.name}:${gpu}`;
    const wave = (period: number) =>
      (Math.sin((2 * Math.PI * seconds) / period + phaseOf(seed) * 6.283) + 1) /
      2;
    const util = Math.round(35 + 60 * wave(300));
    const used = Math.round(totalMib * (0.3 + 0.6 * wave(900)));
    const power = Number((20 + 50 * wave(300)).toFixed(3));
    const uuid = `GPU-${uidOf(`gpu:${seed}`)}`;
    const labels = `gpu="${gpu}",UUID="${uuid}",pci_bus_id="00000000:00:${(
      4 + gpu
    )
      .toString(16)
      .padStart(
        2,
        '0',
      )}.0",device="nvidia${gpu}",modelName="${model}",Hostname="${
      node.name
    }",DCGM_FI_DRIVER_VERSION="${driverVersion}"`;
    const values: Record<string, number> = {
      DCGM_FI_DEV_SM_CLOCK: 1500 + Math.round(540 * wave(120)),
      DCGM_FI_DEV_MEM_CLOCK: 6251,
      DCGM_FI_DEV_GPU_TEMP: Math.round(38 + 30 * wave(600)),
      DCGM_FI_DEV_MEMORY_TEMP: 0,
      DCGM_FI_DEV_POWER_USAGE: power,
      DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION: Math.round(seconds * 45_000),
      DCGM_FI_DEV_PCIE_REPLAY_COUNTER: 0,
      DCGM_FI_DEV_GPU_UTIL: util,
      DCGM_FI_DEV_MEM_COPY_UTIL: Math.round(util * 0.4),
      DCGM_FI_DEV_ENC_UTIL: 0,
      DCGM_FI_DEV_DEC_UTIL: 0,
      DCGM_FI_DEV_XID_ERRORS: 0,
      DCGM_FI_DEV_FB_FREE: totalMib - used,
      DCGM_FI_DEV_FB_USED: used,
      DCGM_FI_PROF_GR_ENGINE_ACTIVE: Number((util / 100).toFixed(6)),
      DCGM_FI_PROF_PIPE_TENSOR_ACTIVE: Number(((util / 100) * 0.55).toFixed(6)),
      DCGM_FI_PROF_DRAM_ACTIVE: Number(((util / 100) * 0.35).toFixed(6)),
    };
    return { labels, values };
  });
  for (const metric of METRICS) {
    lines.push(
      `# HELP ${metric.name} ${metric.help}`,
      `# TYPE ${metric.name} ${metric.type}`,
    );
    for (const s of series)
      lines.push(`${metric.name}{${s.labels}} ${s.values[metric.name]}`);
  }
  return `${lines.join('\n')}\n`;
}
