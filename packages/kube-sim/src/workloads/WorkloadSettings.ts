import type { WorkloadRuntimeSpec } from '../types';

/** The workload behaviour of one virtual cluster, defaults filled in. */
export type WorkloadSettings = Required<
  Omit<WorkloadRuntimeSpec, 'operatorStatus' | 'sandboxKernels'>
> &
  Pick<WorkloadRuntimeSpec, 'operatorStatus'> & {
    sandboxKernels: Record<string, string>;
  };

/** Kernel release a sandbox reports, by RuntimeClass handler (prefix match for `kata*`). */
export const DEFAULT_SANDBOX_KERNELS: Record<string, string> = {
  gvisor: '4.4.0',
  runsc: '4.4.0',
  kata: '6.1.62',
};

export const DEFAULT_WORKLOAD_SETTINGS: WorkloadSettings = {
  isolation: 'enforced',
  gang: 'whole',
  autoscaler: 'working',
  webhook: 'present',
  reconcile: 'working',
  sandbox: 'isolated',
  hpa: 'working',
  metrics: 'served',
  hpaSyncMs: 1000,
  startDelayMs: 200,
  scaleUpDelayMs: 1000,
  nodeReadyDelayMs: 500,
  scaleDownDelayMs: 10_000,
  reconcileDelayMs: 300,
  namespaceDeletionDelayMs: 100,
  acceleratorResource: 'nvidia.com/gpu',
  sandboxKernels: DEFAULT_SANDBOX_KERNELS,
};

/** Scenario settings, then the per-cluster override, over the defaults. */
export function resolveWorkloadSettings(
  scenario: WorkloadRuntimeSpec | undefined,
  override: WorkloadRuntimeSpec | undefined,
): WorkloadSettings {
  const defined = (spec: WorkloadRuntimeSpec | undefined) =>
    Object.fromEntries(
      Object.entries(spec ?? {}).filter(([, v]) => v !== undefined),
    );
  const merged = {
    ...DEFAULT_WORKLOAD_SETTINGS,
    ...defined(scenario),
    ...defined(override),
  } as WorkloadSettings;
  merged.sandboxKernels = {
    ...DEFAULT_SANDBOX_KERNELS,
    ...scenario?.sandboxKernels,
    ...override?.sandboxKernels,
  };
  return merged;
}
