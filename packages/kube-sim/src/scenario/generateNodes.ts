import type { KubeObject, NodePoolSpec } from '../types';
import { hexOf, suffixOf, timestampAt, uidOf } from './objectIds';

/** A generated node with what the scenario needs to know about it. */
export interface GeneratedNode {
  name: string;
  pool: string;
  labels: Record<string, string>;
  gpuModel?: string;
  gpus: number;
  object: KubeObject;
}

function nodeName(pool: NodePoolSpec, index: number, salt = 0): string {
  const pattern = pool.namePattern ?? `${pool.name}-{index}`;
  const width = Math.max(2, String(pool.count - 1).length);
  return pattern
    .replace('{pool}', pool.name)
    .replace(
      '{hash}',
      hexOf(`${pool.name}:group:${Math.floor(index / 1000)}`, 8),
    )
    .replace('{index}', String(index).padStart(width, '0'))
    .replace('{n}', String(index))
    .replace('{suffix}', suffixOf(`${pool.name}:${index}:${salt}`, 4));
}

function internalIp(poolIndex: number, index: number): string {
  return `10.128.${poolIndex * 20 + Math.floor(index / 250)}.${
    (index % 250) + 2
  }`;
}

/** The node's `spec.providerID`: the pool's pattern, else a gce:// one for GKE pools. */
function providerIdOf(
  pool: NodePoolSpec,
  name: string,
  zone: string | undefined,
  index: number,
): { providerID?: string } {
  if (pool.providerID) {
    return {
      providerID: pool.providerID
        .replace('{name}', name)
        .replace('{zone}', zone ?? '')
        .replace('{n}', String(index)),
    };
  }
  if (pool.labels?.['cloud.google.com/gke-nodepool']) {
    return {
      providerID: `gce://ai-platform-prod/${zone ?? 'us-central1-a'}/${name}`,
    };
  }
  return {};
}

/** Expands node pools into Node objects. */
export function generateNodes(
  pools: NodePoolSpec[],
  kubeletVersion: string,
): GeneratedNode[] {
  const nodes: GeneratedNode[] = [];
  const taken = new Set<string>();
  pools.forEach((pool, poolIndex) => {
    for (let i = 0; i < pool.count; i++) {
      let name = nodeName(pool, i);
      for (let salt = 1; taken.has(name); salt++)
        name = nodeName(pool, i, salt);
      taken.add(name);
      const zones = pool.zones ?? [];
      const zone = zones.length ? zones[i % zones.length] : undefined;
      const labels: Record<string, string> = {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(zone
          ? {
              'topology.kubernetes.io/zone': zone,
              'topology.kubernetes.io/region': zone.replace(/-[a-z]$/, ''),
              'failure-domain.beta.kubernetes.io/zone': zone,
            }
          : {}),
        ...(pool.controlPlane
          ? { 'node-role.kubernetes.io/control-plane': '' }
          : {}),
        ...pool.labels,
      };
      const createdAt = pool.createdAt ?? timestampAt(poolIndex * 3600 + i * 7);
      const ip = internalIp(poolIndex, i);
      const object: KubeObject = {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name,
          uid: uidOf(`node:${name}`),
          resourceVersion: String(1000 + nodes.length),
          creationTimestamp: createdAt,
          labels,
          annotations: {
            'node.alpha.kubernetes.io/ttl': '0',
            'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
            ...pool.annotations,
          },
        },
        spec: {
          podCIDR: `10.${64 + poolIndex}.${i % 256}.0/24`,
          podCIDRs: [`10.${64 + poolIndex}.${i % 256}.0/24`],
          ...(pool.taints?.length ? { taints: pool.taints } : {}),
          ...providerIdOf(pool, name, zone, i),
        },
        status: {
          capacity: { ...pool.capacity },
          allocatable: { ...(pool.allocatable ?? pool.capacity) },
          conditions: [
            [
              'MemoryPressure',
              'False',
              'KubeletHasSufficientMemory',
              'kubelet has sufficient memory available',
            ],
            [
              'DiskPressure',
              'False',
              'KubeletHasNoDiskPressure',
              'kubelet has no disk pressure',
            ],
            [
              'PIDPressure',
              'False',
              'KubeletHasSufficientPID',
              'kubelet has sufficient PID available',
            ],
            [
              'Ready',
              'True',
              'KubeletReady',
              'kubelet is posting ready status',
            ],
          ].map(([type, status, reason, message]) => ({
            type,
            status,
            reason,
            message,
            lastHeartbeatTime: timestampAt(20 * 86400),
            lastTransitionTime: createdAt,
          })),
          addresses: [
            { type: 'InternalIP', address: ip },
            { type: 'Hostname', address: name },
          ],
          daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
          nodeInfo: {
            architecture: 'amd64',
            bootID: uidOf(`boot:${name}`),
            containerRuntimeVersion: 'containerd://2.0.4',
            kernelVersion: '6.6.97+',
            kubeProxyVersion: kubeletVersion,
            kubeletVersion,
            machineID: hexOf(`machine:${name}`, 32),
            operatingSystem: 'linux',
            osImage: 'Container-Optimized OS from Google',
            systemUUID: uidOf(`system:${name}`),
            ...pool.nodeInfo,
          },
        },
      };
      nodes.push({
        name,
        pool: pool.name,
        labels,
        gpuModel: pool.gpuModel,
        gpus: pool.gpuModel ? pool.gpusPerNode ?? 1 : 0,
        object,
      });
    }
  });
  return nodes;
}
