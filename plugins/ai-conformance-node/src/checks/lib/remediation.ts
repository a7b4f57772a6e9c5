/**
 * Remediation steps and documentation links per requirement. GKE first
 * (gcloud and Terraform), then EKS/AKS where known, then generic steps.
 * `remediationFor` puts the cluster's own platform first.
 */
import {
  INFERENCE_EXTENSION_CRDS,
  KUEUE_ADDON,
  NVIDIA_DRA_DRIVER_ADDON,
  gkeClusterAutoscalingBlock,
  gkeGatewayApiBlock,
  gkeGuestAcceleratorBlock,
  gkeMonitoringBlock,
  gkeRayOperatorBlock,
  hclBlockText,
  helmInstallWords,
  type Link,
  type Platform,
  type Remediation,
} from '@ai-conformance/plugin-ai-conformance-common';

/** The Kueue release the GKE cluster template installs. */
const KUEUE_VERSION = `v${KUEUE_ADDON.version}`;

const STEPS: Record<string, Remediation[]> = {
  dra_support: [
    {
      platform: 'gke',
      description:
        'Use GKE 1.34 or later, where the DRA v1 APIs are served by default; for DRA-managed GPUs add a node pool with gpu-driver-version=disabled and install the NVIDIA DRA driver.',
      command:
        'gcloud container node-pools create dra-pool --cluster=CLUSTER --location=REGION --machine-type=g2-standard-8 --accelerator=type=nvidia-l4,count=1,gpu-driver-version=disabled --node-labels=gke-no-default-nvidia-gpu-device-plugin=true',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/set-up-dra',
    },
    {
      platform: 'any',
      description:
        'Run Kubernetes 1.34 or later (resource.k8s.io/v1 is GA) and install a DRA driver for your accelerators, e.g. the NVIDIA DRA driver Helm chart.',
      // The pinned chart without the GKE-specific values (driver root, taint).
      command: helmInstallWords({
        ...NVIDIA_DRA_DRIVER_ADDON,
        values: {},
      }).join(' '),
      url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/',
    },
  ],
  driver_runtime_management: [
    {
      platform: 'gke',
      description:
        'Let GKE install and maintain the GPU driver (gpu-driver-version=default or latest); the version is published as node label cloud.google.com/gke-gpu-driver-version.',
      command:
        'gcloud container node-pools create gpu-pool --cluster=CLUSTER --location=REGION --accelerator=type=nvidia-l4,count=1,gpu-driver-version=latest',
      terraform: hclBlockText(
        gkeGuestAcceleratorBlock({
          type: 'nvidia-l4',
          count: 1,
          driverVersion: 'latest',
        }),
      ),
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/gpus#installing_drivers',
    },
    {
      platform: 'any',
      description:
        'Install the NVIDIA GPU Operator (with GPU Feature Discovery) so driver and CUDA versions are published as node labels, or a DRA driver that publishes driverVersion attributes.',
      command:
        'helm install gpu-operator nvidia/gpu-operator --namespace gpu-operator --create-namespace',
      url: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/',
    },
  ],
  gpu_sharing: [
    {
      platform: 'gke',
      description:
        'Create a GPU node pool with time-sharing (or MIG partitions on A100/H100).',
      command:
        'gcloud container node-pools create shared-gpu --cluster=CLUSTER --location=REGION --accelerator=type=nvidia-l4,count=1,gpu-sharing-strategy=time-sharing,max-shared-clients-per-gpu=4,gpu-driver-version=latest',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/timesharing-gpus',
    },
    {
      platform: 'any',
      description:
        'Configure the NVIDIA device plugin for time-slicing (replicas) or MIG, or use DRA with a partitionable device driver.',
      url: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/gpu-sharing.html',
    },
  ],
  virtualized_accelerator: [
    {
      platform: 'any',
      description:
        'Where the hardware supports vGPU, install the NVIDIA GPU Operator with vGPU support so vGPU devices are advertised as schedulable resources.',
      url: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/install-gpu-operator-vgpu.html',
    },
  ],
  ai_inference: [
    {
      platform: 'gke',
      description: 'Enable the Gateway API on the cluster (standard channel).',
      command:
        'gcloud container clusters update CLUSTER --gateway-api=standard --location=REGION',
      terraform: hclBlockText(gkeGatewayApiBlock()),
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/deploying-gateways',
    },
    {
      platform: 'eks',
      description:
        'Install the AWS Load Balancer Controller with Gateway API support, or another Gateway API implementation.',
      url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/gateway/',
    },
    {
      platform: 'aks',
      description:
        'Enable the Application Gateway for Containers or the Istio-based service mesh add-on with Gateway API.',
      url: 'https://learn.microsoft.com/azure/application-gateway/for-containers/overview',
    },
    {
      platform: 'openshift',
      description:
        'Create a GatewayClass with controllerName openshift.io/gateway-controller/v1; the Ingress Operator installs its Gateway API implementation.',
      url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/ingress_and_load_balancing/configuring-gateway-api',
    },
    {
      platform: 'any',
      description:
        'Install the Gateway API CRDs and a conformant implementation (Envoy Gateway, Istio, Cilium, kgateway...) and check that its GatewayClass is Accepted.',
      command:
        'kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml',
      url: 'https://gateway-api.sigs.k8s.io/implementations/',
    },
  ],
  advanced_inference_ingress: [
    {
      platform: 'gke',
      description:
        'Use GKE Inference Gateway: install the InferencePool CRDs and deploy an InferencePool behind a gke-l7-regional-external-managed Gateway.',
      command: `kubectl apply -f ${INFERENCE_EXTENSION_CRDS.manifestsUrl}`,
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/about-gke-inference-gateway',
    },
    {
      platform: 'any',
      description:
        'Install the Gateway API Inference Extension CRDs and an implementation that supports InferencePool backends.',
      url: 'https://gateway-api-inference-extension.sigs.k8s.io/',
    },
  ],
  high_performance_networking: [
    {
      platform: 'gke',
      description:
        'Enable multi-networking (GKENetworkParamSet/Network) or DRANET for additional high-performance pod interfaces.',
      command:
        'gcloud container clusters update CLUSTER --location=REGION --enable-multi-networking',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/setup-multinetwork-support-for-pods',
    },
    {
      platform: 'any',
      description:
        'Expose RDMA or secondary NICs through a DRA network driver (DRANET) or Multus NetworkAttachmentDefinitions.',
      url: 'https://github.com/google/dranet',
    },
  ],
  disaggregated_inference: [
    {
      platform: 'any',
      description:
        'Deploy a disaggregated serving stack (llm-d, NVIDIA Dynamo, vLLM/SGLang with LeaderWorkerSet) with separate prefill and decode workloads.',
      url: 'https://llm-d.ai/docs/guide',
    },
  ],
  gang_scheduling: [
    {
      platform: 'gke',
      description:
        'Install Kueue (GKE supports it as the batch queueing system).',
      command: `kubectl apply --server-side -f https://github.com/kubernetes-sigs/kueue/releases/download/${KUEUE_VERSION}/manifests.yaml`,
      url: 'https://cloud.google.com/kubernetes-engine/docs/tutorials/kueue-intro',
    },
    {
      platform: 'aks',
      description: 'Install Kueue on AKS.',
      url: 'https://learn.microsoft.com/azure/aks/kueue-overview',
    },
    {
      platform: 'openshift',
      description:
        'Install the Red Hat build of Kueue operator and create a Kueue instance.',
      url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/ai_workloads/red-hat-build-of-kueue',
    },
    {
      platform: 'any',
      description: `Install a gang scheduler: Kueue (Helm chart ${KUEUE_ADDON.repository}/${KUEUE_ADDON.chart}), Volcano, or KAI Scheduler.`,
      command: helmInstallWords(KUEUE_ADDON).join(' '),
      url: 'https://kueue.sigs.k8s.io/docs/installation/',
    },
  ],
  cluster_autoscaling: [
    {
      platform: 'gke',
      description:
        'Enable autoscaling on the accelerator node pool and node auto-provisioning with accelerator limits.',
      command:
        'gcloud container clusters update CLUSTER --location=REGION --enable-autoprovisioning --max-cpu=128 --max-memory=512 --max-accelerator=type=nvidia-l4,count=8',
      terraform: hclBlockText(
        gkeClusterAutoscalingBlock({
          maxCpu: 128,
          maxMemoryGb: 512,
          accelerators: [['nvidia-l4', 8]],
        }),
      ),
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/cluster-autoscaler',
    },
    {
      platform: 'eks',
      description:
        'Install Karpenter with a NodePool whose requirements allow GPU instance types, or the Cluster Autoscaler for GPU node groups.',
      url: 'https://karpenter.sh/docs/getting-started/',
    },
    {
      platform: 'aks',
      description: 'Enable the cluster autoscaler on the GPU node pool.',
      command:
        'az aks nodepool update --resource-group RG --cluster-name CLUSTER --name gpupool --enable-cluster-autoscaler --min-count 0 --max-count 4',
      url: 'https://learn.microsoft.com/azure/aks/cluster-autoscaler',
    },
    {
      platform: 'openshift',
      description:
        'Create a ClusterAutoscaler and a MachineAutoscaler for the GPU MachineSet.',
      url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/machine_management/applying-autoscaling',
    },
    {
      platform: 'any',
      description:
        "Run the Cluster Autoscaler for your cloud provider (or Cluster API's provider, or Karpenter) on a node group of the accelerator type, with a minimum of 0 or more; it reports in kube-system/cluster-autoscaler-status.",
      url: 'https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler',
    },
  ],
  pod_autoscaling: [
    {
      platform: 'gke',
      description:
        'Install the Custom Metrics Stackdriver Adapter (or prometheus-adapter) so HPA can scale on custom metrics, and check its APIService is Available.',
      command:
        'kubectl apply -f https://raw.githubusercontent.com/GoogleCloudPlatform/k8s-stackdriver/master/custom-metrics-stackdriver-adapter/deploy/production/adapter_new_resource_model.yaml',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/machine-learning/inference/autoscaling',
    },
    {
      platform: 'aks',
      description:
        'Enable the KEDA add-on; it serves external.metrics.k8s.io so HPAs (ScaledObjects) can scale GPU workloads on Prometheus metrics.',
      command: 'az aks update --resource-group RG --name CLUSTER --enable-keda',
      url: 'https://learn.microsoft.com/azure/aks/autoscale-gpu-workloads-with-keda',
    },
    {
      platform: 'openshift',
      description:
        'Install the Custom Metrics Autoscaler operator (KEDA) and create a KedaController; check that v1beta1.external.metrics.k8s.io is Available.',
      url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/nodes/automatically-scaling-pods-with-the-custom-metrics-autoscaler-operator',
    },
    {
      platform: 'any',
      description:
        'Install prometheus-adapter or KEDA and make sure the v1beta1.custom.metrics.k8s.io / external.metrics.k8s.io APIService is Available.',
      command:
        'helm install prometheus-adapter prometheus-community/prometheus-adapter --namespace monitoring --create-namespace',
      url: 'https://github.com/kubernetes-sigs/prometheus-adapter',
    },
  ],
  accelerator_metrics: [
    {
      platform: 'gke',
      description:
        'Enable managed DCGM metrics (needs GKE-managed GPU drivers).',
      command:
        'gcloud container clusters update CLUSTER --location=REGION --monitoring=SYSTEM,DCGM --enable-managed-prometheus',
      terraform: hclBlockText(gkeMonitoringBlock(true)),
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/dcgm-metrics',
    },
    {
      platform: 'any',
      description:
        'Install the NVIDIA DCGM exporter (or the GPU Operator, which includes it; AMD: device-metrics-exporter).',
      command:
        'helm install dcgm-exporter gpu-helm-charts/dcgm-exporter --namespace gpu-monitoring --create-namespace',
      url: 'https://github.com/NVIDIA/dcgm-exporter',
    },
  ],
  ai_service_metrics: [
    {
      platform: 'gke',
      description: 'Enable Google Cloud Managed Service for Prometheus.',
      command:
        'gcloud container clusters update CLUSTER --location=REGION --enable-managed-prometheus',
      terraform: hclBlockText(gkeMonitoringBlock(false)),
      url: 'https://cloud.google.com/stackdriver/docs/managed-prometheus/setup-managed',
    },
    {
      platform: 'aks',
      description:
        'Enable Azure Monitor managed service for Prometheus; it discovers workloads through azmonitoring.coreos.com PodMonitor/ServiceMonitor objects.',
      command:
        'az aks update --resource-group RG --name CLUSTER --enable-azure-monitor-metrics',
      url: 'https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable',
    },
    {
      platform: 'eks',
      description:
        'Use Amazon Managed Service for Prometheus with a managed collector, or install kube-prometheus-stack.',
      url: 'https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-collector.html',
    },
    {
      platform: 'openshift',
      description:
        'Enable monitoring for user-defined projects (enableUserWorkload: true in the cluster-monitoring-config ConfigMap) and add ServiceMonitor/PodMonitor objects.',
      url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/latest/html/monitoring/',
    },
    {
      platform: 'any',
      description:
        'Install the Prometheus Operator (kube-prometheus-stack) or the OpenTelemetry Operator so workloads are discovered through ServiceMonitor/PodMonitor objects.',
      command:
        'helm install kube-prometheus-stack prometheus-community/kube-prometheus-stack --namespace monitoring --create-namespace',
      url: 'https://prometheus-operator.dev/docs/getting-started/installation/',
    },
  ],
  secure_accelerator_access: [
    {
      platform: 'gke',
      description:
        'Use GKE GPU node pools with GKE-managed drivers: the NVIDIA device plugin and the nvidia.com/gpu taint are set up by GKE.',
      command:
        'gcloud container node-pools create gpu-pool --cluster=CLUSTER --location=REGION --machine-type=g2-standard-8 --accelerator=type=nvidia-l4,count=1,gpu-driver-version=latest',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/gpus',
    },
    {
      platform: 'any',
      description:
        'Expose accelerators only through a device plugin (e.g. NVIDIA k8s-device-plugin / GPU Operator) or a DRA driver, and taint accelerator nodes.',
      url: 'https://github.com/NVIDIA/k8s-device-plugin',
    },
  ],
  workload_sandboxing: [
    {
      platform: 'gke',
      description: 'Enable GKE Sandbox (gVisor) on a node pool.',
      command:
        'gcloud container node-pools create sandbox-pool --cluster=CLUSTER --location=REGION --sandbox=type=gvisor --image-type=COS_CONTAINERD',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/sandbox-pods',
    },
    {
      platform: 'any',
      description:
        'Install gVisor or Kata Containers on nodes and create a RuntimeClass for it.',
      url: 'https://kubernetes.io/docs/concepts/containers/runtime-class/',
    },
  ],
  robust_controller: [
    {
      platform: 'gke',
      description: 'Enable the Ray Operator add-on (KubeRay).',
      command:
        'gcloud container clusters update CLUSTER --location=REGION --update-addons=RayOperator=ENABLED',
      terraform: hclBlockText(gkeRayOperatorBlock(true)),
      url: 'https://cloud.google.com/kubernetes-engine/add-ons/ray-on-gke/how-to/enable-ray-on-gke',
    },
    {
      platform: 'aks',
      description:
        'Enable the AI toolchain operator add-on (KAITO): its workspace controller and webhook run in kube-system and reconcile kaito.sh Workspaces.',
      command:
        'az aks update --resource-group RG --name CLUSTER --enable-ai-toolchain-operator --enable-oidc-issuer',
      url: 'https://learn.microsoft.com/azure/aks/ai-toolchain-operator',
    },
    {
      platform: 'openshift',
      description:
        'Install Red Hat OpenShift AI and set the Kubeflow Trainer component to Managed in the DataScienceCluster.',
      url: 'https://docs.redhat.com/en/documentation/red_hat_openshift_ai_self-managed/',
    },
    {
      platform: 'eks',
      description:
        'Install the KubeRay operator (Helm) or another AI operator with admission webhooks on the cluster.',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/ml-get-started.html',
    },
    {
      platform: 'any',
      description:
        'Install an AI operator with admission webhooks: KubeRay, Kubeflow Trainer, KServe, LeaderWorkerSet or JobSet.',
      command:
        'helm install kuberay-operator kuberay/kuberay-operator --namespace kuberay-system --create-namespace',
      url: 'https://docs.ray.io/en/latest/cluster/kubernetes/getting-started/kuberay-operator-installation.html',
    },
  ],
};

const LINKS: Record<string, Link[]> = {
  dra_support: [
    {
      title: 'Dynamic Resource Allocation',
      url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/',
    },
  ],
  ai_inference: [
    { title: 'Gateway API', url: 'https://gateway-api.sigs.k8s.io/' },
    {
      title: 'GKE Gateway API',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/gateway-api',
    },
  ],
  advanced_inference_ingress: [
    {
      title: 'Gateway API Inference Extension',
      url: 'https://gateway-api-inference-extension.sigs.k8s.io/',
    },
  ],
  gang_scheduling: [{ title: 'Kueue', url: 'https://kueue.sigs.k8s.io/' }],
  cluster_autoscaling: [
    {
      title: 'GKE cluster autoscaler',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/cluster-autoscaler',
    },
  ],
  pod_autoscaling: [
    {
      title: 'HPA on custom metrics',
      url: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#scaling-on-custom-metrics',
    },
  ],
  accelerator_metrics: [
    {
      title: 'GKE DCGM metrics',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/dcgm-metrics',
    },
  ],
  ai_service_metrics: [
    {
      title: 'Managed Service for Prometheus',
      url: 'https://cloud.google.com/stackdriver/docs/managed-prometheus',
    },
  ],
  secure_accelerator_access: [
    {
      title: 'Device plugins',
      url: 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/',
    },
  ],
  workload_sandboxing: [
    {
      title: 'GKE Sandbox',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/sandbox-pods',
    },
  ],
  robust_controller: [
    {
      title: 'KubeRay',
      url: 'https://docs.ray.io/en/latest/cluster/kubernetes/index.html',
    },
  ],
};

/**
 * Remediation steps for a requirement: the cluster's platform first, then
 * the generic steps, then other platforms'.
 *
 * @public
 */
export function remediationFor(id: string, platform: Platform): Remediation[] {
  const steps = STEPS[id] ?? [];
  const rank = (r: Remediation) => {
    if (r.platform === platform) return 0;
    return r.platform === 'any' ? 1 : 2;
  };
  return [...steps].sort((a, b) => rank(a) - rank(b));
}

export function linksFor(id: string): Link[] {
  return LINKS[id] ?? [];
}
