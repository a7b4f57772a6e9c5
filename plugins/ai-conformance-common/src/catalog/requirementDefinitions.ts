import type { Link, RequirementCategory, RequirementLevel } from '../types';

/**
 * Checklist versions shipped with this package, oldest first.
 *
 * @public
 */
export const CHECKLIST_VERSIONS = [
  '1.33',
  '1.34',
  '1.35',
  '1.36',
  '1.37',
] as const;

/**
 * A checklist version shipped with this package.
 *
 * @public
 */
export type BuiltInChecklistVersion = (typeof CHECKLIST_VERSIONS)[number];

/**
 * One requirement of the CNCF Kubernetes AI Conformance program.
 *
 * @public
 */
export interface RequirementDefinition {
  id: string;
  category: RequirementCategory;
  /** Short title. */
  title: string;
  /** What the requirement asks for, in this project's words. */
  description: string;
  /**
   * True when the official text scopes the requirement with a condition
   * ("If the platform provides…", "For accelerators that support…").
   */
  conditional: boolean;
  /** The condition, when conditional. */
  condition?: string;
  /** Level per checklist version; a missing version means the requirement is absent there. */
  levels: Partial<Record<string, RequirementLevel>>;
  /** KAR (Kubernetes AI Requirement) design document, when one exists. */
  kar?: { id: string; url: string };
  /** Official test in kubernetes-sigs/ai-conformance mapped to the requirement. */
  officialTests: string[];
}

const KAR_BASE =
  'https://github.com/kubernetes-sigs/ai-conformance/tree/main/kars';

function kar(id: string, dir?: string): { id: string; url: string } {
  return { id: `KAR-${id}`, url: dir ? `${KAR_BASE}/${id}-${dir}` : KAR_BASE };
}

const ALL: BuiltInChecklistVersion[] = [...CHECKLIST_VERSIONS];

function levelsFor(
  level: RequirementLevel,
  versions: BuiltInChecklistVersion[],
): Partial<Record<string, RequirementLevel>> {
  return Object.fromEntries(versions.map(v => [v, level]));
}

/**
 * The 16 requirement ids known to this package, in checklist order.
 *
 * @public
 */
export const REQUIREMENTS: readonly RequirementDefinition[] = [
  {
    id: 'dra_support',
    category: 'accelerators',
    title: 'Dynamic Resource Allocation',
    description:
      'The DRA APIs (resource.k8s.io) are served, so workloads can request accelerators by attributes and share claims instead of asking for a plain count.',
    conditional: false,
    levels: { '1.33': 'SHOULD', '1.34': 'MUST', '1.35': 'MUST' },
    kar: kar('0051', 'accelerator-resource-exposure-allocation'),
    officialTests: [],
  },
  {
    id: 'driver_runtime_management',
    category: 'accelerators',
    title: 'Driver and runtime management',
    description:
      'Accelerator drivers and the matching container-runtime setup on accelerator nodes can be verified (node labels, DRA device attributes), and are kept up to date by the platform.',
    conditional: false,
    levels: levelsFor('SHOULD', ['1.35', '1.36', '1.37']),
    kar: kar('0001', 'accelerator-driver-runtime-management'),
    officialTests: ['TestAcceleratorDriverRuntimeManagement'],
  },
  {
    id: 'gpu_sharing',
    category: 'accelerators',
    title: 'GPU sharing',
    description:
      'For accelerators that can be shared, at least one sharing strategy is offered: hardware partitions (such as MIG) exposed as schedulable resources, or time-slicing/MPS that lets several workloads use one GPU.',
    conditional: true,
    condition: 'the accelerators support static GPU sharing',
    levels: levelsFor('SHOULD', ['1.35', '1.36', '1.37']),
    kar: kar('0003'),
    officialTests: [],
  },
  {
    id: 'virtualized_accelerator',
    category: 'accelerators',
    title: 'Virtualized accelerators',
    description:
      'For accelerators with virtualization (such as vGPU), the virtual devices are exposed and managed as schedulable resources, consistent with physical fractions.',
    conditional: true,
    condition: 'the accelerators support virtualization such as vGPU',
    levels: levelsFor('SHOULD', ['1.35', '1.36', '1.37']),
    kar: kar('0004'),
    officialTests: [],
  },
  {
    id: 'ai_inference',
    category: 'networking',
    title: 'Gateway API for inference traffic',
    description:
      'The Gateway API is installed with a working implementation (an accepted GatewayClass), giving inference services weighted traffic splits and header-based routing.',
    conditional: false,
    levels: levelsFor('MUST', ALL),
    officialTests: [],
  },
  {
    id: 'advanced_inference_ingress',
    category: 'networking',
    title: 'Gateway API Inference Extension',
    description:
      'An implementation of the Gateway API Inference Extension routes requests to model servers (InferencePools) using what the servers report, such as KV-cache load.',
    conditional: false,
    levels: levelsFor('SHOULD', ['1.36', '1.37']),
    kar: kar('0011'),
    officialTests: [],
  },
  {
    id: 'high_performance_networking',
    category: 'networking',
    title: 'High-performance networking',
    description:
      'When fast pod-to-pod networking is needed, extra network interfaces are managed and published (preferably through DRA) so workloads can discover them and attach several interfaces.',
    conditional: true,
    condition: 'high-performance pod-to-pod communication is needed',
    levels: levelsFor('SHOULD', ['1.36', '1.37']),
    kar: kar('0010'),
    officialTests: [],
  },
  {
    id: 'disaggregated_inference',
    category: 'networking',
    title: 'Disaggregated inference',
    description:
      'A disaggregated serving stack (for example llm-d, Dynamo, vLLM or SGLang) runs prefill and decode as separately scalable components.',
    conditional: false,
    levels: levelsFor('SHOULD', ['1.36', '1.37']),
    kar: kar('0041'),
    officialTests: [],
  },
  {
    id: 'gang_scheduling',
    category: 'schedulingOrchestration',
    title: 'Gang scheduling',
    description:
      'At least one all-or-nothing scheduler (such as Kueue or Volcano) is installed and running, so a distributed job starts all its pods or none.',
    conditional: false,
    levels: levelsFor('MUST', ALL),
    kar: kar('0053', 'gang-scheduling'),
    officialTests: ['TestGangScheduling'],
  },
  {
    id: 'cluster_autoscaling',
    category: 'schedulingOrchestration',
    title: 'Accelerator-aware cluster autoscaling',
    description:
      'If the platform has a cluster autoscaler, it grows and shrinks node groups of a given accelerator type in response to pending pods that request that accelerator.',
    conditional: true,
    condition: 'the platform provides a cluster autoscaler or an equivalent',
    levels: levelsFor('MUST', ALL),
    kar: kar('0055', 'cluster-autoscaling-for-accelerators'),
    officialTests: ['TestAcceleratorClusterAutoscaling'],
  },
  {
    id: 'pod_autoscaling',
    category: 'schedulingOrchestration',
    title: 'Pod autoscaling on custom metrics',
    description:
      'If the platform supports the HorizontalPodAutoscaler, it works for accelerator pods and can scale them on custom, AI-relevant metrics served by a metrics adapter.',
    conditional: true,
    condition: 'the platform supports the HorizontalPodAutoscaler',
    levels: levelsFor('MUST', ALL),
    kar: kar('0057', 'hpa-autoscaling-for-ai-workloads'),
    officialTests: ['TestAcceleratorHorizontalPodAutoscaling'],
  },
  {
    id: 'accelerator_metrics',
    category: 'observability',
    title: 'Accelerator metrics',
    description:
      'An accelerator metrics exporter publishes per-device utilization and memory (and, where available, temperature, power and interconnect) on a machine-readable endpoint.',
    conditional: false,
    levels: levelsFor('MUST', ALL),
    kar: kar('0059', 'accelerator-performance-metrics'),
    officialTests: ['TestAcceleratorPerformanceMetrics'],
  },
  {
    id: 'ai_service_metrics',
    category: 'observability',
    title: 'AI service metrics',
    description:
      'A monitoring system discovers workloads and collects the metrics they expose in a standard format such as the Prometheus exposition format.',
    conditional: false,
    levels: levelsFor('MUST', ALL),
    kar: kar('0061', 'ai-job-inference-service-metrics'),
    officialTests: ['TestAIServiceMetrics'],
  },
  {
    id: 'secure_accelerator_access',
    category: 'security',
    title: 'Secure accelerator access',
    description:
      'Containers reach accelerators only through the device plugin or DRA and the container runtime, isolated from each other and from pods that did not request a device.',
    conditional: false,
    levels: levelsFor('MUST', ALL),
    kar: kar('0049', 'secure-accelerator-access'),
    officialTests: ['TestSecureAcceleratorAccess'],
  },
  {
    id: 'workload_sandboxing',
    category: 'security',
    title: 'Workload sandboxing',
    description:
      'Workloads can run in a sandbox (such as gVisor or Kata Containers) that isolates their processes, memory, files and network from the node kernel and other pods.',
    conditional: false,
    levels: levelsFor('SHOULD', ['1.37']),
    kar: kar('0020', 'workload-sandboxing'),
    officialTests: ['TestWorkloadSandboxing'],
  },
  {
    id: 'robust_controller',
    category: 'operator',
    title: 'Robust AI operator',
    description:
      'At least one complex AI operator with CRDs (such as KubeRay, Kubeflow Trainer or KServe) is installed and healthy: its pods run, its webhooks answer and its custom resources are reconciled.',
    conditional: false,
    levels: levelsFor('MUST', ALL),
    kar: kar('0063', 'robust-crd-controller-operation'),
    officialTests: ['TestRobustCRDControllerOperation'],
  },
];

/**
 * The definition of a requirement id, if this package knows it.
 *
 * @public
 */
export function getRequirementDefinition(
  id: string,
): RequirementDefinition | undefined {
  return REQUIREMENTS.find(r => r.id === id);
}

/**
 * Link to the official CNCF checklist file of a version.
 *
 * @public
 */
export function officialChecklistUrl(version: string): string {
  return `https://github.com/cncf/k8s-ai-conformance/blob/main/docs/AIConformance-${version}.yaml`;
}

/**
 * Links shown with a requirement: the official checklist and its KAR.
 *
 * @public
 */
export function requirementLinks(
  definition: Pick<RequirementDefinition, 'kar'> | undefined,
  version: string,
): Link[] {
  const links: Link[] = [
    {
      title: `CNCF AI Conformance checklist v${version}`,
      url: officialChecklistUrl(version),
    },
  ];
  if (definition?.kar) {
    links.push({ title: definition.kar.id, url: definition.kar.url });
  }
  return links;
}
