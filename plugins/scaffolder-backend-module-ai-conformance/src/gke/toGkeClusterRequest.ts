import { createHash } from 'node:crypto';
import {
  GKE_GATEWAY_API_CHANNEL,
  GKE_GPU_DRIVER_VERSIONS,
  gkeMonitoringComponents,
} from '@ai-conformance/plugin-ai-conformance-common';
import { apiChannel } from './gkeClusterSpec';
import {
  DRA_POOL_NODE_LABELS,
  DRA_POOL_TAINT,
  GKE_SANDBOX_TYPE,
} from './gkePoolOptions';
import { GkeClusterPlan, acceleratorLimits } from './planGkeCluster';
import { PlannedGpuPool } from './validateGkeClusterSpec';

/**
 * Resource label holding a digest of the create request: a retry with the
 * same spec finds it and reuses the cluster, another spec is refused.
 */
export const SPEC_LABEL = 'ai-conformance-spec';

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

type Pool = Record<string, unknown>;

function nodePool(pool: {
  name: string;
  initialNodeCount: number;
  minNodes: number;
  maxNodes: number;
  locationPolicy: 'ANY' | 'BALANCED';
  config: Record<string, unknown>;
  imageStreaming: boolean;
}): Pool {
  return {
    name: pool.name,
    initialNodeCount: pool.initialNodeCount,
    autoscaling: {
      enabled: true,
      totalMinNodeCount: pool.minNodes,
      totalMaxNodeCount: pool.maxNodes,
      locationPolicy: pool.locationPolicy,
    },
    management: { autoRepair: true, autoUpgrade: true },
    config: {
      machineType: pool.config.machineType,
      imageType: 'COS_CONTAINERD',
      oauthScopes: [CLOUD_PLATFORM_SCOPE],
      workloadMetadataConfig: { mode: 'GKE_METADATA' },
      ...(pool.imageStreaming ? { gcfsConfig: { enabled: true } } : {}),
      ...pool.config,
    },
  };
}

function gpuPool(pool: PlannedGpuPool): Pool {
  const dra = pool.driverVersion === 'disabled';
  return nodePool({
    name: pool.name,
    // The pool starts at its minimum; the autoscaler adds the rest.
    initialNodeCount: pool.minNodes,
    minNodes: pool.minNodes,
    maxNodes: pool.maxNodes,
    locationPolicy: 'ANY',
    imageStreaming: true,
    config: {
      machineType: pool.machineType,
      spot: pool.spot,
      accelerators: [
        {
          acceleratorType: pool.accelerator,
          acceleratorCount: pool.gpusPerNode,
          gpuDriverInstallationConfig: {
            gpuDriverVersion: GKE_GPU_DRIVER_VERSIONS[pool.driverVersion],
          },
        },
      ],
      ...(dra
        ? {
            labels: { ...DRA_POOL_NODE_LABELS },
            taints: [
              {
                key: DRA_POOL_TAINT.key,
                value: DRA_POOL_TAINT.value,
                effect: DRA_POOL_TAINT.terraformEffect,
              },
            ],
          }
        : {}),
    },
  });
}

/** JSON with sorted keys: the same request always gives the same digest. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(
        k =>
          `${JSON.stringify(k)}:${canonical(
            (value as Record<string, unknown>)[k],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The Container API `Cluster` of a validated plan, as the Terraform files
 * describe it: Standard, the pinned version on its release channel, the
 * Gateway API on its standard channel, Managed Prometheus with system (and
 * DCGM) metrics, cluster autoscaling with accelerator limits, the Ray
 * Operator add-on when chosen, a system pool, the GPU pool (GKE-managed
 * drivers), and the optional DRA and GKE Sandbox pools. A resource label
 * carries a digest of everything else.
 */
export function toGkeClusterRequest(
  plan: GkeClusterPlan,
): Record<string, unknown> {
  const { spec } = plan;
  const nodePools: Pool[] = [
    nodePool({
      name: 'system',
      initialNodeCount: 1,
      minNodes: 1,
      maxNodes: 3,
      locationPolicy: 'BALANCED',
      imageStreaming: true,
      config: { machineType: spec.systemMachineType },
    }),
    gpuPool(plan.gpuPool),
  ];
  if (plan.draPool) nodePools.push(gpuPool(plan.draPool));
  if (spec.sandboxPool?.enabled) {
    nodePools.push(
      nodePool({
        name: 'sandbox',
        initialNodeCount: 0,
        minNodes: 0,
        maxNodes: spec.sandboxPool.maxNodes,
        locationPolicy: 'BALANCED',
        imageStreaming: false,
        config: {
          machineType: spec.sandboxPool.machineType,
          sandboxConfig: { type: GKE_SANDBOX_TYPE.toUpperCase() },
        },
      }),
    );
  }
  const cluster: Record<string, unknown> = {
    name: spec.name,
    description: `AI-conformant cluster (checklist ${spec.checklistVersion}) created by the Backstage GKE template`,
    initialClusterVersion: spec.gkeVersion,
    releaseChannel: { channel: apiChannel(spec.releaseChannel) },
    ipAllocationPolicy: { useIpAliases: true },
    networkConfig: {
      gatewayApiConfig: { channel: GKE_GATEWAY_API_CHANNEL },
    },
    workloadIdentityConfig: {
      workloadPool: `${spec.projectId}.svc.id.goog`,
    },
    monitoringConfig: {
      componentConfig: {
        enableComponents: gkeMonitoringComponents(spec.dcgm),
      },
      managedPrometheusConfig: { enabled: true },
    },
    autoscaling: {
      enableNodeAutoprovisioning: true,
      autoscalingProfile: 'OPTIMIZE_UTILIZATION',
      resourceLimits: [
        { resourceType: 'cpu', maximum: spec.maxCpu },
        { resourceType: 'memory', maximum: spec.maxMemoryGb },
        ...[...acceleratorLimits(plan)].map(([resourceType, maximum]) => ({
          resourceType,
          maximum,
        })),
      ],
    },
    addonsConfig: {
      rayOperatorConfig: { enabled: spec.operator === 'ray' },
    },
    nodePools,
  };
  const digest = createHash('sha256')
    .update(canonical(cluster))
    .digest('hex')
    .slice(0, 16);
  return {
    ...cluster,
    resourceLabels: {
      'ai-conformance-checklist': spec.checklistVersion.replace('.', '-'),
      [SPEC_LABEL]: digest,
    },
  };
}

/** The spec digest a create request carries. */
export function specDigestOf(request: Record<string, unknown>): string {
  return (request.resourceLabels as Record<string, string>)[SPEC_LABEL];
}
