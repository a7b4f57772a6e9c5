import type { Scenario } from '@ai-conformance/kube-sim';

const node = (name: string, gpus = 0) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: { 'kubernetes.io/hostname': name },
    managedFields: [{ manager: 'x' }],
  },
  status: {
    capacity: gpus ? { 'nvidia.com/gpu': String(gpus) } : {},
    allocatable: {},
  },
});

/**
 * A small cluster for collector tests: two nodes, a ConfigMap, 1203 Deployments (three pages of
 * 500), a served GatewayClass CRD, a custom-metrics API whose APIService is down (discovery and
 * lists answer 503) and a `things.rbac.example.com` CRD the token may not read (403).
 */
export const COLLECTOR_SCENARIO: Scenario = {
  name: 'collector',
  version: { gitVersion: 'v1.34.1', platform: 'linux/amd64' },
  rbac: {
    rules: [
      {
        apiGroups: [
          '',
          'apps',
          'gateway.networking.k8s.io',
          'custom.metrics.k8s.io',
          'apiextensions.k8s.io',
          'apiregistration.k8s.io',
          'authorization.k8s.io',
        ],
        resources: ['*'],
        verbs: ['*'],
      },
      { nonResourceURLs: ['*'], verbs: ['get'] },
    ],
  },
  crds: [
    {
      group: 'gateway.networking.k8s.io',
      kind: 'GatewayClass',
      plural: 'gatewayclasses',
      scope: 'Cluster',
      versions: ['v1'],
    },
    {
      group: 'rbac.example.com',
      kind: 'Thing',
      plural: 'things',
      scope: 'Cluster',
      versions: ['v1'],
    },
  ],
  aggregatedApis: [
    {
      group: 'custom.metrics.k8s.io',
      versions: [
        {
          version: 'v1beta1',
          resources: [
            {
              name: 'pods',
              kind: 'MetricValueList',
              namespaced: true,
              verbs: ['get'],
            },
          ],
        },
      ],
    },
  ],
  objects: [
    node('a', 1),
    node('b'),
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-autoscaler-status', namespace: 'kube-system' },
      data: { status: 'ok' },
    },
    {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: 'v1beta1.custom.metrics.k8s.io' },
      spec: {
        group: 'custom.metrics.k8s.io',
        version: 'v1beta1',
        groupPriorityMinimum: 100,
        versionPriority: 100,
        service: {
          name: 'custom-metrics-adapter',
          namespace: 'custom-metrics',
        },
      },
      status: {
        conditions: [
          {
            type: 'Available',
            status: 'False',
            reason: 'FailedDiscoveryCheck',
            message: 'failing or missing response',
          },
        ],
      },
    },
    ...Array.from({ length: 1203 }, (_, i) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: `d${i}`,
        namespace: 'ns',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
        },
      },
      spec: { replicas: 1 },
    })),
  ],
};
