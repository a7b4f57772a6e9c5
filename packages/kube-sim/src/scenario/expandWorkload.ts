import type { KubeObject, WorkloadSpec } from '../types';
import type { GeneratedNode } from './generateNodes';
import { hexOf, suffixOf, timestampAt, uidOf } from './objectIds';
import { buildPod, podIpFor } from './podFactory';
import type { ObjectSource } from './ObjectSource';

/** Objects (and lazily generated pods) a workload shorthand expands into. */
export interface ExpandedWorkload {
  objects: KubeObject[];
  podSources: ObjectSource[];
}

function wantsGpu(w: WorkloadSpec): boolean {
  return (
    Object.keys(w.requests ?? {}).some(k => k.endsWith('/gpu')) ||
    (w.tolerations ?? []).some(t => t.key === 'nvidia.com/gpu')
  );
}

function nodesFor(w: WorkloadSpec, nodes: GeneratedNode[]): GeneratedNode[] {
  if (w.nodeSelector) {
    return nodes.filter(n =>
      Object.entries(w.nodeSelector!).every(([k, v]) => n.labels[k] === v),
    );
  }
  const tainted = (n: GeneratedNode) =>
    ((n.object.spec as { taints?: unknown[] })?.taints ?? []).length > 0;
  if (w.kind === 'DaemonSet') {
    return (w.tolerations ?? []).length
      ? nodes
      : nodes.filter(n => !tainted(n));
  }
  const pool = wantsGpu(w)
    ? nodes.filter(n => n.gpus > 0)
    : nodes.filter(n => !tainted(n));
  return pool.length ? pool : nodes;
}

function template(w: WorkloadSpec, labels: Record<string, string>) {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: w.name,
          image: w.image,
          resources: {
            requests: { cpu: '100m', memory: '128Mi', ...w.requests },
          },
        },
      ],
      ...(w.nodeSelector ? { nodeSelector: w.nodeSelector } : {}),
      ...(w.tolerations ? { tolerations: w.tolerations } : {}),
    },
  };
}

/** Expands one Deployment/DaemonSet/StatefulSet shorthand. */
export function expandWorkload(
  w: WorkloadSpec,
  index: number,
  nodes: GeneratedNode[],
): ExpandedWorkload {
  const labels = w.labels ?? { 'app.kubernetes.io/name': w.name };
  const created = 1200 + index * 11;
  const targets = nodesFor(w, nodes);
  const desired = w.kind === 'DaemonSet' ? targets.length : w.replicas ?? 1;
  const ready = w.unavailable ? 0 : desired;
  const apiVersion = 'apps/v1';
  const metadata = {
    name: w.name,
    namespace: w.namespace,
    uid: uidOf(`${w.kind}:${w.namespace}/${w.name}`),
    resourceVersion: String(2000 + index),
    generation: 1,
    creationTimestamp: timestampAt(created),
    labels,
    annotations: (w.kind === 'Deployment'
      ? { 'deployment.kubernetes.io/revision': '1' }
      : {}) as Record<string, string>,
  };
  const spec: Record<string, unknown> = {
    selector: { matchLabels: labels },
    template: template(w, labels),
  };
  let status: Record<string, unknown>;
  let owner: { kind: string; name: string; apiVersion: string } = {
    kind: w.kind,
    name: w.name,
    apiVersion,
  };
  const objects: KubeObject[] = [];
  if (w.kind === 'Deployment') {
    spec.replicas = desired;
    spec.strategy = {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    };
    const rsName = `${w.name}-${suffixOf(`rs:${w.namespace}/${w.name}`, 10)}`;
    owner = { kind: 'ReplicaSet', name: rsName, apiVersion };
    status = {
      observedGeneration: 1,
      replicas: desired,
      updatedReplicas: desired,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < desired ? { unavailableReplicas: desired - ready } : {}),
      conditions: [
        {
          type: 'Available',
          status: ready >= desired ? 'True' : 'False',
          reason:
            ready >= desired
              ? 'MinimumReplicasAvailable'
              : 'MinimumReplicasUnavailable',
          message:
            ready >= desired
              ? 'Deployment has minimum availability.'
              : 'Deployment does not have minimum availability.',
          lastUpdateTime: timestampAt(created + 30),
          lastTransitionTime: timestampAt(created + 30),
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${rsName}" has successfully progressed.`,
          lastUpdateTime: timestampAt(created + 30),
          lastTransitionTime: timestampAt(created),
        },
      ],
    };
    objects.push({
      apiVersion,
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: w.namespace,
        uid: uidOf(`ReplicaSet:${w.namespace}/${rsName}`),
        resourceVersion: String(2500 + index),
        creationTimestamp: timestampAt(created),
        labels: {
          ...labels,
          'pod-template-hash': rsName.slice(w.name.length + 1),
        },
        ownerReferences: [
          {
            apiVersion,
            kind: 'Deployment',
            name: w.name,
            uid: metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: desired,
        selector: spec.selector,
        template: spec.template,
      },
      status: {
        replicas: desired,
        readyReplicas: ready,
        availableReplicas: ready,
        fullyLabeledReplicas: desired,
        observedGeneration: 1,
      },
    });
  } else if (w.kind === 'StatefulSet') {
    spec.replicas = desired;
    spec.serviceName = w.name;
    status = {
      observedGeneration: 1,
      replicas: desired,
      readyReplicas: ready,
      availableReplicas: ready,
      currentReplicas: desired,
      updatedReplicas: desired,
    };
  } else {
    spec.updateStrategy = {
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    };
    status = {
      observedGeneration: 1,
      currentNumberScheduled: desired,
      desiredNumberScheduled: desired,
      numberAvailable: ready,
      numberReady: ready,
      numberMisscheduled: 0,
      updatedNumberScheduled: desired,
      ...(ready < desired ? { numberUnavailable: desired - ready } : {}),
    };
  }
  objects.unshift({ apiVersion, kind: w.kind, metadata, spec, status });

  const hashLabel: Record<string, string> =
    w.kind === 'Deployment'
      ? { 'pod-template-hash': owner.name.slice(w.name.length + 1) }
      : { 'controller-revision-hash': hexOf(`rev:${w.name}`, 10) };
  const podName = (i: number) =>
    w.kind === 'StatefulSet'
      ? `${w.name}-${i}`
      : `${owner.name}-${suffixOf(`pod:${w.namespace}/${w.name}:${i}`, 5)}`;
  const seedBase = Number.parseInt(hexOf(w.name, 4), 16);
  const podAt = (i: number): KubeObject => {
    const node =
      w.kind === 'DaemonSet'
        ? targets[i]
        : targets[(seedBase + i) % targets.length];
    return buildPod({
      name: podName(i),
      namespace: w.namespace,
      nodeName: node?.name ?? '',
      image: w.image,
      labels: { ...labels, ...hashLabel },
      owner,
      requests: w.requests,
      tolerations: w.tolerations,
      phase: w.unavailable ? 'Pending' : 'Running',
      createdOffset: created + 20 + i,
      podIp: podIpFor(seedBase * 64 + i),
    });
  };
  return { objects, podSources: [{ size: desired, at: podAt }] };
}
