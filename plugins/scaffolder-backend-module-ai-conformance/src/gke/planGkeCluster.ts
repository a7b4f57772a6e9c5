import { InputError } from '@backstage/errors';
import { GkeClusterSpec } from './gkeClusterSpec';
import {
  PlannedGpuPool,
  validateGkeClusterSpec,
} from './validateGkeClusterSpec';

/** A validated cluster spec with the GPU pools' derived values. */
export interface GkeClusterPlan {
  spec: GkeClusterSpec;
  gpuPool: PlannedGpuPool;
  draPool?: PlannedGpuPool;
  notes: string[];
}

/** Validates a spec; throws InputError listing every problem. */
export function planGkeCluster(spec: GkeClusterSpec): GkeClusterPlan {
  const result = validateGkeClusterSpec(spec);
  if (result.errors.length > 0 || !result.gpuPool) {
    throw new InputError(
      result.errors.length === 1
        ? result.errors[0]
        : `The cluster is not AI-conformant or cannot be created:\n- ${result.errors.join(
            '\n- ',
          )}`,
    );
  }
  return {
    spec,
    gpuPool: result.gpuPool,
    draPool: result.draPool,
    notes: result.notes,
  };
}

/** Accelerators the cluster autoscaler may add, per type. */
export function acceleratorLimits(plan: GkeClusterPlan): Map<string, number> {
  const limits = new Map<string, number>();
  for (const pool of [plan.gpuPool, plan.draPool]) {
    if (!pool) continue;
    limits.set(
      pool.accelerator,
      (limits.get(pool.accelerator) ?? 0) + pool.maxNodes * pool.gpusPerNode,
    );
  }
  return limits;
}
