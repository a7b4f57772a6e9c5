/**
 * The parts of Container API v1 messages the double reads, in their REST JSON form with enum
 * names (requests sent with numeric enums are converted first). Unknown fields are kept as sent.
 */

export interface GkeAccelerator {
  acceleratorType?: string;
  acceleratorCount?: string | number;
  gpuDriverInstallationConfig?: { gpuDriverVersion?: string };
  gpuSharingConfig?: Record<string, unknown>;
}

export interface GkeNodePool {
  name: string;
  initialNodeCount?: number;
  locations?: string[];
  version?: string;
  status?: string;
  config?: {
    machineType?: string;
    labels?: Record<string, string>;
    taints?: Array<{ key: string; value?: string; effect?: string | number }>;
    accelerators?: GkeAccelerator[];
    [key: string]: unknown;
  };
  autoscaling?: {
    enabled?: boolean;
    minNodeCount?: number;
    maxNodeCount?: number;
    totalMinNodeCount?: number;
    totalMaxNodeCount?: number;
    locationPolicy?: string;
  };
  [key: string]: unknown;
}

export interface GkeCluster {
  name: string;
  description?: string;
  initialClusterVersion?: string;
  releaseChannel?: { channel?: string };
  nodePools?: GkeNodePool[];
  /** Legacy single-pool fields (a default pool is made from them when `nodePools` is empty). */
  initialNodeCount?: number;
  nodeConfig?: GkeNodePool['config'];
  networkConfig?: { gatewayApiConfig?: { channel?: string } };
  monitoringConfig?: {
    componentConfig?: { enableComponents?: string[] };
    managedPrometheusConfig?: { enabled?: boolean };
  };
  addonsConfig?: { rayOperatorConfig?: { enabled?: boolean } };
  autoscaling?: { enableNodeAutoprovisioning?: boolean };
  autopilot?: { enabled?: boolean };
  [key: string]: unknown;
}
