import type { KubeObject } from '../../types';
import type { StoreChange } from '../../store/ClusterStore';
import {
  resourceApiVersion,
  resourceSliceOf,
} from '../../scenario/resourceSlices';
import { ACCELERATOR_MODELS } from '../../gcp/gkeFacts';
import { ChangeDrivenController } from './ChangeDrivenController';

/** The DRA driver name the NVIDIA DRA driver for GPUs publishes its devices under. */
export const NVIDIA_GPU_DRIVER = 'gpu.nvidia.com';

/** A pod of the NVIDIA DRA driver's kubelet plugin (Helm chart `nvidia-dra-driver-gpu`). */
function isKubeletPlugin(pod: KubeObject): boolean {
  const owners =
    (pod.metadata.ownerReferences as
      | Array<{ kind: string; name: string }>
      | undefined) ?? [];
  const images = (
    (pod.spec as { containers?: Array<{ image?: string }> })?.containers ?? []
  ).map(c => c.image ?? '');
  return (
    owners.some(
      o =>
        o.kind === 'DaemonSet' &&
        /dra-driver/.test(o.name) &&
        /kubelet-plugin/.test(o.name),
    ) || images.some(i => i.includes('k8s-dra-driver-gpu'))
  );
}

function gpusOf(node: KubeObject): { count: number; model: string } {
  const labels = node.metadata.labels ?? {};
  const count = Number(
    labels['cloud.google.com/gke-accelerator-count'] ??
      labels['nvidia.com/gpu.count'] ??
      0,
  );
  const type = labels['cloud.google.com/gke-accelerator'] ?? '';
  return {
    count: Number.isFinite(count) ? count : 0,
    model: ACCELERATOR_MODELS[type] ?? labels['nvidia.com/gpu.product'] ?? type,
  };
}

/**
 * What the NVIDIA DRA driver does on each node its kubelet plugin runs on: publish one
 * ResourceSlice (driver `gpu.nvidia.com`) with a device per GPU of the node; the slice goes when
 * the plugin's pod goes. Nodes whose GPUs are already published keep their slice.
 */
export class NvidiaDraDriverController extends ChangeDrivenController {
  readonly name = 'nvidia-dra-driver';

  protected changed(change: StoreChange) {
    if (change.group !== '' || change.resource !== 'pods') return;
    const pod = change.object;
    if (!isKubeletPlugin(pod)) return;
    const nodeName = (pod.spec as { nodeName?: string })?.nodeName;
    if (!nodeName) return;
    const running =
      change.verb !== 'delete' &&
      (pod.status as { phase?: string })?.phase === 'Running';
    this.later(0, () => {
      if (running) this.publish(nodeName);
      else if (change.verb === 'delete') this.withdraw(nodeName);
    });
  }

  private slicesOf(nodeName: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const [, s] of this.cluster.store.iterate(
      'resource.k8s.io',
      'resourceslices',
    )) {
      const spec = s.spec as { driver?: string; nodeName?: string };
      if (spec?.driver === NVIDIA_GPU_DRIVER && spec.nodeName === nodeName)
        out.push(s);
    }
    return out;
  }

  private publish(nodeName: string) {
    const store = this.cluster.store;
    const node = store.get('', 'nodes', undefined, nodeName);
    if (!node || this.slicesOf(nodeName).length) return;
    const { count, model } = gpusOf(node);
    if (count < 1) return;
    const slice = resourceSliceOf(
      {
        name: String(node.metadata.labels?.['cloud.google.com/gke-nodepool']),
        count: 1,
        capacity: {},
        resourceSlice: {
          driver: NVIDIA_GPU_DRIVER,
          attributes: {
            productName: { string: model },
            type: { string: 'gpu' },
          },
        },
      },
      { name: nodeName, gpus: count, object: node },
      resourceApiVersion(this.cluster.model),
    );
    if (!slice) return;
    delete slice.metadata.resourceVersion;
    store.create('resource.k8s.io', 'resourceslices', slice);
  }

  private withdraw(nodeName: string) {
    for (const s of this.slicesOf(nodeName))
      this.cluster.store.delete(
        'resource.k8s.io',
        'resourceslices',
        undefined,
        s.metadata.name,
      );
  }
}
