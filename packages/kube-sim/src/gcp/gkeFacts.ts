/**
 * What the Container API double knows about GKE: the versions it serves, the enums of the
 * Container API v1 (`google.container.v1` protos) it reads and writes, and the accelerators and
 * machine types it turns into nodes. Every GKE fact of the double lives here.
 */

/** A `getServerConfig` answer (string enums, the shape of the REST API). */
export interface GkeServerConfig {
  defaultClusterVersion: string;
  /** Descending. */
  validMasterVersions: string[];
  validNodeVersions: string[];
  defaultImageType: string;
  validImageTypes: string[];
  channels: Array<{
    channel: 'RAPID' | 'REGULAR' | 'STABLE' | 'EXTENDED';
    defaultVersion: string;
    validVersions: string[];
  }>;
}

/**
 * The versions served by default: the certified GKE versions of each checklist minor
 * (`vX.Y/gke/PRODUCT.yaml` of cncf/k8s-ai-conformance) and the version of the bundled
 * gke-1.34-conformant scenario, plus two versions below the certified minimums.
 */
const VERSIONS = [
  '1.37.0-gke.3503000',
  '1.36.4-gke.1247000',
  '1.35.0-gke.2232000',
  '1.34.1-gke.1829001',
  '1.34.0-gke.1662000',
  '1.34.0-gke.1500000',
  '1.33.5-gke.1080000',
];

export const DEFAULT_SERVER_CONFIG: GkeServerConfig = {
  defaultClusterVersion: '1.34.1-gke.1829001',
  validMasterVersions: VERSIONS,
  validNodeVersions: VERSIONS,
  defaultImageType: 'COS_CONTAINERD',
  validImageTypes: ['COS_CONTAINERD', 'UBUNTU_CONTAINERD'],
  channels: [
    {
      channel: 'RAPID',
      defaultVersion: '1.36.4-gke.1247000',
      validVersions: [
        '1.37.0-gke.3503000',
        '1.36.4-gke.1247000',
        '1.35.0-gke.2232000',
      ],
    },
    {
      channel: 'REGULAR',
      defaultVersion: '1.34.1-gke.1829001',
      validVersions: [
        '1.35.0-gke.2232000',
        '1.34.1-gke.1829001',
        '1.34.0-gke.1662000',
        '1.33.5-gke.1080000',
      ],
    },
    {
      channel: 'STABLE',
      defaultVersion: '1.34.0-gke.1662000',
      validVersions: [
        '1.34.0-gke.1662000',
        '1.34.0-gke.1500000',
        '1.33.5-gke.1080000',
      ],
    },
    {
      channel: 'EXTENDED',
      defaultVersion: '1.33.5-gke.1080000',
      validVersions: [
        '1.34.1-gke.1829001',
        '1.34.0-gke.1662000',
        '1.33.5-gke.1080000',
      ],
    },
  ],
};

/**
 * Enum fields of the messages the double reads and writes, by JSON path (`[]` = each element of a
 * list). Values are those of the google.container.v1 protos.
 */
export const ENUMS = {
  'ReleaseChannel.Channel': {
    UNSPECIFIED: 0,
    RAPID: 1,
    REGULAR: 2,
    STABLE: 3,
    EXTENDED: 4,
  },
  'Cluster.Status': {
    STATUS_UNSPECIFIED: 0,
    PROVISIONING: 1,
    RUNNING: 2,
    RECONCILING: 3,
    STOPPING: 4,
    ERROR: 5,
    DEGRADED: 6,
  },
  'NodePool.Status': {
    STATUS_UNSPECIFIED: 0,
    PROVISIONING: 1,
    RUNNING: 2,
    RUNNING_WITH_ERROR: 3,
    RECONCILING: 4,
    STOPPING: 5,
    ERROR: 6,
  },
  'Operation.Status': {
    STATUS_UNSPECIFIED: 0,
    PENDING: 1,
    RUNNING: 2,
    DONE: 3,
    ABORTING: 4,
  },
  'Operation.Type': {
    TYPE_UNSPECIFIED: 0,
    CREATE_CLUSTER: 1,
    DELETE_CLUSTER: 2,
    CREATE_NODE_POOL: 7,
  },
  'GPUDriverInstallationConfig.GPUDriverVersion': {
    GPU_DRIVER_VERSION_UNSPECIFIED: 0,
    INSTALLATION_DISABLED: 1,
    DEFAULT: 2,
    LATEST: 3,
  },
  'GatewayAPIConfig.Channel': {
    CHANNEL_UNSPECIFIED: 0,
    CHANNEL_DISABLED: 1,
    CHANNEL_EXPERIMENTAL: 3,
    CHANNEL_STANDARD: 4,
  },
  'MonitoringComponentConfig.Component': {
    COMPONENT_UNSPECIFIED: 0,
    SYSTEM_COMPONENTS: 1,
    APISERVER: 3,
    SCHEDULER: 4,
    CONTROLLER_MANAGER: 5,
    STORAGE: 7,
    HPA: 8,
    POD: 9,
    DAEMONSET: 10,
    DEPLOYMENT: 11,
    STATEFULSET: 12,
    CADVISOR: 13,
    KUBELET: 14,
    DCGM: 15,
  },
  'NodePoolAutoscaling.LocationPolicy': {
    LOCATION_POLICY_UNSPECIFIED: 0,
    BALANCED: 1,
    ANY: 2,
  },
} as const;

export type EnumName = keyof typeof ENUMS;

/** Where each enum sits in a Cluster message (JSON paths; `[]` = each element of a list). */
export const CLUSTER_ENUM_FIELDS: Record<string, EnumName> = {
  'releaseChannel.channel': 'ReleaseChannel.Channel',
  status: 'Cluster.Status',
  'nodePools[].status': 'NodePool.Status',
  'nodePools[].config.accelerators[].gpuDriverInstallationConfig.gpuDriverVersion':
    'GPUDriverInstallationConfig.GPUDriverVersion',
  'nodePools[].autoscaling.locationPolicy':
    'NodePoolAutoscaling.LocationPolicy',
  'nodeConfig.accelerators[].gpuDriverInstallationConfig.gpuDriverVersion':
    'GPUDriverInstallationConfig.GPUDriverVersion',
  'networkConfig.gatewayApiConfig.channel': 'GatewayAPIConfig.Channel',
  'monitoringConfig.componentConfig.enableComponents[]':
    'MonitoringComponentConfig.Component',
};

/** The same fields inside one NodePool message (a `nodePools.create` body). */
export const NODE_POOL_ENUM_FIELDS: Record<string, EnumName> = {
  status: 'NodePool.Status',
  'config.accelerators[].gpuDriverInstallationConfig.gpuDriverVersion':
    'GPUDriverInstallationConfig.GPUDriverVersion',
  'autoscaling.locationPolicy': 'NodePoolAutoscaling.LocationPolicy',
};

/** Enums of an Operation message. */
export const OPERATION_ENUM_FIELDS: Record<string, EnumName> = {
  status: 'Operation.Status',
  operationType: 'Operation.Type',
  'progress.status': 'Operation.Status',
  'progress.stages[].status': 'Operation.Status',
};

/** Enums of a ServerConfig message. */
export const SERVER_CONFIG_ENUM_FIELDS: Record<string, EnumName> = {
  'channels[].channel': 'ReleaseChannel.Channel',
};

/** GPU model names of the accelerator types (what DCGM reports). */
export const ACCELERATOR_MODELS: Record<string, string> = {
  'nvidia-l4': 'NVIDIA L4',
  'nvidia-rtx-pro-6000': 'NVIDIA RTX PRO 6000 Blackwell Server Edition',
  'nvidia-tesla-a100': 'NVIDIA A100-SXM4-40GB',
  'nvidia-a100-80gb': 'NVIDIA A100-SXM4-80GB',
  'nvidia-h100-80gb': 'NVIDIA H100 80GB HBM3',
  'nvidia-h100-mega-80gb': 'NVIDIA H100 80GB HBM3',
  'nvidia-h200-141gb': 'NVIDIA H200',
  'nvidia-b200': 'NVIDIA B200',
  'nvidia-gb200': 'NVIDIA GB200',
  'nvidia-tesla-t4': 'Tesla T4',
};

/** vCPUs and memory (GiB) of a machine type, from its name (`e2-standard-4`, `g2-standard-8`, `a3-highgpu-8g`). */
export function machineShape(machineType: string): {
  family: string;
  cpus: number;
  memoryGi: number;
} {
  const family = machineType.split('-')[0] || 'e2';
  const gpuShape = /-(\d+)g$/.exec(machineType);
  const trailing = /-(\d+)$/.exec(machineType);
  let cpus = trailing ? Number(trailing[1]) : 4;
  if (gpuShape) cpus = Number(gpuShape[1]) * 26;
  let perCpu = 4;
  if (machineType.includes('highmem')) perCpu = 8;
  else if (machineType.includes('highcpu')) perCpu = 1;
  return { family, cpus, memoryGi: cpus * perCpu };
}

/** The zones of a location: a zone is itself, a region has its -a, -b and -c zones. */
export function zonesOf(location: string): string[] {
  return /-[a-z]$/.test(location)
    ? [location]
    : ['a', 'b', 'c'].map(z => `${location}-${z}`);
}

/** Node label asking GKE not to run its NVIDIA device plugin (pools driven by the NVIDIA DRA driver). */
export const NO_DEVICE_PLUGIN_LABEL = 'gke-no-default-nvidia-gpu-device-plugin';
