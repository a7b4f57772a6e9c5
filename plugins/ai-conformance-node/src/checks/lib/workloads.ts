/** Finds the controllers of known solutions among Deployments and DaemonSets. */
import type { KubeObject } from '../../snapshot/types';
import { daemonSetReady, deploymentAvailable } from './objects';

/** Workloads whose name (or app.kubernetes.io/name label) matches. */
export function matchWorkloads(
  items: KubeObject[],
  name: RegExp,
  namespace?: RegExp,
): KubeObject[] {
  return items.filter(o => {
    if (namespace && !namespace.test(o.metadata.namespace ?? '')) return false;
    const labels = o.metadata.labels ?? {};
    return (
      name.test(o.metadata.name) ||
      name.test(labels['app.kubernetes.io/name'] ?? '') ||
      name.test(labels['app.kubernetes.io/component'] ?? '')
    );
  });
}

/** The healthiest match first: available ones before unavailable ones. */
export function bestDeployment(items: KubeObject[]): KubeObject | undefined {
  return items.find(deploymentAvailable) ?? items[0];
}

export function bestDaemonSet(items: KubeObject[]): KubeObject | undefined {
  return items.find(daemonSetReady) ?? items[0];
}

const ACCELERATOR_KEY =
  /gpu|accelerator|neuron|tpu|habana|gaudi|amd\.com|nvidia\.com/i;

/**
 * Does a workload's pod template aim at accelerator nodes (node selector,
 * required node affinity or a toleration naming an accelerator key)?
 */
export function targetsAcceleratorNodes(w: KubeObject): boolean {
  const pod = w.spec?.template?.spec ?? {};
  const selectorKeys = Object.keys(pod.nodeSelector ?? {});
  const affinityKeys: string[] = (
    pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? []
  ).flatMap((t: any) =>
    (t?.matchExpressions ?? []).map((e: any) => String(e?.key ?? '')),
  );
  const tolerationKeys: string[] = (pod.tolerations ?? []).map((t: any) =>
    String(t?.key ?? ''),
  );
  return [...selectorKeys, ...affinityKeys, ...tolerationKeys].some(k =>
    ACCELERATOR_KEY.test(k),
  );
}

/** Container images of a workload's pod template. */
export function workloadImages(w: KubeObject): string[] {
  const pod = w.spec?.template?.spec ?? {};
  return [...(pod.containers ?? []), ...(pod.initContainers ?? [])].map(
    (c: any) => String(c?.image ?? ''),
  );
}
