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
