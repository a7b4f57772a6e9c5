import {
  INFERENCE_EXTENSION_CRDS,
  KUEUE_ADDON,
  NVIDIA_DRA_DRIVER_ADDON,
} from '@ai-conformance/plugin-ai-conformance-common';
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

  it('has a generic step for every requirement, for platforms without their own', () => {
    const ids = [
      'dra_support',
      'driver_runtime_management',
      'gpu_sharing',
      'virtualized_accelerator',
      'ai_inference',
      'advanced_inference_ingress',
      'high_performance_networking',
      'disaggregated_inference',
      'gang_scheduling',
      'cluster_autoscaling',
      'pod_autoscaling',
      'accelerator_metrics',
      'ai_service_metrics',
      'secure_accelerator_access',
      'workload_sandboxing',
      'robust_controller',
    ];
    const missing = ids.filter(
      id => remediationFor(id, 'kops')[0]?.platform !== 'any',
    );
    expect(missing).toEqual([]);
  });

  it('installs the Kueue release the cluster template installs', () => {
    const commands = remediationFor('gang_scheduling', 'gke').map(
      step => step.command ?? '',
    );
    expect(commands[0]).toContain(
      `/kueue/releases/download/v${KUEUE_ADDON.version}/manifests.yaml`,
    );
    expect(commands).toContain(
      `helm upgrade --install kueue oci://registry.k8s.io/kueue/charts/kueue --version=${KUEUE_ADDON.version} --namespace=kueue-system --create-namespace`,
    );
  });

  it('quotes the shared DRA driver pin and Inference Extension release', () => {
    const dra = remediationFor('dra_support', 'generic').find(
      step => step.platform === 'any',
    );
    expect(dra?.command).toContain(
      `--version=${NVIDIA_DRA_DRIVER_ADDON.version}`,
    );
    expect(dra?.command).toContain(
      `--repo=${NVIDIA_DRA_DRIVER_ADDON.repository}`,
    );
    // The GKE driver root is not for other platforms.
    expect(dra?.command).not.toContain('nvidiaDriverRoot');
    const gateway = remediationFor('advanced_inference_ingress', 'gke')[0];
    expect(gateway.command).toBe(
      `kubectl apply -f ${INFERENCE_EXTENSION_CRDS.manifestsUrl}`,
    );
  });
});
