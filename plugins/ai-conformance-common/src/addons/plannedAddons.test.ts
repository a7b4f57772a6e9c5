import * as addons from './plannedAddons';

const { KUEUE_ADDON, NVIDIA_DRA_DRIVER_ADDON, helmInstallWords } = addons;

describe('planned add-ons', () => {
  it('pins every chart to an exact version with a unique id', () => {
    for (const addon of addons.PLANNED_ADDONS) {
      expect(addon.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(new Set(addons.PLANNED_ADDONS.map(a => a.id)).size).toBe(
      addons.PLANNED_ADDONS.length,
    );
  });

  it('installs OCI charts by reference', () => {
    expect(helmInstallWords(KUEUE_ADDON, { version: 'v0.13.0' })).toEqual([
      'helm upgrade --install kueue oci://registry.k8s.io/kueue/charts/kueue',
      '--version=0.13.0',
      '--namespace=kueue-system',
      '--create-namespace',
    ]);
  });

  it('installs classic repository charts with --repo and their values, quoted', () => {
    const words = helmInstallWords(NVIDIA_DRA_DRIVER_ADDON, {
      quote: w => `<${w}>`,
    });
    expect(words).toEqual([
      'helm upgrade --install nvidia-dra-driver-gpu nvidia-dra-driver-gpu',
      '--repo=<https://helm.ngc.nvidia.com/nvidia>',
      `--version=<${NVIDIA_DRA_DRIVER_ADDON.version}>`,
      '--namespace=<nvidia-dra-driver-gpu>',
      '--create-namespace',
      '--set=<nvidiaDriverRoot=/home/kubernetes/bin/nvidia>',
      '--set=<gpuResourcesEnabledOverride=true>',
      '--set=<resources.gpus.enabled=true>',
      '--set=<resources.computeDomains.enabled=false>',
      '--set=<kubeletPlugin.tolerations[0].key=nvidia.com/gpu>',
      '--set=<kubeletPlugin.tolerations[0].operator=Exists>',
      '--set=<kubeletPlugin.tolerations[0].effect=NoSchedule>',
    ]);
  });
});
