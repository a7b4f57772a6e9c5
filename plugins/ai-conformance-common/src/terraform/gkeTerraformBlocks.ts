import { HclBlock, attr, block } from './hcl';

/**
 * Building blocks of a GKE cluster and its node pools in Terraform
 * (`google_container_cluster`, `google_container_node_pool`), shared by the
 * scaffolder's renderer and the Terraform snippets of remediation.
 */

/**
 * GKE-managed GPU driver versions as GKE spells them (Terraform's
 * `gpu_driver_version`, the Container API's `gpuDriverVersion`).
 *
 * @public
 */
export const GKE_GPU_DRIVER_VERSIONS = {
  default: 'DEFAULT',
  latest: 'LATEST',
  disabled: 'INSTALLATION_DISABLED',
} as const;

/**
 * The Gateway API channel of AI-conformant GKE clusters (Terraform's
 * `gateway_api_config.channel`, the Container API's
 * `networkConfig.gatewayApiConfig.channel`).
 *
 * @public
 */
export const GKE_GATEWAY_API_CHANNEL = 'CHANNEL_STANDARD';

/**
 * Monitoring components GKE collects: system metrics, plus managed DCGM
 * when asked (Terraform's `enable_components`, the Container API's
 * `monitoringConfig.componentConfig.enableComponents`).
 *
 * @public
 */
export function gkeMonitoringComponents(dcgm: boolean): string[] {
  return dcgm ? ['SYSTEM_COMPONENTS', 'DCGM'] : ['SYSTEM_COMPONENTS'];
}

const DRIVER_VERSIONS = GKE_GPU_DRIVER_VERSIONS;

/**
 * The Gateway API on its standard channel.
 *
 * @public
 */
export function gkeGatewayApiBlock(): HclBlock {
  return block(
    'gateway_api_config',
    [],
    [attr('channel', GKE_GATEWAY_API_CHANNEL)],
  );
}

/**
 * System metrics and Managed Prometheus, with managed DCGM when asked.
 *
 * @public
 */
export function gkeMonitoringBlock(dcgm: boolean): HclBlock {
  return block(
    'monitoring_config',
    [],
    [
      attr('enable_components', gkeMonitoringComponents(dcgm)),
      block('managed_prometheus', [], [attr('enabled', true)]),
    ],
  );
}

/**
 * Cluster autoscaling with node auto-provisioning limits on CPU, memory and
 * each accelerator type.
 *
 * @public
 */
export function gkeClusterAutoscalingBlock(limits: {
  maxCpu: number;
  maxMemoryGb: number;
  /** Accelerator type → the most the autoscaler may add. */
  accelerators: Iterable<readonly [string, number]>;
}): HclBlock {
  const limit = (type: string, maximum: number) =>
    block(
      'resource_limits',
      [],
      [attr('resource_type', type), attr('maximum', maximum)],
    );
  return block(
    'cluster_autoscaling',
    [],
    [
      attr('enabled', true),
      attr('autoscaling_profile', 'OPTIMIZE_UTILIZATION'),
      limit('cpu', limits.maxCpu),
      limit('memory', limits.maxMemoryGb),
      ...[...limits.accelerators].map(([type, maximum]) =>
        limit(type, maximum),
      ),
    ],
  );
}

/**
 * The Ray Operator add-on, on or off.
 *
 * @public
 */
export function gkeRayOperatorBlock(enabled: boolean): HclBlock {
  return block(
    'addons_config',
    [],
    [block('ray_operator_config', [], [attr('enabled', enabled)])],
  );
}

/**
 * GPUs of a node pool with the GKE-managed driver version (`disabled`: no
 * managed driver, e.g. for a DRA driver).
 *
 * @public
 */
export function gkeGuestAcceleratorBlock(accelerator: {
  type: string;
  count: number;
  driverVersion: 'default' | 'latest' | 'disabled';
}): HclBlock {
  return block(
    'guest_accelerator',
    [],
    [
      attr('type', accelerator.type),
      attr('count', accelerator.count),
      block(
        'gpu_driver_installation_config',
        [],
        [
          attr(
            'gpu_driver_version',
            DRIVER_VERSIONS[accelerator.driverVersion],
          ),
        ],
      ),
    ],
  );
}
