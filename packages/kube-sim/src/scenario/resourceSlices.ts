import type { KubeObject, NodePoolSpec } from '../types';
import type { ScenarioModel } from './ScenarioModel';
import { uidOf } from './objectIds';

/** The served version of `resource.k8s.io` a scenario's ResourceSlices are written in. */
export function resourceApiVersion(model: ScenarioModel): string {
  return (
    model.builtinGroups.find(g => g.group === 'resource.k8s.io')?.versions[0] ??
    'v1'
  );
}

/** The ResourceSlice a pool's DRA driver publishes for one node: one device per GPU. */
export function resourceSliceOf(
  pool: NodePoolSpec,
  node: { name: string; gpus: number; object: KubeObject },
  version: string,
  resourceVersion?: string,
): KubeObject | undefined {
  if (!pool.resourceSlice) return undefined;
  const { driver, attributes } = pool.resourceSlice;
  const typed: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(attributes ?? {})) typed[k] = v;
  const devices = Array.from({ length: Math.max(node.gpus, 1) }, (_, i) => ({
    name: `gpu-${i}`,
    attributes: {
      ...typed,
      index: { int: i },
      uuid: { string: `GPU-${uidOf(`gpu:${node.name}:${i}`)}` },
    },
  }));
  return {
    apiVersion: `resource.k8s.io/${version}`,
    kind: 'ResourceSlice',
    metadata: {
      name: `${node.name}-${driver.replace(/\./g, '-')}-${uidOf(
        node.name,
      ).slice(0, 5)}`,
      uid: uidOf(`resourceslice:${node.name}:${driver}`),
      ...(resourceVersion ? { resourceVersion } : {}),
      creationTimestamp: node.object.metadata.creationTimestamp,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Node',
          name: node.name,
          uid: String(node.object.metadata.uid),
          controller: true,
        },
      ],
    },
    spec: {
      driver,
      nodeName: node.name,
      pool: { name: node.name, generation: 1, resourceSliceCount: 1 },
      devices:
        version === 'v1beta1'
          ? devices.map(d => ({
              name: d.name,
              basic: { attributes: d.attributes },
            }))
          : devices,
    },
  };
}

/** The ResourceSlices of a node added at run time to a pool (none when the pool publishes none). */
export function resourceSlicesFor(
  model: ScenarioModel,
  pool: NodePoolSpec,
  node: KubeObject,
): KubeObject[] {
  const gpus = pool.gpuModel ? pool.gpusPerNode ?? 1 : 0;
  const slice = resourceSliceOf(
    pool,
    { name: node.metadata.name, gpus, object: node },
    resourceApiVersion(model),
  );
  return slice ? [slice] : [];
}
