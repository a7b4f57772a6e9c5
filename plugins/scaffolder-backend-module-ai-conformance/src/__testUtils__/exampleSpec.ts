import {
  GkeClusterSpec,
  GkeClusterSpecInput,
  gkeClusterSpecSchema,
} from '../gke/gkeClusterSpec';

/** The input the template sends for a valid L4 cluster. */
export function exampleSpecInput(
  overrides: Partial<GkeClusterSpecInput> = {},
): GkeClusterSpecInput {
  return {
    name: 'gke-ai-dev',
    owner: 'group:default/ai-platform',
    projectId: 'my-project',
    region: 'us-central1',
    mode: 'standard',
    releaseChannel: 'regular',
    checklistVersion: '1.34',
    gkeVersion: '1.34.0-gke.1662000',
    gatewayApi: true,
    dcgm: true,
    gpuPool: {
      accelerator: 'nvidia-l4',
      machineType: 'g2-standard-8',
      minNodes: 0,
      maxNodes: 4,
      spot: false,
    },
    kueueVersion: '0.14.1',
    operator: 'ray',
    ...overrides,
  };
}

/** A parsed spec (defaults applied), as actions receive it. */
export function exampleSpec(
  overrides: Partial<GkeClusterSpecInput> = {},
): GkeClusterSpec {
  return gkeClusterSpecSchema.parse(exampleSpecInput(overrides));
}
