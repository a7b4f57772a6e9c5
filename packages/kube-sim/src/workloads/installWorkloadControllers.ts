import type { VirtualCluster } from '../server/VirtualCluster';
import type { KubeObject } from '../types';
import { ClusterAutoscaler } from './ClusterAutoscaler';
import { JobController } from './JobController';
import { HorizontalPodAutoscalerController } from './HorizontalPodAutoscalerController';
import { Kubelet, type LogAnswer } from './Kubelet';
import {
  KueueController,
  servesKueue,
  suspendQueuedJob,
} from './KueueController';
import { NamespaceController } from './NamespaceController';
import { OperatorStatusController } from './OperatorStatusController';
import { Scheduler } from './Scheduler';
import type { WorkloadSettings } from './WorkloadSettings';

/** Starts the simulated control plane and node side of one virtual cluster. */
export function installWorkloadControllers(
  cluster: VirtualCluster,
  settings: WorkloadSettings,
): void {
  cluster.addMutator((operation, group, resource, object) =>
    operation === 'CREATE' &&
    group === 'batch' &&
    resource === 'jobs' &&
    servesKueue(cluster.store)
      ? suspendQueuedJob(object)
      : object,
  );
  for (const controller of [
    new NamespaceController(settings),
    new Scheduler(settings),
    new Kubelet(settings),
    new JobController(settings),
    new KueueController(settings),
    new ClusterAutoscaler(settings),
    new OperatorStatusController(settings),
    new HorizontalPodAutoscalerController(settings, pod =>
      podMetricsOf(cluster, pod),
    ),
  ])
    cluster.addController(controller);
}

/** What `pods/log` answers for a container, from the cluster's kubelet. */
export function podLogOf(
  cluster: VirtualCluster,
  pod: KubeObject,
  container: string,
): LogAnswer {
  return (
    cluster.controller<Kubelet>('kubelet')?.log(pod, container) ?? {
      kind: 'unknown',
    }
  );
}

/**
 * The metrics a pod's running containers expose, as the cluster's metrics pipeline carries them to
 * its custom-metrics adapter: none with the switch `metrics: absent`.
 */
export function podMetricsOf(
  cluster: VirtualCluster,
  pod: KubeObject,
): Record<string, number> | undefined {
  if (cluster.workloads.metrics === 'absent') return undefined;
  return cluster.controller<Kubelet>('kubelet')?.exposedMetrics(pod);
}
