import {
  gkeCertification,
  gkeVersionProblem,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  GKE_ACCELERATORS,
  allowedGpuCounts,
  acceleratorOfMachineType,
  findGkeAccelerator,
  machineTypesFor,
} from './gkeAccelerators';
import { GkeClusterSpec } from './gkeClusterSpec';
import {
  DRA_POOL_NODE_LABELS,
  DRA_POOL_TAINT,
  GKE_SANDBOX_TYPE,
} from './gkePoolOptions';

/** A GPU node pool with every derived value filled in. */
export interface PlannedGpuPool {
  name: string;
  accelerator: string;
  machineType: string;
  gpusPerNode: number;
  minNodes: number;
  maxNodes: number;
  spot: boolean;
  /** GKE-managed driver version; `disabled` for the DRA pool. */
  driverVersion: 'default' | 'latest' | 'disabled';
}

export interface GkeClusterValidation {
  /** What makes the cluster not AI-conformant or not creatable. */
  errors: string[];
  /** Trade-offs and reminders that do not block creation. */
  notes: string[];
  gpuPool?: PlannedGpuPool;
  draPool?: PlannedGpuPool;
}

function formatList(values: readonly (string | number)[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function checkPool(
  label: string,
  pool: {
    name?: string;
    accelerator?: string;
    machineType?: string;
    gpusPerNode?: number;
    minNodes?: number;
    maxNodes: number;
    spot: boolean;
  },
  driverVersion: PlannedGpuPool['driverVersion'],
  defaultName: string,
  errors: string[],
): PlannedGpuPool | undefined {
  const before = errors.length;
  if (!pool.accelerator) {
    errors.push(`${label}: choose an accelerator type`);
    return undefined;
  }
  if (!pool.machineType) {
    errors.push(`${label}: choose a machine type`);
    return undefined;
  }
  const accelerator = findGkeAccelerator(pool.accelerator);
  if (!accelerator) {
    errors.push(
      `${label}: unknown accelerator "${
        pool.accelerator
      }"; choose one of ${GKE_ACCELERATORS.map(a => a.type).join(', ')}`,
    );
    return undefined;
  }
  const counts = allowedGpuCounts(accelerator, pool.machineType);
  const gpusPerNode = pool.gpusPerNode ?? counts[0];
  if (counts.length === 0) {
    const carries = acceleratorOfMachineType(pool.machineType);
    const options = accelerator.flexible
      ? `an N1 machine type such as ${accelerator.flexible.defaultMachineType}`
      : formatList(machineTypesFor(accelerator));
    errors.push(
      `${label}: machine type ${pool.machineType} cannot carry ${
        accelerator.type
      }; use ${options}${
        carries ? ` (${pool.machineType} comes with ${carries.type})` : ''
      }`,
    );
  } else if (!counts.includes(gpusPerNode)) {
    errors.push(
      counts.length === 1
        ? `${label}: ${pool.machineType} has ${counts[0]} ${
            accelerator.type
          } GPU${counts[0] === 1 ? '' : 's'} per node, not ${gpusPerNode}`
        : `${label}: ${pool.machineType} takes ${formatList(counts)} ${
            accelerator.type
          } GPUs per node, not ${gpusPerNode}`,
    );
  }
  const minNodes = pool.minNodes ?? 0;
  if (minNodes > pool.maxNodes) {
    errors.push(
      `${label}: the minimum node count (${minNodes}) exceeds the maximum (${pool.maxNodes})`,
    );
  }
  if (errors.length > before) return undefined;
  return {
    name: pool.name ?? defaultName,
    accelerator: accelerator.type,
    machineType: pool.machineType,
    gpusPerNode,
    minNodes,
    maxNodes: pool.maxNodes,
    spot: pool.spot,
    driverVersion,
  };
}

function poolNameFor(accelerator: string | undefined, suffix: string): string {
  const base = (accelerator ?? 'gpu').replace(/^nvidia-(tesla-)?/, '');
  return `${base}-${suffix}`.slice(0, 40).replace(/-+$/, '');
}

function checkVersion(spec: GkeClusterSpec, errors: string[]): void {
  const problem = gkeVersionProblem(spec.gkeVersion, undefined, {
    subject: `GKE version ${spec.gkeVersion}`,
  });
  if (problem) {
    errors.push(problem);
    return;
  }
  const { minor } = gkeCertification(spec.gkeVersion);
  if (minor !== spec.checklistVersion) {
    errors.push(
      `GKE version ${spec.gkeVersion} is a ${minor} version, but the cluster targets checklist ${spec.checklistVersion}; choose a ${spec.checklistVersion} version`,
    );
  }
}

/**
 * Checks that a cluster spec describes an AI-conformant GKE cluster that
 * GKE can create: Standard mode, Gateway API on, a certified version, GPU
 * machine/accelerator/count combinations that exist, DCGM with managed
 * drivers. Returns every problem at once, plus notes on trade-offs.
 */
export function validateGkeClusterSpec(
  spec: GkeClusterSpec,
): GkeClusterValidation {
  const errors: string[] = [];
  const notes: string[] = [];

  if (spec.mode !== 'standard') {
    errors.push(
      'GKE Autopilot is not supported: the certified GKE platform is a Standard cluster, and the DRA GPU path of the 1.36/1.37 checklists needs GKE Standard node pools (DRA is not available on Autopilot); choose mode "standard"',
    );
  }
  if (!spec.gatewayApi) {
    errors.push(
      'The Gateway API must be on (--gateway-api=standard, gateway_api_config CHANNEL_STANDARD): AI-conformant GKE clusters serve inference traffic through it',
    );
  }
  checkVersion(spec, errors);

  const gpuPool = checkPool(
    'GPU pool',
    spec.gpuPool,
    spec.gpuPool.driverVersion,
    poolNameFor(spec.gpuPool.accelerator, 'pool'),
    errors,
  );
  if (spec.dcgm && spec.gpuPool.driverVersion === 'disabled') {
    errors.push(
      'Managed DCGM metrics need GKE-managed GPU drivers: set the GPU pool driver version to "latest" or "default", or turn DCGM off and run your own accelerator metrics exporter',
    );
  }
  if (!spec.dcgm) {
    notes.push(
      'Managed DCGM is off: the accelerator-metrics requirement then needs your own DCGM exporter scraped by Managed Prometheus.',
    );
  }
  if (spec.gpuPool.spot) {
    notes.push(
      'Spot VMs can be preempted at any time; training jobs need checkpoints.',
    );
  }
  if (!spec.kueueVersion) {
    notes.push(
      'Kueue is not installed: gang scheduling then needs another scheduler (e.g. Volcano).',
    );
  }
  if (spec.operator === 'none') {
    notes.push(
      'Neither the Ray Operator add-on nor Kubeflow Trainer is installed: the AI-operator requirement then needs another operator.',
    );
  }

  let draPool: PlannedGpuPool | undefined;
  if (spec.draPool?.enabled) {
    draPool = checkPool(
      'DRA pool',
      spec.draPool,
      'disabled',
      poolNameFor(spec.draPool.accelerator, 'dra'),
      errors,
    );
    if (draPool && gpuPool && draPool.name === gpuPool.name) {
      errors.push(
        `DRA pool: the name ${draPool.name} is taken by the GPU pool`,
      );
    }
    notes.push(
      `The DRA pool runs without GKE-managed drivers (gpu-driver-version=disabled), with the node labels ${Object.entries(
        DRA_POOL_NODE_LABELS,
      )
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')} and the taint ${DRA_POOL_TAINT.key}=${
        DRA_POOL_TAINT.value
      }:${
        DRA_POOL_TAINT.effect
      }, so the NVIDIA DRA driver (Helm) hands out its GPUs as ResourceClaims. The trade-offs: you install and upgrade the NVIDIA driver yourself (the COS preloaded driver DaemonSet), managed DCGM does not cover these nodes, and node auto-provisioning does not create nodes for it; keep the managed GPU pool for everything else.`,
    );
  }

  if (spec.sandboxPool?.enabled) {
    notes.push(
      `The sandbox pool runs pods with runtimeClassName: ${GKE_SANDBOX_TYPE} in GKE Sandbox (gVisor); GKE taints its nodes (sandbox.gke.io/runtime=gvisor) so only such pods land there, and the system pool keeps the cluster's own components (workload_sandboxing).`,
    );
  }

  if (spec.inferenceGateway?.enabled) {
    notes.push(
      `GKE Inference Gateway: a ${spec.inferenceGateway.gatewayClass} Gateway needs an active proxy-only subnet in ${spec.region} (the files create one on the default network with ${spec.inferenceGateway.proxyOnlySubnetRange}; drop it when the network already has one) and the Gateway API Inference Extension CRDs; route a model server to it with an InferencePool and an HTTPRoute (advanced_inference_ingress).`,
    );
  }

  return { errors, notes, gpuPool, draPool };
}
