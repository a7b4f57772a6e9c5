/**
 * Every API read the checks declare, defined once. Two checks that need the
 * same objects share a key, so the collector reads each thing once.
 * Secrets are never read.
 */
import type { ReadSpec } from '../../snapshot/types';

function spec(s: ReadSpec): ReadSpec {
  return s;
}

/** @public */
export const READS = {
  /** Full node objects: labels, taints, capacity/allocatable, nodeInfo. */
  nodes: spec({ key: 'nodes', group: '', version: 'v1', resource: 'nodes' }),
  /** CRDs with status (Established) and spec.group/names. */
  crds: spec({
    key: 'crds',
    group: 'apiextensions.k8s.io',
    version: 'v1',
    resource: 'customresourcedefinitions',
  }),
  apiservices: spec({
    key: 'apiservices',
    group: 'apiregistration.k8s.io',
    version: 'v1',
    resource: 'apiservices',
  }),
  deployments: spec({
    key: 'deployments',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
  }),
  daemonsets: spec({
    key: 'daemonsets',
    group: 'apps',
    version: 'v1',
    resource: 'daemonsets',
  }),
  statefulsets: spec({
    key: 'statefulsets',
    group: 'apps',
    version: 'v1',
    resource: 'statefulsets',
  }),
  /** Services: the selector that links an admission webhook to its workload. */
  services: spec({
    key: 'services',
    group: '',
    version: 'v1',
    resource: 'services',
  }),
  gatewayclasses: spec({
    key: 'gatewayclasses',
    group: 'gateway.networking.k8s.io',
    version: '*',
    resource: 'gatewayclasses',
  }),
  httproutes: spec({
    key: 'httproutes',
    group: 'gateway.networking.k8s.io',
    version: '*',
    resource: 'httproutes',
  }),
  inferencepools: spec({
    key: 'inferencepools',
    group: 'inference.networking.k8s.io',
    version: '*',
    resource: 'inferencepools',
  }),
  inferencepoolsExperimental: spec({
    key: 'inferencepools-x',
    group: 'inference.networking.x-k8s.io',
    version: '*',
    resource: 'inferencepools',
  }),
  runtimeclasses: spec({
    key: 'runtimeclasses',
    group: 'node.k8s.io',
    version: 'v1',
    resource: 'runtimeclasses',
  }),
  resourceslices: spec({
    key: 'resourceslices',
    group: 'resource.k8s.io',
    version: '*',
    resource: 'resourceslices',
  }),
  deviceclasses: spec({
    key: 'deviceclasses',
    group: 'resource.k8s.io',
    version: '*',
    resource: 'deviceclasses',
  }),
  validatingwebhooks: spec({
    key: 'validatingwebhookconfigurations',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    resource: 'validatingwebhookconfigurations',
  }),
  mutatingwebhooks: spec({
    key: 'mutatingwebhookconfigurations',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    resource: 'mutatingwebhookconfigurations',
  }),
  autoscalerStatus: spec({
    key: 'configmap:kube-system/cluster-autoscaler-status',
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'cluster-autoscaler-status',
  }),
  karpenterNodePools: spec({
    key: 'karpenter-nodepools',
    group: 'karpenter.sh',
    version: '*',
    resource: 'nodepools',
  }),
  /** GKE ComputeClasses (node auto-provisioning per class). */
  computeClasses: spec({
    key: 'gke-computeclasses',
    group: 'cloud.google.com',
    version: '*',
    resource: 'computeclasses',
  }),
  /** OpenShift cluster autoscaler (the ClusterAutoscaler resource). */
  openshiftClusterAutoscalers: spec({
    key: 'openshift-clusterautoscalers',
    group: 'autoscaling.openshift.io',
    version: '*',
    resource: 'clusterautoscalers',
  }),
  openshiftMachineAutoscalers: spec({
    key: 'openshift-machineautoscalers',
    group: 'autoscaling.openshift.io',
    // Served only in v1beta1, while the group prefers v1 (ClusterAutoscaler).
    version: 'v1beta1',
    resource: 'machineautoscalers',
  }),
  /** Cluster API MachineDeployments (autoscaler min/max annotations). */
  capiMachineDeployments: spec({
    key: 'capi-machinedeployments',
    group: 'cluster.x-k8s.io',
    version: '*',
    resource: 'machinedeployments',
    metadataOnly: true,
  }),
  leaderworkersets: spec({
    key: 'leaderworkersets',
    group: 'leaderworkerset.x-k8s.io',
    version: '*',
    resource: 'leaderworkersets',
  }),
} as const;

/** RBAC hint for a read, e.g. "needs list on customresourcedefinitions.apiextensions.k8s.io". */
export function rbacHint(read: ReadSpec): string {
  const resource = read.group
    ? `${read.resource}.${read.group}`
    : read.resource;
  const verb = read.name ? 'get' : 'list';
  const where = read.namespace ? ` in namespace ${read.namespace}` : '';
  const name = read.name ? ` (name ${read.name})` : '';
  return `needs ${verb} on ${resource}${name}${where}`;
}
