import { KUEUE_ADDON } from '@ai-conformance/plugin-ai-conformance-common';
import { parse } from '@cdktf/hcl2json';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exampleSpec } from '../__testUtils__/exampleSpec';
import { GkeClusterSpecInput } from '../gke/gkeClusterSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderTerraform } from './renderTerraform';

async function parsed(overrides: Partial<GkeClusterSpecInput> = {}) {
  const files = renderTerraform(planGkeCluster(exampleSpec(overrides)));
  const json: Record<string, Record<string, any>> = {};
  for (const [name, content] of Object.entries(files)) {
    json[name] = await parse(name, content);
  }
  return { files, json };
}

describe('renderTerraform', () => {
  it('pins the google provider range and a GCS state prefix', async () => {
    const { json } = await parsed();
    const terraform = json['versions.tf'].terraform[0];
    expect(terraform.required_version).toBe('>= 1.5.0');
    expect(terraform.required_providers[0].google).toEqual({
      source: 'hashicorp/google',
      version: '>= 6.25.0, < 8.0.0',
    });
    expect(terraform.required_providers[0].helm.source).toBe('hashicorp/helm');
    expect(terraform.backend).toEqual({ gcs: [{ prefix: 'gke/gke-ai-dev' }] });
  });

  it('defaults the variables to the template values', async () => {
    const { json } = await parsed();
    const variables = json['variables.tf'].variable;
    expect(variables.project_id[0].default).toBe('my-project');
    expect(variables.region[0].default).toBe('us-central1');
    expect(variables.cluster_name[0].default).toBe('gke-ai-dev');
    expect(variables.gke_version[0].default).toBe('1.34.0-gke.1662000');
  });

  it('writes a Standard cluster with Gateway API, DCGM, Managed Prometheus, Workload Identity and the Ray add-on', async () => {
    const { json } = await parsed();
    const cluster =
      json['cluster.tf'].resource.google_container_cluster.this[0];
    expect(cluster.name).toBe('${var.cluster_name}');
    expect(cluster.location).toBe('${var.region}');
    expect(cluster.min_master_version).toBe('${var.gke_version}');
    expect(cluster.enable_autopilot).toBeUndefined();
    expect(cluster.remove_default_node_pool).toBe(true);
    expect(cluster.deletion_protection).toBe(true);
    expect(cluster.release_channel).toEqual([{ channel: 'REGULAR' }]);
    expect(cluster.gateway_api_config).toEqual([
      { channel: 'CHANNEL_STANDARD' },
    ]);
    expect(cluster.workload_identity_config).toEqual([
      { workload_pool: '${var.project_id}.svc.id.goog' },
    ]);
    expect(cluster.monitoring_config).toEqual([
      {
        enable_components: ['SYSTEM_COMPONENTS', 'DCGM'],
        managed_prometheus: [{ enabled: true }],
      },
    ]);
    expect(cluster.addons_config).toEqual([
      { ray_operator_config: [{ enabled: true }] },
    ]);
  });

  it('limits cluster autoscaling by CPU, memory and the accelerator', async () => {
    const { json } = await parsed({
      maxCpu: 512,
      maxMemoryGb: 2048,
      gpuPool: {
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-48',
        maxNodes: 3,
      },
    });
    const autoscaling =
      json['cluster.tf'].resource.google_container_cluster.this[0]
        .cluster_autoscaling[0];
    expect(autoscaling.enabled).toBe(true);
    expect(autoscaling.autoscaling_profile).toBe('OPTIMIZE_UTILIZATION');
    expect(autoscaling.resource_limits).toEqual([
      { resource_type: 'cpu', maximum: 512 },
      { resource_type: 'memory', maximum: 2048 },
      { resource_type: 'nvidia-l4', maximum: 12 },
    ]);
  });

  it('writes an autoscaled GPU pool with GKE-managed drivers and GKE metadata', async () => {
    const { json } = await parsed({
      gpuPool: {
        accelerator: 'nvidia-h100-80gb',
        machineType: 'a3-highgpu-8g',
        minNodes: 1,
        maxNodes: 2,
        spot: true,
      },
    });
    const pools = json['cluster.tf'].resource.google_container_node_pool;
    const gpu = pools.gpu[0];
    expect(gpu.name).toBe('h100-80gb-pool');
    expect(gpu.cluster).toBe('${google_container_cluster.this.id}');
    expect(gpu.autoscaling).toEqual([
      {
        total_min_node_count: 1,
        total_max_node_count: 2,
        location_policy: 'ANY',
      },
    ]);
    const node = gpu.node_config[0];
    expect(node.machine_type).toBe('a3-highgpu-8g');
    expect(node.spot).toBe(true);
    expect(node.guest_accelerator).toEqual([
      {
        type: 'nvidia-h100-80gb',
        count: 8,
        gpu_driver_installation_config: [{ gpu_driver_version: 'LATEST' }],
      },
    ]);
    expect(node.workload_metadata_config).toEqual([{ mode: 'GKE_METADATA' }]);
    expect(node.gcfs_config).toEqual([{ enabled: true }]);
    expect(node.labels).toBeUndefined();
    expect(pools.system[0].node_config[0].machine_type).toBe('e2-standard-4');
    expect(pools.dra).toBeUndefined();
  });

  it('installs Kueue with Helm and no add-ons file without extras', async () => {
    const { json, files } = await parsed();
    expect(json['addons.tf'].resource.helm_release.kueue[0]).toMatchObject({
      repository: 'oci://registry.k8s.io/kueue/charts',
      chart: 'kueue',
      version: KUEUE_ADDON.version,
      namespace: 'kueue-system',
      create_namespace: true,
    });
    const bare = await parsed({ kueueVersion: '', operator: 'none' });
    expect(bare.files['addons.tf']).toBeUndefined();
    expect(Object.keys(files).sort()).toEqual([
      'addons.tf',
      'cluster.tf',
      'outputs.tf',
      'providers.tf',
      'variables.tf',
      'versions.tf',
    ]);
    expect(
      bare.json['cluster.tf'].resource.google_container_cluster.this[0]
        .addons_config[0].ray_operator_config,
    ).toEqual([{ enabled: false }]);
  });

  it('adds Kubeflow Trainer and a DRA pool without managed drivers', async () => {
    const { json } = await parsed({
      operator: 'kubeflow-trainer',
      draPool: {
        enabled: true,
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-24',
        maxNodes: 2,
      },
    });
    const releases = json['addons.tf'].resource.helm_release;
    expect(releases.kubeflow_trainer[0].chart).toBe('kubeflow-trainer');
    expect(releases.nvidia_dra_driver[0].chart).toBe('nvidia-dra-driver-gpu');
    const dra = json['cluster.tf'].resource.google_container_node_pool.dra[0];
    expect(dra.name).toBe('l4-dra');
    expect(dra.node_config[0].labels).toEqual({
      'gke-no-default-nvidia-gpu-device-plugin': 'true',
      'nvidia.com/gpu.present': 'true',
      'cloud.google.com/gke-nvidia-gpu-dra-driver': 'true',
    });
    expect(dra.node_config[0].taint).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NO_SCHEDULE' },
    ]);
    expect(dra.node_config[0].guest_accelerator[0]).toEqual({
      type: 'nvidia-l4',
      count: 2,
      gpu_driver_installation_config: [
        { gpu_driver_version: 'INSTALLATION_DISABLED' },
      ],
    });
    const limits =
      json['cluster.tf'].resource.google_container_cluster.this[0]
        .cluster_autoscaling[0].resource_limits;
    expect(limits[2]).toEqual({ resource_type: 'nvidia-l4', maximum: 8 });
  });

  it('connects Helm to the cluster and outputs the endpoint and a sensitive CA', async () => {
    const { json } = await parsed();
    const helm = json['providers.tf'].provider.helm[0];
    expect(helm.kubernetes.host).toBe(
      'https://${google_container_cluster.this.endpoint}',
    );
    expect(json['providers.tf'].provider.google[0].project).toBe(
      '${var.project_id}',
    );
    const outputs = json['outputs.tf'].output;
    expect(outputs.endpoint[0].value).toBe(
      '${google_container_cluster.this.endpoint}',
    );
    expect(outputs.cluster_ca_certificate[0].sensitive).toBe(true);
  });

  it('turns DCGM off in monitoring when asked', async () => {
    const { json } = await parsed({ dcgm: false });
    expect(
      json['cluster.tf'].resource.google_container_cluster.this[0]
        .monitoring_config[0].enable_components,
    ).toEqual(['SYSTEM_COMPONENTS']);
  });
});

const hasTerraform =
  spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

if (hasTerraform) {
  describe('renderTerraform with terraform fmt', () => {
    it('writes files terraform fmt -check accepts', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-tf-'));
      try {
        const files = renderTerraform(
          planGkeCluster(
            exampleSpec({
              operator: 'kubeflow-trainer',
              draPool: {
                enabled: true,
                accelerator: 'nvidia-h100-80gb',
                machineType: 'a3-highgpu-8g',
              },
            }),
          ),
        );
        for (const [name, content] of Object.entries(files)) {
          fs.writeFileSync(path.join(dir, name), content);
        }
        const result = spawnSync(
          'terraform',
          ['fmt', '-check', '-diff', '-no-color', dir],
          { encoding: 'utf8' },
        );
        expect(result.stdout).toBe('');
        expect(result.status).toBe(0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
} else {
  // eslint-disable-next-line no-console
  console.log('terraform is not on PATH: terraform fmt -check is not run');
}
