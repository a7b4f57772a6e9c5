import { GkeClusterPlan } from '../gke/planGkeCluster';
import { PlannedGpuPool } from '../gke/validateGkeClusterSpec';
import { GKE_SANDBOX_TYPE } from '../gke/gkePoolOptions';
import { INFERENCE_EXTENSION_CRDS } from '@ai-conformance/plugin-ai-conformance-common';
import { INFERENCE_GATEWAY_MANIFEST } from './renderInferenceGateway';
import { kubectlApplySteps } from './kubectlApplySteps';
import { ClusterLayout, workflowPath } from './renderWorkflow';

function poolLine(pool: PlannedGpuPool): string {
  return `- \`${pool.name}\`: ${pool.machineType}, ${pool.gpusPerNode} × ${
    pool.accelerator
  } per node, ${pool.minNodes}–${pool.maxNodes} nodes${
    pool.spot ? ', Spot VMs' : ''
  }, GKE-managed driver: ${pool.driverVersion}`;
}

/** Steps Terraform leaves to kubectl (the script and the workflow run them). */
function afterApply(plan: GkeClusterPlan, dir: string): string[] {
  const steps = kubectlApplySteps(plan, dir.replace(/\/$/, ''));
  if (steps.length === 0) return [];
  return [
    '## After `terraform apply`',
    '',
    'Terraform installs no Kubernetes manifests; `scripts/create-cluster.sh` and the workflow apply these, or run them yourself from the repository root:',
    '',
    '```sh',
    ...steps.flatMap(step => [`# ${step.what}`, step.command]),
    '```',
    '',
  ];
}

/** The README of the generated cluster repository or directory. */
export function renderReadme(
  plan: GkeClusterPlan,
  layout: ClusterLayout,
): string {
  const { spec, gpuPool, draPool, notes } = plan;
  const dir = layout.directory ? `${layout.directory}/` : '';
  const operator = {
    ray: 'Ray Operator add-on (KubeRay)',
    'kubeflow-trainer': `Kubeflow Trainer ${spec.kubeflowTrainerVersion} (Helm)`,
    none: 'none',
  }[spec.operator];
  const lines = [
    `# ${spec.name}`,
    '',
    `A GKE Standard cluster in \`${spec.region}\` (project \`${spec.projectId}\`) that targets the CNCF Kubernetes AI Conformance checklist ${spec.checklistVersion}.`,
    '',
    '## What it sets up',
    '',
    `- GKE ${spec.gkeVersion} on the ${spec.releaseChannel} release channel (at or above the certified minimum of ${spec.checklistVersion})`,
    '- Gateway API (standard channel), Workload Identity, image streaming',
    `- Cloud Monitoring with Managed Prometheus${
      spec.dcgm ? ' and managed DCGM GPU metrics' : ''
    }`,
    `- Cluster autoscaling (optimize-utilization) with node auto-provisioning limits: ${spec.maxCpu} vCPUs, ${spec.maxMemoryGb} GB memory and the GPU pools' accelerators`,
    poolLine(gpuPool),
    ...(draPool ? [poolLine(draPool)] : []),
    ...(spec.sandboxPool?.enabled
      ? [
          `- \`sandbox\`: GKE Sandbox (${GKE_SANDBOX_TYPE}) pool, ${spec.sandboxPool.machineType}, 0–${spec.sandboxPool.maxNodes} nodes, for pods with \`runtimeClassName: ${GKE_SANDBOX_TYPE}\``,
        ]
      : []),
    ...(spec.inferenceGateway?.enabled
      ? [
          `- GKE Inference Gateway: a \`${spec.inferenceGateway.gatewayClass}\` Gateway, its proxy-only subnet (${spec.inferenceGateway.proxyOnlySubnetRange}) and the Gateway API Inference Extension CRDs ${INFERENCE_EXTENSION_CRDS.version}`,
        ]
      : []),
    `- Kueue: ${spec.kueueVersion ? spec.kueueVersion : 'not installed'}`,
    `- AI operator: ${operator}`,
    '',
    '## Files',
    '',
    `- \`${dir}terraform/\`: Terraform (\`hashicorp/google\` \`>= 6.25.0, < 8.0.0\`, \`hashicorp/helm\` 3.x)`,
    `- \`${dir}scripts/create-cluster.sh\`: the same cluster with \`gcloud\` and \`helm\``,
    `- \`${workflowPath(
      plan,
    )}\`: plan on pull requests, apply on main, then the AI Conformance check`,
    ...(spec.inferenceGateway?.enabled
      ? [
          `- \`${dir}${INFERENCE_GATEWAY_MANIFEST}\`: the Inference Gateway's Gateway`,
        ]
      : []),
    `- \`${dir}catalog-info.yaml\`: the cluster's catalog entity`,
    '',
    ...afterApply(plan, dir),
    '## Continuous delivery',
    '',
    'The workflow authenticates with Workload Identity Federation. Set these repository variables and secret:',
    '',
    '| Name | Kind | Value |',
    '|---|---|---|',
    '| `GCP_WORKLOAD_IDENTITY_PROVIDER` | variable | `projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER` |',
    '| `GCP_SERVICE_ACCOUNT` | variable | service account allowed to manage GKE (roles/container.admin) |',
    '| `TF_STATE_BUCKET` | variable | GCS bucket for the Terraform state |',
    '| `BACKSTAGE_URL` | variable | Backstage base URL; the report upload is skipped when empty |',
    '| `AI_CONFORMANCE_TOKEN` | secret | token accepted by the AI Conformance backend upload route |',
    '',
    'After `terraform apply` the workflow runs `ai-conformance check` against the new cluster and uploads the JSON report to the portal, so the cluster page shows its verdict.',
    '',
    '## Connecting the portal',
    '',
    'The API server address and CA exist only after the first apply. Let the Backstage Kubernetes plugin find the cluster with its `gke` cluster locator (project and region as above), or add the `kubernetes.io/api-server` and `kubernetes.io/api-server-certificate-authority` annotations to `catalog-info.yaml` from the Terraform outputs `endpoint` and `cluster_ca_certificate`.',
  ];
  if (notes.length > 0) {
    lines.push('', '## Notes', '', ...notes.map(n => `- ${n}`));
  }
  return `${lines.join('\n')}\n`;
}
