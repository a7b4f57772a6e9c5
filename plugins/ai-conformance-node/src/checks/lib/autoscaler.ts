/** Reading the cluster autoscaler status ConfigMap and Karpenter NodePools. */
import type { KubeObject } from '../../snapshot/types';

/**
 * Cluster-wide health from `data.status` of kube-system/cluster-autoscaler-status.
 * Handles both the YAML form (`clusterWide.health.status: Healthy`) and the
 * older text form (`Cluster-wide:\n  Health: Healthy (ready=…)`).
 */
export function autoscalerHealth(cm: KubeObject): string | undefined {
  const status = cm.data?.status;
  if (!status) return undefined;
  const m = /health:[ \t]*(?:\r?\n[ \t]*status:[ \t]*)?([A-Za-z]+)/i.exec(
    status,
  );
  return m?.[1];
}

/** Node group names (GKE MIG URLs, ASG names) listed in the status. */
export function autoscalerNodeGroups(cm: KubeObject): string[] {
  const status = cm.data?.status ?? '';
  const out = new Set<string>();
  for (const m of status.matchAll(/^\s*(?:-\s*)?name:\s*(\S+)\s*$/gim))
    out.add(m[1]);
  for (const m of status.matchAll(/^\s*Name:\s+(\S+)\s*$/gm)) out.add(m[1]);
  return [...out];
}

const GPU_KEY = /gpu|accelerator|neuron|tpu/i;
const GPU_FAMILY = /^(p\d|g\d|inf\d|trn\d|nc|nd|nv|a2|a3|a4|g2|g4)/i;

/** Does a Karpenter NodePool allow accelerator instances? */
export function nodePoolAllowsAccelerators(pool: KubeObject): boolean {
  const spec = pool.spec?.template?.spec ?? {};
  const reqs: Array<{ key?: string; operator?: string; values?: string[] }> =
    spec.requirements ?? [];
  for (const r of reqs) {
    const key = String(r.key ?? '');
    if (r.operator === 'NotIn' || r.operator === 'DoesNotExist') continue;
    if (GPU_KEY.test(key)) return true;
    if (
      /instance-(family|type|category)/.test(key) &&
      (r.values ?? []).some(v => GPU_FAMILY.test(v))
    ) {
      return true;
    }
  }
  const taints: Array<{ key?: string }> = spec.taints ?? [];
  return taints.some(t => GPU_KEY.test(String(t.key ?? '')));
}

/** Cluster API autoscaler bounds on a MachineDeployment / MachineSet. */
export const CAPI_MIN_ANNOTATION =
  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
export const CAPI_MAX_ANNOTATION =
  'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';

export function capiAutoscaled(md: KubeObject): boolean {
  const a = md.metadata.annotations ?? {};
  return (
    a[CAPI_MIN_ANNOTATION] !== undefined && a[CAPI_MAX_ANNOTATION] !== undefined
  );
}

/** GKE ComputeClass that lets node auto-provisioning create node pools. */
export function computeClassAutoProvisions(cc: KubeObject): boolean {
  return cc.spec?.nodePoolAutoCreation?.enabled === true;
}

/** OpenShift ClusterAutoscaler limits that allow GPUs. */
export function openshiftGpuLimits(ca: KubeObject): string[] {
  const gpus: Array<{ type?: string; max?: number }> =
    ca.spec?.resourceLimits?.gpus ?? [];
  return gpus
    .filter(g => Number(g.max ?? 0) > 0)
    .map(g => `${g.type ?? 'gpu'} max ${g.max}`);
}

/** The Cluster Autoscaler's own workload (any vendor's name for it). */
export const CLUSTER_AUTOSCALER_NAME = /(^|-)cluster-autoscaler(-|$)/;
