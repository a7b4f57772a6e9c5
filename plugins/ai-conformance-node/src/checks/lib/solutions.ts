/**
 * Known solutions: an API group plus the controller that makes it work.
 * Used by gang_scheduling, ai_service_metrics and robust_controller.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../../snapshot/types';
import type { CheckContext } from '../types';
import { deploymentAvailable, deploymentEvidence } from './objects';
import { groupServed } from './readAccess';
import { bestDeployment, matchWorkloads } from './workloads';

export interface Solution {
  name: string;
  /** API groups; the solution is installed when any is served. */
  groups: string[];
  /** Controller Deployment name (or app.kubernetes.io/name label). */
  controller: RegExp;
}

export type SolutionState =
  | {
      state: 'running';
      solution: Solution;
      group: string;
      controller: KubeObject;
    }
  | { state: 'down'; solution: Solution; group: string; controller: KubeObject }
  | { state: 'no-controller'; solution: Solution; group: string };

/** Solutions whose API group is served, with the state of their controller. */
export function installedSolutions(
  ctx: CheckContext,
  solutions: Solution[],
  deployments: KubeObject[] | undefined,
): SolutionState[] {
  const out: SolutionState[] = [];
  for (const solution of solutions) {
    const group = solution.groups.find(g => groupServed(ctx, g).served);
    if (!group) continue;
    const matches = deployments
      ? matchWorkloads(deployments, solution.controller)
      : [];
    const controller = bestDeployment(matches);
    if (!controller) out.push({ state: 'no-controller', solution, group });
    else if (deploymentAvailable(controller))
      out.push({ state: 'running', solution, group, controller });
    else out.push({ state: 'down', solution, group, controller });
  }
  return out;
}

export function solutionEvidence(s: SolutionState): Evidence[] {
  const evidence: Evidence[] = [
    {
      description: `${s.solution.name}: API group ${s.group} is served`,
      fields: { 'discovery.group': s.group },
    },
  ];
  if (s.state !== 'no-controller') {
    evidence.push(
      deploymentEvidence(s.controller, `${s.solution.name} controller`),
    );
  }
  return evidence;
}

export const GANG_SCHEDULERS: Solution[] = [
  {
    name: 'Kueue',
    groups: ['kueue.x-k8s.io'],
    controller: /^kueue-controller-manager$/,
  },
  {
    name: 'Volcano',
    groups: ['scheduling.volcano.sh'],
    controller: /^volcano-scheduler$/,
  },
  {
    name: 'KAI Scheduler',
    groups: ['scheduling.run.ai'],
    controller: /^kai-scheduler(-default)?$|^scheduler$/,
  },
  {
    name: 'scheduler-plugins coscheduling',
    groups: ['scheduling.x-k8s.io'],
    controller: /^scheduler-plugins-(scheduler|controller)$/,
  },
];

export const METRICS_SYSTEMS: Solution[] = [
  {
    name: 'Google Cloud Managed Service for Prometheus',
    groups: ['monitoring.googleapis.com'],
    controller: /^gmp-operator$/,
  },
  {
    name: 'Prometheus Operator',
    groups: ['monitoring.coreos.com'],
    controller: /prometheus-operator$/,
  },
  {
    name: 'OpenTelemetry Operator',
    groups: ['opentelemetry.io'],
    controller: /opentelemetry-operator/,
  },
];
