import type { KubeObject, NodePoolSpec, Scenario } from '../types';
import { loadScenario } from '../scenario/loadScenario';
import {
  ACCELERATOR_MODELS,
  NO_DEVICE_PLUGIN_LABEL,
  machineShape,
  zonesOf,
} from './gkeFacts';
import type { GkeCluster, GkeNodePool } from './gkeTypes';
import { autoscalerStatusConfigMap } from './autoscalerStatusConfigMap';

/** The GKE scenario every created cluster is cut from. */
const BASE_SCENARIO = 'gke-1.34-conformant';

const GATEWAY_GROUPS = ['gateway.networking.k8s.io', 'networking.gke.io'];
const PROMETHEUS_GROUP = 'monitoring.googleapis.com';
/** Not managed by GKE: installed by the user after creation (server-side apply). */
const ADDON_GROUPS = ['kueue.x-k8s.io'];
const RAY_GROUP = 'ray.io';
/** Objects of the base scenario that are a user's workloads, not the platform's. */
const USER_NAMESPACES = ['ml-serving', 'kueue-system'];

function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
}

/** `gpuDriverInstallationConfig.gpuDriverVersion` → the node label GKE writes. */
const DRIVER_LABELS: Record<string, string> = {
  INSTALLATION_DISABLED: 'disabled',
  LATEST: 'latest',
  DEFAULT: 'default',
};

/** What the cluster's spec enables, read once. */
export interface ClusterFeatures {
  gateway: boolean;
  managedPrometheus: boolean;
  dcgm: boolean;
  ray: boolean;
  autoscaling: boolean;
}

export function featuresOf(cluster: GkeCluster): ClusterFeatures {
  const gatewayChannel = cluster.networkConfig?.gatewayApiConfig?.channel;
  const components =
    cluster.monitoringConfig?.componentConfig?.enableComponents ?? [];
  const pools = cluster.nodePools ?? [];
  return {
    gateway:
      gatewayChannel === 'CHANNEL_STANDARD' ||
      gatewayChannel === 'CHANNEL_EXPERIMENTAL',
    managedPrometheus:
      cluster.monitoringConfig?.managedPrometheusConfig?.enabled === true,
    dcgm: components.includes('DCGM'),
    ray: cluster.addonsConfig?.rayOperatorConfig?.enabled === true,
    autoscaling:
      pools.some(p => p.autoscaling?.enabled) ||
      cluster.autoscaling?.enableNodeAutoprovisioning === true,
  };
}

/** The node pool generator of one GKE node pool. */
export function nodePoolSpec(
  clusterName: string,
  location: string,
  pool: GkeNodePool,
): NodePoolSpec {
  const zones = pool.locations?.length ? pool.locations : zonesOf(location);
  const perZone = Math.max(
    Number(pool.initialNodeCount ?? 0),
    Number(pool.autoscaling?.minNodeCount ?? 0),
  );
  const totalMin = Number(pool.autoscaling?.totalMinNodeCount ?? 0);
  // the simulated cluster autoscaler takes pool-wide bounds; GKE's min/max are per zone
  const a = pool.autoscaling;
  const autoscaling = a?.enabled
    ? {
        minNodeCount:
          a.totalMinNodeCount !== undefined
            ? Number(a.totalMinNodeCount)
            : Number(a.minNodeCount ?? 0) * zones.length,
        maxNodeCount:
          a.totalMaxNodeCount !== undefined
            ? Number(a.totalMaxNodeCount)
            : Number(a.maxNodeCount ?? 0) * zones.length,
      }
    : undefined;
  const count = Math.min(Math.max(perZone * zones.length, totalMin), 64);
  const machineType = pool.config?.machineType ?? 'e2-medium';
  const shape = machineShape(machineType);
  const accelerator = pool.config?.accelerators?.[0];
  const gpus = accelerator ? Number(accelerator.acceleratorCount ?? 1) : 0;
  const labels: Record<string, string> = {
    'cloud.google.com/gke-nodepool': pool.name,
    'cloud.google.com/gke-os-distribution': 'cos',
    'cloud.google.com/gke-boot-disk': 'pd-balanced',
    'cloud.google.com/gke-container-runtime': 'containerd',
    'cloud.google.com/machine-family': shape.family,
    'cloud.google.com/gke-provisioning': 'standard',
    'node.kubernetes.io/instance-type': machineType,
    ...(pool.config?.labels ?? {}),
  };
  const capacity: Record<string, string> = {
    cpu: String(shape.cpus),
    memory: `${shape.memoryGi * 1024 * 1024}Ki`,
    'ephemeral-storage': '98831908Ki',
    pods: '110',
  };
  const allocatable: Record<string, string> = {
    cpu: `${shape.cpus * 1000 - 90}m`,
    memory: `${Math.floor(shape.memoryGi * 0.85 * 1024 * 1024)}Ki`,
    'ephemeral-storage': '47060071478',
    pods: '110',
  };
  const taints = (pool.config?.taints ?? []).map(t => ({
    key: t.key,
    value: t.value,
    effect:
      { NO_SCHEDULE: 'NoSchedule', PREFER_NO_SCHEDULE: 'PreferNoSchedule' }[
        String(t.effect)
      ] ?? (String(t.effect) === 'NO_EXECUTE' ? 'NoExecute' : String(t.effect)),
  }));
  let gpuModel: string | undefined;
  if (accelerator && gpus > 0) {
    const type = accelerator.acceleratorType ?? 'nvidia-l4';
    gpuModel = ACCELERATOR_MODELS[type] ?? type;
    const driver =
      accelerator.gpuDriverInstallationConfig?.gpuDriverVersion ?? 'DEFAULT';
    Object.assign(labels, {
      'cloud.google.com/gke-accelerator': type,
      'cloud.google.com/gke-accelerator-count': String(gpus),
      'cloud.google.com/gke-gpu': 'true',
      'cloud.google.com/gke-gpu-driver-version':
        DRIVER_LABELS[String(driver)] ?? 'default',
    });
    // GKE's device plugin advertises nvidia.com/gpu unless the pool opts out (DRA pools).
    if (labels[NO_DEVICE_PLUGIN_LABEL] !== 'true') {
      capacity['nvidia.com/gpu'] = String(gpus);
      allocatable['nvidia.com/gpu'] = String(gpus);
    }
    if (!taints.some(t => t.key === 'nvidia.com/gpu'))
      taints.push({
        key: 'nvidia.com/gpu',
        value: 'present',
        effect: 'NoSchedule',
      });
  }
  return {
    name: pool.name,
    count,
    namePattern: `gke-${clusterName}-${pool.name}-{hash}-{suffix}`.slice(0, 63),
    zones,
    labels,
    taints: taints.length ? taints : undefined,
    capacity,
    allocatable,
    nodeInfo: { containerRuntimeVersion: 'containerd://2.0.6' },
    ...(gpuModel ? { gpuModel, gpusPerNode: gpus } : {}),
    ...(autoscaling ? { autoscaling } : {}),
  };
}

/**
 * The virtual cluster of a created GKE cluster: the bundled GKE scenario cut down to what the
 * spec enables. The version is the cluster's; Gateway API CRDs and GatewayClasses only with a
 * Gateway API channel; Managed Prometheus (and the custom-metrics adapter it feeds) only when
 * enabled; the managed DCGM exporter only with the DCGM component and a GPU pool; KubeRay only
 * with the Ray Operator add-on; Kueue and the user's workloads never (they are applied later).
 * Nodes follow the pools: machine shape, accelerator labels, `nvidia.com/gpu` capacity.
 */
export function clusterScenario(
  project: string,
  location: string,
  cluster: GkeCluster,
  version: string,
): Scenario {
  const base = loadScenario(BASE_SCENARIO);
  const features = featuresOf(cluster);
  const pools = cluster.nodePools ?? [];
  const gpuPools = pools.filter(p => p.config?.accelerators?.length);
  const hasGpus = gpuPools.length > 0;
  const devicePluginPools = gpuPools.filter(
    p => p.config?.labels?.[NO_DEVICE_PLUGIN_LABEL] !== 'true',
  );

  const droppedGroups = new Set([...ADDON_GROUPS]);
  if (!features.gateway) GATEWAY_GROUPS.forEach(g => droppedGroups.add(g));
  if (!features.managedPrometheus) droppedGroups.add(PROMETHEUS_GROUP);
  if (!features.ray) droppedGroups.add(RAY_GROUP);

  const crds = (base.crds ?? []).filter(c => !droppedGroups.has(c.group));
  const workloads = (base.workloads ?? []).filter(w => {
    if (USER_NAMESPACES.includes(w.namespace)) return false;
    if (w.name === 'kuberay-operator') return features.ray;
    if (w.namespace === 'gmp-system') return features.managedPrometheus;
    if (w.namespace === 'custom-metrics') return features.managedPrometheus;
    if (w.name === 'dcgm-exporter') return features.dcgm && hasGpus;
    if (w.name.startsWith('nvidia-gpu-device-plugin'))
      return devicePluginPools.length > 0;
    return true;
  });
  const devicePlugin = workloads.find(w =>
    w.name.startsWith('nvidia-gpu-device-plugin'),
  );
  if (devicePlugin)
    devicePlugin.nodeSelector = { 'cloud.google.com/gke-gpu': 'true' };

  const objects = (base.objects ?? []).filter((o: KubeObject) => {
    const group = groupOf(o.apiVersion);
    if (droppedGroups.has(group)) return false;
    const ns = o.metadata.namespace;
    if (ns && USER_NAMESPACES.includes(ns)) return false;
    if (o.kind === 'Namespace' && USER_NAMESPACES.includes(o.metadata.name))
      return false;
    if (o.kind === 'Namespace' && o.metadata.name === 'gmp-public')
      return features.managedPrometheus;
    if (o.kind === 'ValidatingWebhookConfiguration')
      return o.metadata.name.startsWith('kuberay') && features.ray;
    if (
      o.kind === 'ConfigMap' &&
      o.metadata.name === 'cluster-autoscaler-status'
    )
      return false;
    if (o.kind === 'DeviceClass') return false;
    if (o.kind === 'HorizontalPodAutoscaler') return false;
    if (
      (o.kind === 'APIService' && o.metadata.name.includes('metrics.k8s.io')) ||
      (o.kind === 'Service' && ns === 'custom-metrics')
    )
      return features.managedPrometheus;
    if (
      o.kind === 'ClusterPodMonitoring' &&
      o.metadata.name === 'dcgm-exporter'
    )
      return features.dcgm && hasGpus;
    return true;
  });

  const nodePools = pools.map(p => nodePoolSpec(cluster.name, location, p));
  const autoscalerStatus = autoscalerStatusConfigMap(
    project,
    cluster.name,
    pools,
    nodePools,
  );
  if (autoscalerStatus) objects.push(autoscalerStatus);

  return {
    name: `gke-${cluster.name}`,
    description: `GKE Standard ${version} created through the Container API (${project}/${location})`,
    vars: { ...base.vars, cluster: cluster.name, project, region: location },
    version: {
      ...base.version,
      gitVersion: `v${version}`,
    },
    user: base.user,
    nodePools,
    crds,
    workloads,
    aggregatedApis: features.managedPrometheus ? base.aggregatedApis : [],
    objects,
    admission: (base.admission ?? []).filter(a => !droppedGroups.has(a.group)),
  };
}
