import { clusterAutoscalingCheck } from './clusterAutoscalingCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  configMap,
  custom,
  deployment,
} from './lib/__testUtils__/objectFactories';

const KEY = 'configmap:kube-system/cluster-autoscaler-status';
const yamlStatus = `time: 2026-01-01
autoscalerStatus: Running
clusterWide:
  health:
    status: Healthy
nodeGroups:
- name: https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/instanceGroups/gke-l4-pool
  health:
    status: Healthy
`;
const textStatus =
  'Cluster-autoscaler status at 2026-01-01:\nCluster-wide:\n  Health:      Unhealthy (ready=1 unready=2)\n';
const notFound = failedRead(
  'notFound',
  'get configmaps kube-system/cluster-autoscaler-status',
  404,
);
const gpuPool = custom('karpenter.sh/v1', 'NodePool', 'gpu', {
  spec: {
    template: {
      spec: {
        requirements: [
          {
            key: 'karpenter.k8s.aws/instance-gpu-count',
            operator: 'Gt',
            values: ['0'],
          },
        ],
      },
    },
  },
});
const cpuPool = custom('karpenter.sh/v1', 'NodePool', 'default', {
  spec: {
    template: {
      spec: {
        requirements: [
          {
            key: 'karpenter.k8s.aws/instance-category',
            operator: 'In',
            values: ['c', 'm'],
          },
        ],
      },
    },
  },
});

describe('cluster_autoscaling', () => {
  it('passes when the autoscaler status reports Healthy (YAML form)', () => {
    const r = run(
      clusterAutoscalingCheck,
      {
        reads: {
          [KEY]: [
            configMap('kube-system', 'cluster-autoscaler-status', {
              status: yamlStatus,
            }),
          ],
        },
      },
      { platform: 'gke' },
    );
    expect(r.status).toBe('pass');
    expect(r.evidence[0].fields?.['data.status[health]']).toBe('Healthy');
    expect(r.evidence[0].fields?.nodeGroups).toBe(1);
  });

  it('fails when the autoscaler reports Unhealthy (text form)', () => {
    const r = run(clusterAutoscalingCheck, {
      reads: {
        [KEY]: [
          configMap('kube-system', 'cluster-autoscaler-status', {
            status: textStatus,
          }),
        ],
      },
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('Unhealthy');
  });

  it('passes with a Karpenter NodePool for GPU instances, partial without one', () => {
    const groups = { 'karpenter.sh': { v1: ['nodepools'] } };
    expect(
      run(
        clusterAutoscalingCheck,
        {
          groups,
          reads: { [KEY]: notFound, 'karpenter-nodepools': [cpuPool, gpuPool] },
        },
        { platform: 'eks' },
      ).status,
    ).toBe('pass');
    expect(
      run(
        clusterAutoscalingCheck,
        {
          groups,
          reads: { [KEY]: notFound, 'karpenter-nodepools': [cpuPool] },
        },
        { platform: 'eks' },
      ).status,
    ).toBe('partial');
  });

  it('fails when the Karpenter controller is not available', () => {
    const groups = { 'karpenter.sh': { v1: ['nodepools'] } };
    const r = run(
      clusterAutoscalingCheck,
      {
        groups,
        reads: {
          [KEY]: notFound,
          'karpenter-nodepools': [gpuPool],
          deployments: [
            deployment('karpenter', 'karpenter', { available: false }),
          ],
        },
      },
      { platform: 'eks' },
    );
    expect(r.status).toBe('fail');
    expect(r.evidence[0].object).toMatchObject({
      kind: 'Deployment',
      name: 'karpenter',
    });
  });

  it('is unknown on a generic cluster when deployments cannot be listed', () => {
    const r = run(clusterAutoscalingCheck, {
      reads: {
        [KEY]: notFound,
        deployments: failedRead('forbidden', 'list apps/v1 deployments', 403),
      },
    });
    expect(r.status).toBe('unknown');
  });

  it('fails on GKE when no autoscaler is enabled', () => {
    const r = run(
      clusterAutoscalingCheck,
      { reads: { [KEY]: notFound, deployments: [] } },
      { platform: 'gke' },
    );
    expect(r.status).toBe('fail');
    expect(r.remediation[0].command).toContain('--enable-autoprovisioning');
  });

  it('is not applicable with the validator caveat when no autoscaler exists on a generic cluster', () => {
    const r = run(clusterAutoscalingCheck, {
      reads: { [KEY]: notFound, deployments: [deployment('default', 'web')] },
    });
    expect(r.status).toBe('not-applicable');
    expect(r.notes?.some(n => n.includes('cncf/k8s-ai-conformance#145'))).toBe(
      true,
    );
  });

  it('is unknown when the status ConfigMap cannot be read', () => {
    const r = run(clusterAutoscalingCheck, {
      reads: {
        [KEY]: failedRead(
          'forbidden',
          'get configmaps kube-system/cluster-autoscaler-status',
          403,
        ),
        deployments: [],
      },
    });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe(
      'needs get on configmaps (name cluster-autoscaler-status) in namespace kube-system',
    );
  });

  it('fails when the autoscaler workload is down even if its stale status says Healthy', () => {
    const r = run(clusterAutoscalingCheck, {
      reads: {
        [KEY]: [
          configMap('kube-system', 'cluster-autoscaler-status', {
            status: yamlStatus,
          }),
        ],
        deployments: [
          deployment('kube-system', 'cluster-autoscaler', { available: false }),
        ],
      },
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('Deployment kube-system/cluster-autoscaler');
  });

  it('recognises a vendor-named autoscaler workload by its label', () => {
    const r = run(clusterAutoscalingCheck, {
      reads: {
        [KEY]: notFound,
        deployments: [
          deployment('kube-system', 'acme-node-scaler', {
            available: false,
            labels: { 'app.kubernetes.io/name': 'cluster-autoscaler' },
          }),
        ],
      },
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('acme-node-scaler');
  });

  it('passes OpenShift ClusterAutoscaler with MachineAutoscalers and cluster-autoscaler-default', () => {
    const groups = {
      'autoscaling.openshift.io': {
        v1: ['clusterautoscalers'],
        v1beta1: ['machineautoscalers'],
      },
    };
    const reads = {
      [KEY]: notFound,
      'openshift-clusterautoscalers': [
        custom('autoscaling.openshift.io/v1', 'ClusterAutoscaler', 'default', {
          spec: {
            resourceLimits: {
              gpus: [{ type: 'nvidia.com/gpu', min: 0, max: 16 }],
            },
          },
        }),
      ],
      'openshift-machineautoscalers': [
        custom(
          'autoscaling.openshift.io/v1beta1',
          'MachineAutoscaler',
          'gpu-a',
          {
            metadata: { name: 'gpu-a', namespace: 'openshift-machine-api' },
            spec: {
              minReplicas: 1,
              maxReplicas: 6,
              scaleTargetRef: { kind: 'MachineSet', name: 'gpu-a' },
            },
          },
        ),
      ],
      deployments: [
        deployment('openshift-machine-api', 'cluster-autoscaler-default'),
      ],
    };
    const r = run(clusterAutoscalingCheck, { groups, reads });
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('cluster-autoscaler-default');
    expect(
      r.evidence.some(e => e.description.includes('nvidia.com/gpu max 16')),
    ).toBe(true);
    const noMachine = run(clusterAutoscalingCheck, {
      groups,
      reads: { ...reads, 'openshift-machineautoscalers': [] },
    });
    expect(noMachine.status).toBe('partial');
  });

  it('passes GKE node auto-provisioning through a ComputeClass', () => {
    const r = run(
      clusterAutoscalingCheck,
      {
        groups: { 'cloud.google.com': { v1: ['computeclasses'] } },
        reads: {
          [KEY]: notFound,
          deployments: [],
          'gke-computeclasses': [
            custom('cloud.google.com/v1', 'ComputeClass', 'gpu-l4', {
              spec: { nodePoolAutoCreation: { enabled: true } },
            }),
          ],
        },
      },
      { platform: 'gke' },
    );
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('gpu-l4');
  });

  it('is partial for Cluster API autoscaler bounds without a visible autoscaler', () => {
    const md = custom(
      'cluster.x-k8s.io/v1beta1',
      'MachineDeployment',
      'gpu-md',
      {
        metadata: {
          name: 'gpu-md',
          namespace: 'default',
          annotations: {
            'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size': '0',
            'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size': '4',
          },
        },
      },
    );
    const r = run(clusterAutoscalingCheck, {
      groups: { 'cluster.x-k8s.io': { v1beta1: ['machinedeployments'] } },
      reads: {
        [KEY]: notFound,
        deployments: [],
        'capi-machinedeployments': [md],
      },
    });
    expect(r.status).toBe('partial');
    expect(r.evidence.some(e => e.object?.name === 'gpu-md')).toBe(true);
  });

  it('checks a declared autoscaler and fails it when it is down', () => {
    const solutions = [
      {
        name: 'Corp Node Scaler',
        capability: 'cluster-autoscaling' as const,
        controller: {
          namespace: 'corp',
          name: 'node-scaler',
          kind: 'Deployment' as const,
        },
      },
    ];
    const up = run(
      clusterAutoscalingCheck,
      {
        reads: {
          [KEY]: notFound,
          deployments: [deployment('corp', 'node-scaler')],
        },
      },
      { solutions },
    );
    expect(up.status).toBe('pass');
    expect(up.summary).toContain('Corp Node Scaler, declared');
    const down = run(
      clusterAutoscalingCheck,
      {
        reads: {
          [KEY]: notFound,
          deployments: [deployment('corp', 'node-scaler', { replicas: 0 })],
        },
      },
      { solutions },
    );
    expect(down.status).toBe('fail');
  });
});
