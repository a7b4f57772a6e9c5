import * as gke from './gkeTerraformBlocks';
import { hclBlockText } from './hcl';

describe('GKE Terraform blocks', () => {
  it('writes managed DCGM only when asked', () => {
    expect(hclBlockText(gke.gkeMonitoringBlock(true))).toBe(
      [
        'monitoring_config {',
        '  enable_components = ["SYSTEM_COMPONENTS", "DCGM"]',
        '',
        '  managed_prometheus {',
        '    enabled = true',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(hclBlockText(gke.gkeMonitoringBlock(false))).not.toContain('DCGM');
  });

  it('limits CPU, memory and every accelerator type', () => {
    const text = hclBlockText(
      gke.gkeClusterAutoscalingBlock({
        maxCpu: 128,
        maxMemoryGb: 512,
        accelerators: new Map([
          ['nvidia-l4', 8],
          ['nvidia-h100-80gb', 16],
        ]),
      }),
    );
    expect(text.match(/resource_type = "[^"]+"\n\s+maximum\s+= \d+/g)).toEqual([
      'resource_type = "cpu"\n    maximum       = 128',
      'resource_type = "memory"\n    maximum       = 512',
      'resource_type = "nvidia-l4"\n    maximum       = 8',
      'resource_type = "nvidia-h100-80gb"\n    maximum       = 16',
    ]);
  });

  it('spells driver versions as the provider does', () => {
    expect(
      hclBlockText(
        gke.gkeGuestAcceleratorBlock({
          type: 'nvidia-l4',
          count: 2,
          driverVersion: 'disabled',
        }),
      ),
    ).toContain('gpu_driver_version = "INSTALLATION_DISABLED"');
  });
});
