import { podAutoscalingCheck } from './podAutoscalingCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { apiService } from './lib/__testUtils__/objectFactories';

const HPA = { autoscaling: { v2: ['horizontalpodautoscalers'] } };

describe('pod_autoscaling', () => {
  it('passes with an Available custom metrics APIService', () => {
    const r = run(podAutoscalingCheck, {
      groups: HPA,
      reads: {
        apiservices: [
          apiService('v1beta1.custom.metrics.k8s.io', true),
          apiService('v1.apps', true),
        ],
      },
    });
    expect(r.status).toBe('pass');
    expect(
      r.evidence.find(e => e.object?.kind === 'APIService')?.object?.name,
    ).toBe('v1beta1.custom.metrics.k8s.io');
  });

  it('fails citing the APIService and its reason when the adapter is down', () => {
    const r = run(podAutoscalingCheck, {
      groups: HPA,
      reads: {
        apiservices: [
          apiService(
            'v1beta1.custom.metrics.k8s.io',
            false,
            'FailedDiscoveryCheck',
            'failing or missing response',
          ),
        ],
      },
      discoveryFailures: [
        {
          groupVersion: 'custom.metrics.k8s.io/v1beta1',
          outcome: 'unavailable',
          httpStatus: 503,
          message: '503',
        },
      ],
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('v1beta1.custom.metrics.k8s.io');
    expect(r.summary).toContain('FailedDiscoveryCheck');
    expect(
      r.evidence.find(e => e.object)?.fields?.['status.conditions[Available]'],
    ).toBe('False');
  });

  it('fails when no metrics API is registered', () => {
    const r = run(podAutoscalingCheck, {
      groups: HPA,
      reads: { apiservices: [apiService('v1.apps', true)] },
    });
    expect(r.status).toBe('fail');
  });

  it('is not applicable, with the validator caveat, when autoscaling/v2 is not served', () => {
    const r = run(podAutoscalingCheck, {
      groups: { autoscaling: { v1: ['horizontalpodautoscalers'] } },
    });
    expect(r.status).toBe('not-applicable');
    expect(r.notes?.join(' ')).toContain('#145');
  });

  it('is unknown when APIServices cannot be listed', () => {
    const r = run(podAutoscalingCheck, {
      groups: HPA,
      reads: { apiservices: failedRead('timeout', 'list apiservices') },
    });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].outcome).toBe('timeout');
  });
});
