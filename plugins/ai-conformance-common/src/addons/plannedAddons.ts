/**
 * Helm add-ons the GKE cluster template installs: chart, repository, pinned
 * version, namespace and values. The scaffolder's Terraform and gcloud
 * renderers iterate these, the template offers the Kueue version as its
 * default, and remediation quotes the same versions.
 *
 * @public
 */
export interface PlannedAddon {
  /** Stable id, also the Terraform `helm_release` resource name. */
  id: 'kueue' | 'kubeflow_trainer' | 'nvidia_dra_driver';
  /** Chart name, also the Helm release name. */
  chart: string;
  /** Chart repository: an `oci://` prefix or a classic Helm repository URL. */
  repository: string;
  /** Pinned chart version (no leading `v`). */
  version: string;
  namespace: string;
  /** Chart values set on install (`--set name=value`). */
  values?: Readonly<Record<string, string>>;
  /**
   * The release's plain-manifest file for server-side apply, with
   * `{version}` standing for the version without a leading `v`; absent when
   * the project publishes only a chart or kustomizations.
   */
  manifestsUrl?: string;
}

/**
 * Kueue (gang scheduling and batch queueing).
 *
 * @public
 */
export const KUEUE_ADDON: PlannedAddon = {
  id: 'kueue',
  chart: 'kueue',
  repository: 'oci://registry.k8s.io/kueue/charts',
  version: '0.14.4',
  namespace: 'kueue-system',
  manifestsUrl:
    'https://github.com/kubernetes-sigs/kueue/releases/download/v{version}/manifests.yaml',
};

/**
 * Kubeflow Trainer (the AI operator when the Ray add-on is not chosen).
 *
 * @public
 */
export const KUBEFLOW_TRAINER_ADDON: PlannedAddon = {
  id: 'kubeflow_trainer',
  chart: 'kubeflow-trainer',
  repository: 'oci://ghcr.io/kubeflow/charts',
  version: '2.0.0',
  namespace: 'kubeflow-system',
};

/**
 * The NVIDIA DRA driver for GPU pools without GKE-managed drivers, as GKE's
 * 1.37 AI Conformance reproducer installs it (`v1.37/gke/README.md` in
 * cncf/k8s-ai-conformance): the COS driver root, GPUs on, ComputeDomains
 * off, the kubelet plugin tolerating the GPU nodes' `nvidia.com/gpu` taint.
 *
 * @public
 */
export const NVIDIA_DRA_DRIVER_ADDON: PlannedAddon = {
  id: 'nvidia_dra_driver',
  chart: 'nvidia-dra-driver-gpu',
  repository: 'https://helm.ngc.nvidia.com/nvidia',
  version: '25.8.1',
  namespace: 'nvidia-dra-driver-gpu',
  values: {
    nvidiaDriverRoot: '/home/kubernetes/bin/nvidia',
    gpuResourcesEnabledOverride: 'true',
    'resources.gpus.enabled': 'true',
    'resources.computeDomains.enabled': 'false',
    'kubeletPlugin.tolerations[0].key': 'nvidia.com/gpu',
    'kubeletPlugin.tolerations[0].operator': 'Exists',
    'kubeletPlugin.tolerations[0].effect': 'NoSchedule',
  },
};

/**
 * The Gateway API Inference Extension CRDs (InferencePool and friends) that
 * GKE Inference Gateway routes to, applied with `kubectl apply -f`.
 *
 * @public
 */
export const INFERENCE_EXTENSION_CRDS = {
  version: 'v1.0.0',
  manifestsUrl:
    'https://github.com/kubernetes-sigs/gateway-api-inference-extension/releases/download/v1.0.0/manifests.yaml',
} as const;

/**
 * Every planned add-on, in install order.
 *
 * @public
 */
export const PLANNED_ADDONS: readonly PlannedAddon[] = [
  KUEUE_ADDON,
  KUBEFLOW_TRAINER_ADDON,
  NVIDIA_DRA_DRIVER_ADDON,
];

/**
 * The `helm upgrade --install` words for an add-on at a version: an OCI
 * chart by reference, a classic repository with `--repo`. `quote` quotes
 * flag values for the shell the words are pasted into.
 *
 * @public
 */
export function helmInstallWords(
  addon: PlannedAddon,
  options: { version?: string; quote?: (word: string) => string } = {},
): string[] {
  const quote = options.quote ?? ((word: string) => word);
  const version = (options.version ?? addon.version).replace(/^v/, '');
  const oci = addon.repository.startsWith('oci://');
  return [
    oci
      ? `helm upgrade --install ${addon.chart} ${addon.repository}/${addon.chart}`
      : `helm upgrade --install ${addon.chart} ${addon.chart}`,
    ...(oci ? [] : [`--repo=${quote(addon.repository)}`]),
    `--version=${quote(version)}`,
    `--namespace=${quote(addon.namespace)}`,
    '--create-namespace',
    ...Object.entries(addon.values ?? {}).map(
      ([name, value]) => `--set=${quote(`${name}=${value}`)}`,
    ),
  ];
}
