import { clusterAutoscalingCheck } from './cluster_autoscaling';
import { failedRead, run } from './lib/testing/snapshotFixture';
import { configMap, custom, deployment } from './lib/testing/objectFactories';

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
});
