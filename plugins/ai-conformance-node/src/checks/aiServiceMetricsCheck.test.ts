import { aiServiceMetricsCheck } from './aiServiceMetricsCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  crd,
  daemonSet,
  deployment,
} from './lib/__testUtils__/objectFactories';

const GMP = {
  'monitoring.googleapis.com': {
    v1: ['podmonitorings', 'clusterpodmonitorings'],
  },
};
const PROM = {
  'monitoring.coreos.com': { v1: ['servicemonitors', 'podmonitors'] },
};

describe('ai_service_metrics', () => {
  it('passes with Managed Prometheus and a running gmp-operator', () => {
    const r = run(
      aiServiceMetricsCheck,
      {
        groups: GMP,
        reads: { deployments: [deployment('gke-gmp-system', 'gmp-operator')] },
      },
      { platform: 'gke' },
    );
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('Managed Service for Prometheus');
    expect(r.evidence.find(e => e.object)?.object?.namespace).toBe(
      'gke-gmp-system',
    );
  });

  it('passes with the Prometheus Operator from kube-prometheus-stack', () => {
    const r = run(aiServiceMetricsCheck, {
      groups: PROM,
      reads: {
        deployments: [
          deployment('monitoring', 'kube-prometheus-stack-operator', {
            labels: {
              'app.kubernetes.io/name':
                'kube-prometheus-stack-prometheus-operator',
            },
          }),
        ],
      },
    });
    expect(r.status).toBe('pass');
  });

  it('fails when the operator is down, partial when it is not found', () => {
    expect(
      run(aiServiceMetricsCheck, {
        groups: PROM,
        reads: {
          deployments: [
            deployment('monitoring', 'prometheus-operator', {
              available: false,
            }),
          ],
        },
      }).status,
    ).toBe('fail');
    expect(
      run(aiServiceMetricsCheck, { groups: PROM, reads: { deployments: [] } })
        .status,
    ).toBe('partial');
  });

  it('fails when no monitoring system is installed', () => {
    expect(
      run(aiServiceMetricsCheck, { groups: {}, reads: { deployments: [] } })
        .status,
    ).toBe('fail');
  });

  it('is unknown when the operator cannot be looked up', () => {
    const r = run(aiServiceMetricsCheck, {
      groups: GMP,
      reads: {
        deployments: failedRead('forbidden', 'list apps/v1 deployments', 403),
      },
    });
    expect(r.status).toBe('unknown');
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('passes an Azure Managed Prometheus stack (azmonitoring.coreos.com, ama-metrics)', () => {
    // AKS v1.34 submission (cncf/k8s-ai-conformance v1.34/aks/PRODUCT.yaml)
    // cites Azure Managed Prometheus with azmonitoring.coreos.com PodMonitor
    // and ServiceMonitor CRDs.
    const r = run(aiServiceMetricsCheck, {
      groups: {
        'azmonitoring.coreos.com': { v1: ['podmonitors', 'servicemonitors'] },
      },
      reads: {
        crds: [
          crd('azmonitoring.coreos.com', 'podmonitors', { kind: 'PodMonitor' }),
          crd('azmonitoring.coreos.com', 'servicemonitors', {
            kind: 'ServiceMonitor',
          }),
        ],
        deployments: [deployment('kube-system', 'ama-metrics')],
        daemonsets: [daemonSet('kube-system', 'ama-metrics-node')],
      },
    });
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('Azure Monitor managed service for Prometheus');
    expect(
      r.evidence.some(
        e =>
          e.object?.kind === 'DaemonSet' &&
          e.object.name === 'ama-metrics-node',
      ),
    ).toBe(true);
  });

  it('fails when the Azure Managed Prometheus collector is down, though its node DaemonSet runs', () => {
    const r = run(aiServiceMetricsCheck, {
      groups: {
        'azmonitoring.coreos.com': { v1: ['podmonitors', 'servicemonitors'] },
      },
      reads: {
        deployments: [
          deployment('kube-system', 'ama-metrics', { available: false }),
        ],
        daemonsets: [daemonSet('kube-system', 'ama-metrics-node')],
      },
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toContain(
      'Deployment kube-system/ama-metrics is not available',
    );
  });

  describe('by shape', () => {
    const GROUP = 'telemetry.acme.example';
    const groups = { [GROUP]: { v1: ['servicemonitors'] } };
    const helm = {
      'meta.helm.sh/release-name': 'acme-telemetry',
      'meta.helm.sh/release-namespace': 'telemetry',
    };
    const crds = [
      crd(GROUP, 'servicemonitors', {
        kind: 'ServiceMonitor',
        annotations: helm,
      }),
    ];

    it('passes an unknown group with ServiceMonitor kinds and a collector in its Helm release', () => {
      const r = run(aiServiceMetricsCheck, {
        groups,
        reads: {
          crds,
          deployments: [],
          daemonsets: [daemonSet('telemetry', 'scraper', { desired: 3 })].map(
            d => ({ ...d, metadata: { ...d.metadata, annotations: helm } }),
          ),
        },
      });
      expect(r.status).toBe('pass');
      expect(r.summary).toContain('recognised by shape');
      expect(r.summary).toContain('DaemonSet telemetry/scraper');
    });

    it('is partial when the collector is not seen and fails when it is down', () => {
      expect(
        run(aiServiceMetricsCheck, {
          groups,
          reads: { crds, deployments: [], daemonsets: [] },
        }).status,
      ).toBe('partial');
      const down = run(aiServiceMetricsCheck, {
        groups,
        reads: {
          crds,
          deployments: [],
          daemonsets: [daemonSet('telemetry', 'scraper', { ready: 0 })].map(
            d => ({ ...d, metadata: { ...d.metadata, annotations: helm } }),
          ),
        },
      });
      expect(down.status).toBe('fail');
      expect(down.summary).toContain('DaemonSet telemetry/scraper');
    });

    it('ignores a group without monitoring kinds', () => {
      const r = run(aiServiceMetricsCheck, {
        groups: { 'widgets.acme.example': { v1: ['widgets'] } },
        reads: {
          crds: [crd('widgets.acme.example', 'widgets')],
          deployments: [],
        },
      });
      expect(r.status).toBe('fail');
    });
  });

  it('checks a declared collector and fails it when it is down', () => {
    const solutions = [
      {
        name: 'Corp Metrics Agent',
        capability: 'service-metrics' as const,
        controller: {
          namespace: 'observability',
          name: 'corp-agent',
          kind: 'DaemonSet' as const,
        },
      },
    ];
    const up = run(
      aiServiceMetricsCheck,
      {
        groups: {},
        reads: {
          deployments: [],
          daemonsets: [daemonSet('observability', 'corp-agent')],
        },
      },
      { solutions },
    );
    expect(up.status).toBe('pass');
    expect(up.summary).toContain('Corp Metrics Agent, declared');
    const down = run(
      aiServiceMetricsCheck,
      {
        groups: {},
        reads: {
          deployments: [],
          daemonsets: [daemonSet('observability', 'corp-agent', { ready: 0 })],
        },
      },
      { solutions },
    );
    expect(down.status).toBe('fail');
    expect(down.evidence.some(e => e.fields?.recognition === 'declared')).toBe(
      true,
    );
    // DaemonSets unreadable: a missing declared DaemonSet proves nothing.
    const unread = run(
      aiServiceMetricsCheck,
      {
        groups: {},
        reads: {
          deployments: [],
          daemonsets: failedRead('forbidden', 'list apps/v1 daemonsets', 403),
        },
      },
      { solutions },
    );
    expect(unread.status).toBe('unknown');
    expect(unread.errors[0].hint).toBe('needs list on daemonsets.apps');
  });
});
