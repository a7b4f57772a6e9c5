import {
  GkeClusterSpec,
  GkeClusterSpecInput,
  gkeClusterSpecSchema,
} from '../gke/gkeClusterSpec';
import { EXAMPLE_CLUSTER } from '../actions/validateAction';

/** The input the template sends for a valid L4 cluster (the actions' documented example). */
export function exampleSpecInput(
  overrides: Partial<GkeClusterSpecInput> = {},
): GkeClusterSpecInput {
  return {
    ...EXAMPLE_CLUSTER,
    gpuPool: { ...EXAMPLE_CLUSTER.gpuPool },
    ...overrides,
  };
}

/** A parsed spec (defaults applied), as actions receive it. */
export function exampleSpec(
  overrides: Partial<GkeClusterSpecInput> = {},
): GkeClusterSpec {
  return gkeClusterSpecSchema.parse(exampleSpecInput(overrides));
}
