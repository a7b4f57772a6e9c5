import { GkeClusterPlan, acceleratorLimits } from '../gke/planGkeCluster';
import { helmInstallWords } from '@ai-conformance/plugin-ai-conformance-common';
import {
  DRA_POOL_NODE_LABELS,
  DRA_POOL_TAINT,
  GKE_SANDBOX_TYPE,
} from '../gke/gkePoolOptions';
import { kubectlApplySteps } from './kubectlApplySteps';
import { PlannedGpuPool } from '../gke/validateGkeClusterSpec';
import { addonReleases } from './addonReleases';

/** Quotes a word for POSIX shells. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}

function command(words: string[]): string {
  const [first, ...rest] = words;
  return [first, ...rest.map(w => `  ${w}`)].join(' \\\n');
}

function flag(name: string, value: string | number): string {
  return `--${name}=${shellQuote(String(value))}`;
}

function nodePoolCommand(plan: GkeClusterPlan, pool: PlannedGpuPool): string {
  const accelerator = [
    `type=${pool.accelerator}`,
    `count=${pool.gpusPerNode}`,
    `gpu-driver-version=${pool.driverVersion}`,
  ].join(',');
  const words = [
    'gcloud container node-pools create',
    shellQuote(pool.name),
    '--project="$PROJECT"',
    '--cluster="$CLUSTER"',
    '--location="$REGION"',
    `--node-locations="$${
      pool.name === plan.gpuPool.name ? 'GPU' : 'DRA'
    }_ZONES"`,
    flag('machine-type', pool.machineType),
    flag('accelerator', accelerator),
    '--enable-autoscaling',
    flag('total-min-nodes', pool.minNodes),
    flag('total-max-nodes', pool.maxNodes),
    '--location-policy=ANY',
    '--num-nodes=0',
    '--workload-metadata=GKE_METADATA',
    '--enable-image-streaming',
    '--image-type=COS_CONTAINERD',
  ];
  if (pool.spot) words.push('--spot');
  if (pool.driverVersion === 'disabled') {
    words.push(
      flag(
        'node-labels',
        Object.entries(DRA_POOL_NODE_LABELS)
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      ),
      flag(
        'node-taints',
        `${DRA_POOL_TAINT.key}=${DRA_POOL_TAINT.value}:${DRA_POOL_TAINT.effect}`,
      ),
    );
  }
  return command(words);
}

function sandboxPoolCommand(pool: {
  machineType: string;
  maxNodes: number;
}): string {
  return command([
    'gcloud container node-pools create sandbox',
    '--project="$PROJECT"',
    '--cluster="$CLUSTER"',
    '--location="$REGION"',
    flag('machine-type', pool.machineType),
    flag('sandbox', `type=${GKE_SANDBOX_TYPE}`),
    '--enable-autoscaling',
    '--total-min-nodes=0',
    flag('total-max-nodes', pool.maxNodes),
    '--num-nodes=0',
    '--workload-metadata=GKE_METADATA',
    '--image-type=COS_CONTAINERD',
  ]);
}

function proxyOnlySubnetCommands(range: string): string {
  return [
    '# The regional Inference Gateway needs an active proxy-only subnet in the region.',
    'if [ -z "$(gcloud compute networks subnets list --project="$PROJECT" --network=default \\',
    '  --regions="$REGION" --filter="purpose=REGIONAL_MANAGED_PROXY AND role=ACTIVE" --format="value(name)")" ]; then',
    `  ${command([
      'gcloud compute networks subnets create "$CLUSTER-proxy-only"',
      '--project="$PROJECT"',
      '--region="$REGION"',
      '--network=default',
      '--purpose=REGIONAL_MANAGED_PROXY',
      '--role=ACTIVE',
      flag('range', range),
    ]).replace(/\n/g, '\n  ')}`,
    'fi',
  ].join('\n');
}

function zonesLookup(variable: string, accelerator: string): string {
  return [
    `${variable}="$(gcloud compute accelerator-types list --project="$PROJECT" \\`,
    `  --filter="name=${accelerator} AND zone~^$REGION-" --format="value(zone)" | paste -sd, -)"`,
    `if [ -z "$${variable}" ]; then`,
    `  echo "${accelerator} is not offered in any zone of $REGION" >&2`,
    '  exit 1',
    'fi',
  ].join('\n');
}

/**
 * A bash script with the `gcloud` (and `helm`) commands that create the
 * same cluster as the Terraform files.
 */
export function renderGcloudScript(plan: GkeClusterPlan): string {
  const { spec, gpuPool, draPool } = plan;
  const maxAccelerators = [...acceleratorLimits(plan)].map(([type, count]) =>
    flag('max-accelerator', `type=${type},count=${count}`),
  );
  const clusterWords = [
    'gcloud container clusters create "$CLUSTER"',
    '--project="$PROJECT"',
    '--location="$REGION"',
    flag('release-channel', spec.releaseChannel),
    '--cluster-version="$VERSION"',
    '--gateway-api=standard',
    '--enable-managed-prometheus',
    flag('monitoring', spec.dcgm ? 'SYSTEM,DCGM' : 'SYSTEM'),
    '--workload-pool="$PROJECT.svc.id.goog"',
    '--enable-image-streaming',
    '--image-type=COS_CONTAINERD',
    '--enable-ip-alias',
    flag('machine-type', spec.systemMachineType),
    '--num-nodes=1',
    '--enable-autoscaling',
    '--total-min-nodes=1',
    '--total-max-nodes=3',
    '--enable-autoprovisioning',
    flag('max-cpu', spec.maxCpu),
    flag('max-memory', spec.maxMemoryGb),
    ...maxAccelerators,
    '--autoscaling-profile=optimize-utilization',
  ];
  if (spec.operator === 'ray') clusterWords.push('--addons=RayOperator');

  const sections = [
    '#!/usr/bin/env bash',
    '# Generated by the GKE AI-conformant cluster template: the gcloud',
    '# equivalent of the Terraform files in terraform/.',
    'set -euo pipefail',
    '',
    `PROJECT=${shellQuote(spec.projectId)}`,
    `REGION=${shellQuote(spec.region)}`,
    `CLUSTER=${shellQuote(spec.name)}`,
    `VERSION=${shellQuote(spec.gkeVersion)}`,
    '',
    '# Zones of the region that offer the accelerators (availability changes).',
    zonesLookup('GPU_ZONES', gpuPool.accelerator),
  ];
  if (draPool) sections.push(zonesLookup('DRA_ZONES', draPool.accelerator));
  sections.push('', command(clusterWords), '', nodePoolCommand(plan, gpuPool));
  if (draPool) sections.push('', nodePoolCommand(plan, draPool));
  if (spec.sandboxPool?.enabled) {
    sections.push('', sandboxPoolCommand(spec.sandboxPool));
  }
  if (spec.inferenceGateway?.enabled) {
    sections.push(
      '',
      proxyOnlySubnetCommands(spec.inferenceGateway.proxyOnlySubnetRange),
    );
  }
  sections.push(
    '',
    'gcloud container clusters get-credentials "$CLUSTER" --project="$PROJECT" --location="$REGION"',
  );
  for (const step of kubectlApplySteps(plan, '"$(dirname "$0")/.."')) {
    sections.push('', `# ${step.what}.`, step.command);
  }
  for (const { addon, version } of addonReleases(plan)) {
    sections.push(
      '',
      command(helmInstallWords(addon, { version, quote: shellQuote })),
    );
  }
  return `${sections.join('\n')}\n`;
}
