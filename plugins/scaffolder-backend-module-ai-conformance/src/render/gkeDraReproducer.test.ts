import { parse } from '@cdktf/hcl2json';
import { exampleSpec } from '../__testUtils__/exampleSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderGcloudScript } from './renderGcloudScript';
import { renderTerraform } from './renderTerraform';

/**
 * GKE's published reproducer for checklist 1.37 (README of the GKE entry
 * `v1.37/gke/` in cncf/k8s-ai-conformance), restated here as the facts the
 * DRA pool must match:
 * - cluster on the rapid channel at 1.37.0-gke.3503000 with the
 *   optimize-utilization autoscaling profile;
 * - an L4 GPU pool, one GPU per node, GKE's driver installation disabled,
 *   autoscaling between one and two nodes;
 * - node labels that switch GKE's device plugin off and mark the nodes for
 *   the NVIDIA DRA driver;
 * - the taint nvidia.com/gpu=present:NoSchedule;
 * - the NVIDIA DRA driver chart nvidia-dra-driver-gpu 25.8.1 with the COS
 *   driver root, GPU resources forced on, ComputeDomains off and its kubelet
 *   plugin tolerating the nvidia.com/gpu taint.
 */
const REPRODUCER = {
  clusterFlags: [
    '--release-channel=rapid',
    '--cluster-version="$VERSION"',
    '--autoscaling-profile=optimize-utilization',
  ],
  version: '1.37.0-gke.3503000',
  acceleratorFlag: 'type=nvidia-l4,count=1,gpu-driver-version=disabled',
  minNodes: 1,
  maxNodes: 2,
  labels: {
    'gke-no-default-nvidia-gpu-device-plugin': 'true',
    'nvidia.com/gpu.present': 'true',
    'cloud.google.com/gke-nvidia-gpu-dra-driver': 'true',
  },
  taint: 'nvidia.com/gpu=present:NoSchedule',
  chart: 'nvidia-dra-driver-gpu',
  chartVersion: '25.8.1',
  chartValues: {
    nvidiaDriverRoot: /^\/home\/kubernetes\/bin\/nvidia\/?$/,
    gpuResourcesEnabledOverride: /^true$/,
    'resources.computeDomains.enabled': /^false$/,
  },
};

const plan = planGkeCluster(
  exampleSpec({
    checklistVersion: '1.37',
    gkeVersion: REPRODUCER.version,
    releaseChannel: 'rapid',
    draPool: {
      enabled: true,
      accelerator: 'nvidia-l4',
      machineType: 'g2-standard-8',
      gpusPerNode: 1,
      minNodes: REPRODUCER.minNodes,
      maxNodes: REPRODUCER.maxNodes,
    },
  }),
);

/** The words of the gcloud command that contains `marker`, one per line. */
function commandWords(script: string, marker: string): string[] {
  const command = script
    .split('\n\n')
    .find(block => block.includes(marker) && block.includes('gcloud'));
  expect(command).toBeDefined();
  return command!.split(' \\\n').map(w => w.trim());
}

function flagValue(words: string[], name: string): string | undefined {
  const word = words.find(w => w.startsWith(`--${name}=`));
  return word?.slice(name.length + 3);
}

function labelMap(text: string): Record<string, string> {
  return Object.fromEntries(text.split(',').map(kv => kv.split('=')));
}

describe("the DRA pool against GKE's 1.37 reproducer", () => {
  it('creates the cluster with the reproducer’s channel, version and profile', () => {
    const script = renderGcloudScript(plan);
    expect(script).toContain(`VERSION=${REPRODUCER.version}`);
    const cluster = commandWords(script, 'gcloud container clusters create');
    expect(cluster).toEqual(expect.arrayContaining(REPRODUCER.clusterFlags));
  });

  it('gives the gcloud node pool the reproducer’s accelerator, autoscaling, labels and taint', () => {
    const words = commandWords(renderGcloudScript(plan), 'l4-dra');
    expect(flagValue(words, 'accelerator')).toBe(REPRODUCER.acceleratorFlag);
    expect(words).toContain('--enable-autoscaling');
    expect(Number(flagValue(words, 'total-min-nodes'))).toBe(
      REPRODUCER.minNodes,
    );
    expect(Number(flagValue(words, 'total-max-nodes'))).toBe(
      REPRODUCER.maxNodes,
    );
    expect(labelMap(flagValue(words, 'node-labels')!)).toEqual(
      REPRODUCER.labels,
    );
    expect(flagValue(words, 'node-taints')).toBe(REPRODUCER.taint);
  });

  it('writes the same pool in Terraform', async () => {
    const json: any = await parse(
      'cluster.tf',
      renderTerraform(plan)['cluster.tf'],
    );
    const pool = json.resource.google_container_node_pool.dra[0];
    expect(pool.autoscaling[0]).toMatchObject({
      total_min_node_count: REPRODUCER.minNodes,
      total_max_node_count: REPRODUCER.maxNodes,
    });
    const node = pool.node_config[0];
    expect(node.guest_accelerator).toEqual([
      {
        type: 'nvidia-l4',
        count: 1,
        gpu_driver_installation_config: [
          { gpu_driver_version: 'INSTALLATION_DISABLED' },
        ],
      },
    ]);
    expect(node.labels).toEqual(REPRODUCER.labels);
    const [key, rest] = REPRODUCER.taint.split('=');
    const [value, effect] = rest.split(':');
    expect(node.taint).toEqual([
      {
        key,
        value,
        effect: effect.replace(/([a-z])([A-Z])/, '$1_$2').toUpperCase(),
      },
    ]);
  });

  it('installs the reproducer’s DRA driver chart, tolerating the GPU taint, in both renderers', async () => {
    const script = renderGcloudScript(plan);
    const helm = script
      .split('\n\n')
      .find(block =>
        block.includes(`helm upgrade --install ${REPRODUCER.chart}`),
      )!;
    expect(helm).toContain(`--version=${REPRODUCER.chartVersion}`);
    const sets = Object.fromEntries(
      [...helm.matchAll(/--set='?([^=']+)=([^'\s\\]+)'?/g)].map(m => [
        m[1],
        m[2],
      ]),
    );
    for (const [name, pattern] of Object.entries(REPRODUCER.chartValues)) {
      expect(sets[name]).toMatch(pattern);
    }
    const tolerationKey = Object.entries(sets).find(([name]) =>
      /^kubeletPlugin\.tolerations\[\d+\]\.key$/.test(name),
    );
    expect(tolerationKey?.[1]).toBe('nvidia.com/gpu');

    const addons: any = await parse(
      'addons.tf',
      renderTerraform(plan)['addons.tf'],
    );
    const release = addons.resource.helm_release.nvidia_dra_driver[0];
    expect(release.chart).toBe(REPRODUCER.chart);
    expect(release.version).toBe(REPRODUCER.chartVersion);
    const values = Object.fromEntries(
      release.set.map((s: { name: string; value: string }) => [
        s.name,
        s.value,
      ]),
    );
    expect(values).toEqual(sets);
  });
});
