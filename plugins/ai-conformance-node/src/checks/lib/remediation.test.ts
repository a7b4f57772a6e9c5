import { remediationFor } from './remediation';

describe('remediationFor', () => {
  it.each([
    ['robust_controller', 'aks', 'ai-toolchain-operator'],
    ['ai_service_metrics', 'aks', 'enable-azure-monitor-metrics'],
    ['pod_autoscaling', 'aks', 'enable-keda'],
    ['pod_autoscaling', 'openshift', 'custom-metrics-autoscaler'],
    ['cluster_autoscaling', 'openshift', 'MachineAutoscaler'],
    ['ai_inference', 'openshift', 'openshift.io/gateway-controller/v1'],
    ['cluster_autoscaling', 'eks', 'Karpenter'],
    ['ai_service_metrics', 'eks', 'Amazon Managed Service for Prometheus'],
  ] as const)('puts the %s step of %s first', (id, platform, text) => {
    const [first] = remediationFor(id, platform);
    expect(first.platform).toBe(platform);
    expect(JSON.stringify(first)).toContain(text);
  });

  it('gives a platform without its own step the generic step before other platforms', () => {
    const steps = remediationFor('robust_controller', 'talos');
    expect(steps[0].platform).toBe('any');
  });
});
