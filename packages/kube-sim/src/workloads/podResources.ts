import type { KubeObject } from '../types';
import { quantityValue } from './quantity';

type Container = {
  name: string;
  command?: string[];
  args?: string[];
  image?: string;
  resources?: {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
    claims?: Array<{ name: string; request?: string }>;
  };
};

/** A pod's spec as the simulated components read it. */
export type PodSpec = {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Array<{
    key?: string;
    operator?: string;
    value?: string;
    effect?: string;
  }>;
  affinity?: {
    nodeAffinity?: {
      requiredDuringSchedulingIgnoredDuringExecution?: {
        nodeSelectorTerms?: Array<{
          matchExpressions?: Array<{
            key: string;
            operator: string;
            values?: string[];
          }>;
        }>;
      };
    };
  };
  schedulingGates?: Array<{ name: string }>;
  schedulerName?: string;
  runtimeClassName?: string;
  restartPolicy?: string;
  containers?: Container[];
  initContainers?: Container[];
  resourceClaims?: Array<{
    name: string;
    resourceClaimName?: string;
    resourceClaimTemplateName?: string;
  }>;
};

export type { Container };

export function specOf(pod: KubeObject): PodSpec {
  return (pod.spec ?? {}) as PodSpec;
}

/** Requests of one container: `requests`, with `limits` standing in for the ones not given. */
export function containerRequests(c: Container): Record<string, number> {
  const out: Record<string, number> = {};
  const limits = c.resources?.limits ?? {};
  const requests = c.resources?.requests ?? {};
  for (const [k, v] of Object.entries({ ...limits, ...requests })) {
    const n = quantityValue(v);
    if (Number.isFinite(n)) out[k] = n;
  }
  return out;
}

/** What a pod asks of a node: containers summed, init containers as a floor, one pod slot. */
export function podRequests(pod: KubeObject): Record<string, number> {
  const spec = specOf(pod);
  const total: Record<string, number> = {};
  for (const c of spec.containers ?? [])
    for (const [k, v] of Object.entries(containerRequests(c)))
      total[k] = (total[k] ?? 0) + v;
  for (const c of spec.initContainers ?? [])
    for (const [k, v] of Object.entries(containerRequests(c)))
      total[k] = Math.max(total[k] ?? 0, v);
  total.pods = 1;
  return total;
}

/** Whether a pod still holds its node's resources. */
export function isActivePod(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}
