import { aiServiceMetricsCheck } from './ai_service_metrics';
import { failedRead, run } from './lib/testing/snapshotFixture';
import { deployment } from './lib/testing/objectFactories';

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
});
