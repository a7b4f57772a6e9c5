import { clusterAutoscalingActive } from './clusterAutoscaling';
import { gangSchedulingActive } from './gangScheduling';
import { podAutoscalingActive } from './podAutoscaling';
import { robustControllerActive } from './robustController';
import { secureAcceleratorAccessActive } from './secureAcceleratorAccess';
import type { ActiveCheck, ActivePermission } from './types';
import { workloadSandboxingActive } from './workloadSandboxing';

/**
 * Every active check, in the order a run executes them.
 *
 * @public
 */
export const ACTIVE_CHECKS: readonly ActiveCheck[] = [
  secureAcceleratorAccessActive,
  gangSchedulingActive,
  robustControllerActive,
  workloadSandboxingActive,
  clusterAutoscalingActive,
  podAutoscalingActive,
];

/**
 * What the runner itself needs: its namespace, and the orphan sweep.
 *
 * @public
 */
export const RUNNER_PERMISSIONS: readonly ActivePermission[] = [
  {
    group: '',
    resource: 'namespaces',
    verbs: ['create', 'get', 'list', 'delete'],
    scope: 'cluster',
  },
];

/** The requirement ids that have an active check. @public */
export function activeRequirementIds(): string[] {
  return ACTIVE_CHECKS.map(c => c.id);
}
