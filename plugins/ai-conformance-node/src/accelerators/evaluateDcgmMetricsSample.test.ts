import {
  evaluateDcgmMetricsSample,
  parseExpositionText,
} from './evaluateDcgmMetricsSample';

const DCGM_TEXT = `# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).
# TYPE DCGM_FI_DEV_GPU_UTIL gauge
DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-a",Hostname="n1",modelName="NVIDIA L4"} 71
DCGM_FI_DEV_GPU_UTIL{gpu="1",UUID="GPU-b",Hostname="n1",modelName="NVIDIA L4"} 12
DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-a",Hostname="n1"} 1024
DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-a",Hostname="n1"} 55
DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-a",Hostname="n1"} 60.5
`;

describe('parseExpositionText', () => {
  it('reads names and labels, with escapes, and skips comments', () => {
    expect(
      parseExpositionText(
        '# HELP x\nup{job="a\\"b",x="1"} 1 1700000000\nplain 2\n',
      ),
    ).toEqual([
      { name: 'up', labels: { job: 'a"b', x: '1' } },
      { name: 'plain', labels: {} },
    ]);
  });
});

describe('evaluateDcgmMetricsSample', () => {
  it('passes a DCGM scrape with per-device utilization and memory metrics', () => {
    expect(evaluateDcgmMetricsSample(DCGM_TEXT)).toEqual({
      passed: true,
      deviceLabels: ['UUID', 'gpu'],
      utilizationMetrics: ['DCGM_FI_DEV_GPU_UTIL'],
      memoryMetrics: ['DCGM_FI_DEV_FB_USED'],
      temperatureMetrics: ['DCGM_FI_DEV_GPU_TEMP'],
      powerMetrics: ['DCGM_FI_DEV_POWER_USAGE'],
      devices: 2,
      missing: [],
    });
  });

  it('fails without a memory metric', () => {
    const result = evaluateDcgmMetricsSample(
      'DCGM_FI_DEV_GPU_UTIL{gpu="0"} 5\nDCGM_FI_DEV_GPU_TEMP{gpu="0"} 40\n',
    );
    expect(result.passed).toBe(false);
    expect(result.missing).toEqual([
      'no per-device memory metric (name matching mem/memory/fb/vram/hbm)',
    ]);
  });

  it('fails when metrics carry no per-device label', () => {
    const result = evaluateDcgmMetricsSample([
      { name: 'gpu_utilization', labels: { node: 'n1' } },
      { name: 'gpu_memory_used_bytes', labels: { node: 'n1' } },
    ]);
    expect(result.passed).toBe(false);
    expect(result.missing[0]).toMatch(/no metric has a per-device label/);
  });

  it('accepts other exporters with another per-device label', () => {
    const result = evaluateDcgmMetricsSample([
      { name: 'amd_gpu_utilization', labels: { card_id: '0' } },
      { name: 'amd_gpu_vram_used', labels: { card_id: '0' } },
    ]);
    expect(result).toMatchObject({
      passed: true,
      deviceLabels: ['card_id'],
      devices: 1,
    });
  });

  it('fails on an empty scrape', () => {
    expect(evaluateDcgmMetricsSample('').passed).toBe(false);
  });
});
