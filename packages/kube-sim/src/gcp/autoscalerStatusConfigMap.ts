import { stringify } from 'yaml';
import type { KubeObject, NodePoolSpec } from '../types';
import type { GkeNodePool } from './gkeTypes';

function isoTime(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The `kube-system/cluster-autoscaler-status` ConfigMap GKE's cluster autoscaler writes when a
 * pool has autoscaling on: one node group per zone of each autoscaled pool, with its bounds
 * (per zone: `minNodeCount`/`maxNodeCount`, or the pool's totals spread over its zones).
 */
export function autoscalerStatusConfigMap(
  project: string,
  clusterName: string,
  pools: GkeNodePool[],
  specs: NodePoolSpec[],
): KubeObject | undefined {
  const now = isoTime();
  const groups: unknown[] = [];
  let total = 0;
  for (const pool of pools) {
    const spec = specs.find(s => s.name === pool.name);
    const a = pool.autoscaling;
    if (!spec) continue;
    total += spec.count;
    if (!a?.enabled) continue;
    const zones = spec.zones?.length ? spec.zones : ['-'];
    zones.forEach((zone, i) => {
      const nodes =
        Math.floor(spec.count / zones.length) +
        (i < spec.count % zones.length ? 1 : 0);
      const share = (n: number | undefined) =>
        n === undefined ? undefined : Math.ceil(Number(n) / zones.length);
      const minSize = Number(a.minNodeCount ?? share(a.totalMinNodeCount) ?? 0);
      const maxSize = Number(
        a.maxNodeCount ?? share(a.totalMaxNodeCount) ?? Math.max(nodes, 1),
      );
      groups.push({
        name: `https://www.googleapis.com/compute/v1/projects/${project}/zones/${zone}/instanceGroups/gke-${clusterName}-${pool.name}-grp`,
        health: {
          status: 'Healthy',
          nodeCounts: {
            registered: { total: nodes, ready: nodes, notStarted: 0 },
          },
          cloudProviderTarget: nodes,
          minSize,
          maxSize,
        },
        scaleUp: { status: 'NoActivity' },
        scaleDown: { status: 'NoCandidates' },
      });
    });
  }
  if (!groups.length) return undefined;
  const status = {
    time: now,
    autoscalerStatus: 'Running',
    clusterWide: {
      health: {
        status: 'Healthy',
        nodeCounts: {
          registered: { total, ready: total, notStarted: 0 },
          longUnregistered: 0,
          unregistered: 0,
        },
        lastProbeTime: now,
        lastTransitionTime: now,
      },
      scaleUp: {
        status: 'NoActivity',
        lastProbeTime: now,
        lastTransitionTime: now,
      },
      scaleDown: {
        status: 'NoCandidates',
        lastProbeTime: now,
        lastTransitionTime: now,
      },
    },
    nodeGroups: groups,
  };
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'cluster-autoscaler-status',
      namespace: 'kube-system',
      annotations: { 'cluster-autoscaler.kubernetes.io/last-updated': now },
    },
    data: { status: stringify(status) },
  };
}
