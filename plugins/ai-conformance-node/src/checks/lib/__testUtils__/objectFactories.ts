/** Factories for the Kubernetes objects the checks' tests need. */
import type { KubeObject } from '../../../snapshot/types';

function conditionStatus(status: boolean | string): string {
  if (typeof status === 'string') return status;
  return status ? 'True' : 'False';
}

function cond(
  type: string,
  status: boolean | string,
  reason?: string,
  message?: string,
) {
  return {
    type,
    status: conditionStatus(status),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

export function node(
  name: string,
  opts: {
    labels?: Record<string, string>;
    allocatable?: Record<string, string>;
    taints?: Array<{ key: string; value?: string; effect: string }>;
    containerRuntimeVersion?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: opts.labels ?? {} },
    spec: { taints: opts.taints ?? [] },
    status: {
      allocatable: { cpu: '8', memory: '32Gi', ...(opts.allocatable ?? {}) },
      capacity: { cpu: '8', memory: '32Gi', ...(opts.allocatable ?? {}) },
      nodeInfo: {
        containerRuntimeVersion:
          opts.containerRuntimeVersion ?? 'containerd://1.7.24',
        kubeletVersion: 'v1.34.1',
      },
    },
  };
}

export function gpuNode(
  name: string,
  labels: Record<string, string> = {},
): KubeObject {
  return node(name, {
    labels: {
      'cloud.google.com/gke-accelerator': 'nvidia-l4',
      'cloud.google.com/gke-gpu-driver-version': 'latest',
      ...labels,
    },
    allocatable: { 'nvidia.com/gpu': '1' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
  });
}

export function deployment(
  namespace: string,
  name: string,
  opts: {
    available?: boolean;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    replicas?: number;
    /** Labels of its pod template (what a Service selector matches). */
    podLabels?: Record<string, string>;
  } = {},
): KubeObject {
  const replicas = opts.replicas ?? 1;
  // Scaled to 0, a Deployment keeps Available=True with no replica available.
  const available = opts.available ?? true;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace,
      labels: opts.labels ?? {},
      ...(opts.annotations ? { annotations: opts.annotations } : {}),
    },
    spec: {
      replicas,
      template: { metadata: { labels: opts.podLabels ?? { app: name } } },
    },
    status: {
      replicas,
      availableReplicas: available ? replicas : 0,
      conditions: [
        cond(
          'Available',
          available,
          available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        ),
      ],
    },
  };
}

export function daemonSet(
  namespace: string,
  name: string,
  opts: {
    desired?: number;
    ready?: number;
    labels?: Record<string, string>;
  } = {},
): KubeObject {
  const desired = opts.desired ?? 1;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels: opts.labels ?? {} },
    spec: {},
    status: {
      desiredNumberScheduled: desired,
      numberReady: opts.ready ?? desired,
    },
  };
}

export function crd(
  group: string,
  plural: string,
  opts: {
    established?: boolean;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    kind?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${plural}.${group}`,
      annotations: opts.annotations ?? {},
      ...(opts.labels ? { labels: opts.labels } : {}),
    },
    spec: { group, names: { plural, kind: opts.kind ?? plural } },
    status: { conditions: [cond('Established', opts.established ?? true)] },
  };
}

export function gatewayClass(
  name: string,
  accepted: boolean | string = true,
  controllerName = 'example.com/gateway',
): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name },
    spec: { controllerName },
    status: {
      conditions: [
        cond(
          'Accepted',
          accepted,
          accepted === true ? 'Accepted' : 'InvalidParameters',
        ),
      ],
    },
  };
}

export function apiService(
  name: string,
  available: boolean,
  reason?: string,
  message?: string,
): KubeObject {
  const [version, ...rest] = name.split('.');
  return {
    apiVersion: 'apiregistration.k8s.io/v1',
    kind: 'APIService',
    metadata: { name },
    spec: {
      group: rest.join('.'),
      version,
      service: { namespace: 'custom-metrics', name: 'custom-metrics-adapter' },
    },
    status: {
      conditions: [
        cond(
          'Available',
          available,
          reason ?? (available ? 'Passed' : 'FailedDiscoveryCheck'),
          message,
        ),
      ],
    },
  };
}

export function runtimeClass(name: string, handler = name): KubeObject {
  return {
    apiVersion: 'node.k8s.io/v1',
    kind: 'RuntimeClass',
    metadata: { name },
    handler,
  };
}

export function configMap(
  namespace: string,
  name: string,
  data: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data,
  };
}

export function webhookConfig(
  name: string,
  groups: string[],
  opts: {
    mutating?: boolean;
    service?: { namespace: string; name: string };
  } = {},
): KubeObject {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: opts.mutating
      ? 'MutatingWebhookConfiguration'
      : 'ValidatingWebhookConfiguration',
    metadata: { name },
    webhooks: [
      {
        name: `validate.${groups[0] ?? 'example.com'}`,
        rules: [
          {
            apiGroups: groups,
            apiVersions: ['*'],
            resources: ['*'],
            operations: ['CREATE', 'UPDATE'],
          },
        ],
        clientConfig: {
          service: opts.service ?? { namespace: 'operators', name },
        },
      },
    ],
  };
}

export function service(
  namespace: string,
  name: string,
  selector: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector, ports: [{ port: 443, targetPort: 9443 }] },
  };
}

export function resourceSlice(
  name: string,
  driver: string,
  nodeName?: string,
  devices: unknown[] = [],
): KubeObject {
  return {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name },
    spec: {
      driver,
      nodeName,
      pool: { name: nodeName ?? name, generation: 1, resourceSliceCount: 1 },
      devices,
    },
  };
}

export function custom(
  apiVersion: string,
  kind: string,
  name: string,
  rest: Partial<KubeObject> = {},
): KubeObject {
  return {
    apiVersion,
    kind,
    metadata: { name, ...(rest.metadata ?? {}) },
    ...rest,
  } as KubeObject;
}
