import { z } from 'zod/v3';
import { InputError } from '@backstage/errors';
import {
  KUBEFLOW_TRAINER_ADDON,
  KUEUE_ADDON,
  gkeCertifiedMinors,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  DEFAULT_PROXY_ONLY_SUBNET_RANGE,
  INFERENCE_GATEWAY_CLASSES,
  PROXY_ONLY_SUBNET_RANGE_PATTERN,
} from './gkePoolOptions';

/**
 * Checklist versions with a certified GKE entry: the minors of the common
 * package's certified GKE minimums.
 */
export const GKE_CHECKLIST_VERSIONS = gkeCertifiedMinors() as [
  string,
  ...string[],
];

export const GKE_RELEASE_CHANNELS = [
  'rapid',
  'regular',
  'stable',
  'extended',
] as const;

export type GkeReleaseChannel = (typeof GKE_RELEASE_CHANNELS)[number];

/** Release channel as the Container API and Terraform spell it. */
export function apiChannel(channel: GkeReleaseChannel): string {
  return channel.toUpperCase();
}

const gpuPoolSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/)
    .optional()
    .describe('Node pool name; default: derived from the accelerator'),
  accelerator: z
    .string()
    .describe('Accelerator type, e.g. nvidia-l4, nvidia-h100-80gb'),
  machineType: z
    .string()
    .describe('Machine type that carries the accelerator, e.g. g2-standard-8'),
  gpusPerNode: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('GPUs per node; default: what the machine type carries'),
  minNodes: z.number().int().min(0).default(0),
  maxNodes: z.number().int().min(1).default(4),
  spot: z.boolean().default(false).describe('Use Spot VMs'),
  driverVersion: z
    .enum(['default', 'latest', 'disabled'])
    .default('latest')
    .describe('GKE-managed NVIDIA driver version; disabled means none'),
});

/**
 * A GKE cluster the template creates: the scaffolder parameters the
 * validate and render actions share.
 */
export const gkeClusterSpecSchema = z.object({
  name: z
    .string()
    .regex(
      /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/,
      'Cluster names have 1-40 lowercase letters, digits or hyphens, start with a letter and do not end with a hyphen',
    )
    .describe('Cluster name, also the catalog entity name'),
  owner: z
    .string()
    .min(1)
    .describe('Owner entity reference, e.g. group:default/ai-platform'),
  projectId: z
    .string()
    .regex(
      /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/,
      'A project id has 6-30 lowercase letters, digits or hyphens and starts with a letter',
    )
    .describe('Google Cloud project id'),
  region: z
    .string()
    .regex(/^[a-z]+-[a-z]+\d+$/, 'A region looks like us-central1')
    .describe('Google Cloud region, e.g. us-central1'),
  mode: z
    .enum(['standard', 'autopilot'])
    .default('standard')
    .describe('GKE mode of operation'),
  releaseChannel: z.enum(GKE_RELEASE_CHANNELS).default('regular'),
  checklistVersion: z
    .enum(GKE_CHECKLIST_VERSIONS)
    .describe('AI Conformance checklist version the cluster targets'),
  gkeVersion: z.string().describe('GKE version, e.g. 1.34.0-gke.1662000'),
  gatewayApi: z.boolean().default(true).describe('Enable the Gateway API'),
  dcgm: z
    .boolean()
    .default(true)
    .describe('Managed DCGM metrics (needs GKE-managed GPU drivers)'),
  systemMachineType: z.string().default('e2-standard-4'),
  gpuPool: gpuPoolSchema,
  kueueVersion: z
    .string()
    .regex(
      /^(v?\d+\.\d+\.\d+)?$/,
      `A Kueue version looks like ${KUEUE_ADDON.version}`,
    )
    .optional()
    .describe('Kueue Helm chart version; empty or omitted: no Kueue'),
  operator: z
    .enum(['ray', 'kubeflow-trainer', 'none'])
    .default('ray')
    .describe('Ray Operator add-on or Kubeflow Trainer'),
  kubeflowTrainerVersion: z
    .string()
    .regex(/^v?\d+\.\d+\.\d+$/)
    .default(KUBEFLOW_TRAINER_ADDON.version),
  draPool: z
    .object({
      enabled: z.boolean().default(false),
      accelerator: z.string().optional(),
      machineType: z.string().optional(),
      gpusPerNode: z.number().int().positive().optional(),
      minNodes: z.number().int().min(0).default(0),
      maxNodes: z.number().int().min(1).default(2),
      spot: z.boolean().default(false),
    })
    .optional()
    .describe(
      'Extra GPU pool without GKE-managed drivers, for the NVIDIA DRA driver',
    ),
  sandboxPool: z
    .object({
      enabled: z.boolean().default(false),
      machineType: z.string().default('e2-standard-4'),
      maxNodes: z.number().int().min(1).default(3),
    })
    .optional()
    .describe(
      'Extra GKE Sandbox (gVisor) node pool for untrusted workloads (workload_sandboxing)',
    ),
  inferenceGateway: z
    .object({
      enabled: z.boolean().default(false),
      gatewayClass: z
        .enum(INFERENCE_GATEWAY_CLASSES)
        .default(INFERENCE_GATEWAY_CLASSES[0]),
      proxyOnlySubnetRange: z
        .string()
        .regex(
          new RegExp(PROXY_ONLY_SUBNET_RANGE_PATTERN),
          `A subnet range looks like ${DEFAULT_PROXY_ONLY_SUBNET_RANGE}`,
        )
        .default(DEFAULT_PROXY_ONLY_SUBNET_RANGE),
    })
    .optional()
    .describe(
      'GKE Inference Gateway (advanced_inference_ingress): the Inference Extension CRDs, a regional Gateway and its proxy-only subnet',
    ),
  maxCpu: z
    .number()
    .int()
    .positive()
    .default(1024)
    .describe('Cluster-wide autoscaling limit on vCPUs'),
  maxMemoryGb: z
    .number()
    .int()
    .positive()
    .default(8192)
    .describe('Cluster-wide autoscaling limit on memory (GB)'),
  deletionProtection: z.boolean().default(true),
});

/**
 * A GKE cluster the template creates, defaults applied: what
 * `gkeClusterSpecSchema` parses action input into. Written out rather than
 * inferred so the published type reads the same on every build;
 * `parseGkeClusterSpec` fails to compile when the two drift apart.
 *
 * @public
 */
export type GkeClusterSpec = {
  name: string;
  owner: string;
  projectId: string;
  region: string;
  mode: 'standard' | 'autopilot';
  releaseChannel: 'rapid' | 'regular' | 'stable' | 'extended';
  /** A minor with a certified GKE version, e.g. '1.37'. */
  checklistVersion: string;
  gkeVersion: string;
  gatewayApi: boolean;
  dcgm: boolean;
  systemMachineType: string;
  gpuPool: {
    name?: string;
    accelerator: string;
    machineType: string;
    gpusPerNode?: number;
    minNodes: number;
    maxNodes: number;
    spot: boolean;
    driverVersion: 'default' | 'latest' | 'disabled';
  };
  kueueVersion?: string;
  operator: 'ray' | 'kubeflow-trainer' | 'none';
  kubeflowTrainerVersion: string;
  draPool?: {
    enabled: boolean;
    accelerator?: string;
    machineType?: string;
    gpusPerNode?: number;
    minNodes: number;
    maxNodes: number;
    spot: boolean;
  };
  sandboxPool?: {
    enabled: boolean;
    machineType: string;
    maxNodes: number;
  };
  inferenceGateway?: {
    enabled: boolean;
    gatewayClass: 'gke-l7-regional-external-managed' | 'gke-l7-rilb';
    proxyOnlySubnetRange: string;
  };
  maxCpu: number;
  maxMemoryGb: number;
  deletionProtection: boolean;
};

/** `A` when `A` and `B` have the same shape; a compile error otherwise. */
type SameShape<A, B extends A> = [A] extends [B] ? A : never;

export type GkeClusterSpecInput = z.input<typeof gkeClusterSpecSchema>;
export type GkeGpuPool = GkeClusterSpec['gpuPool'];

/**
 * Parses action input into a spec with defaults applied (the scaffolder
 * checks input against the JSON schema but fills in no defaults).
 */
export function parseGkeClusterSpec(
  input: unknown,
): SameShape<GkeClusterSpec, z.output<typeof gkeClusterSpecSchema>> {
  const result = gkeClusterSpecSchema.safeParse(input);
  if (!result.success) {
    throw new InputError(
      `Invalid cluster input: ${result.error.issues
        .map(i => `${i.path.join('.') || 'input'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}
