/** Complex AI operators robust_controller recognises, and how each is graded. */
import type {
  EvaluationError,
  Evidence,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject, ProbeResult } from '../../snapshot/types';
import {
  crdEstablished,
  crdsOfGroup,
  deploymentAvailable,
  deploymentEvidence,
  objectRef,
} from './objects';
import { bestDeployment, matchWorkloads } from './workloads';

export interface Operator {
  name: string;
  group: string;
  controller: RegExp;
}

export const AI_OPERATORS: Operator[] = [
  {
    name: 'KubeRay',
    group: 'ray.io',
    controller: /kuberay-operator|^ray-operator/,
  },
  {
    name: 'Kubeflow Trainer',
    group: 'trainer.kubeflow.org',
    controller: /trainer-controller-manager/,
  },
  {
    name: 'Kubeflow Training Operator',
    group: 'kubeflow.org',
    controller: /^training-operator/,
  },
  {
    name: 'KServe',
    group: 'serving.kserve.io',
    controller: /^kserve-controller-manager/,
  },
  {
    name: 'LeaderWorkerSet',
    group: 'leaderworkerset.x-k8s.io',
    controller: /^lws-controller-manager/,
  },
  {
    name: 'JobSet',
    group: 'jobset.x-k8s.io',
    controller: /^jobset-controller-manager/,
  },
];

export const probeId = (group: string) => `robust_controller:${group}`;

/** Webhook configurations with a rule on the group. */
export function webhooksFor(
  configs: KubeObject[],
  group: string,
): KubeObject[] {
  return configs.filter(c =>
    ((c.webhooks as any[]) ?? []).some(w =>
      (w?.rules ?? []).some((r: any) =>
        (r?.apiGroups ?? []).some((g: string) => g === group || g === '*'),
      ),
    ),
  );
}

export type Grade = 'pass' | 'partial' | 'fail' | 'unknown';

export interface OperatorAssessment {
  operator: Operator;
  grade: Grade;
  reason: string;
  evidence: Evidence[];
  errors: EvaluationError[];
  probe?: ProbeResult;
}

export function assessOperator(
  op: Operator,
  inputs: {
    crds?: KubeObject[];
    deployments?: KubeObject[];
    webhooks?: KubeObject[];
    errors: {
      crds?: EvaluationError;
      deployments?: EvaluationError;
      webhooks?: EvaluationError;
    };
    probe?: ProbeResult;
  },
): OperatorAssessment {
  const evidence: Evidence[] = [];
  const errors: EvaluationError[] = [];
  const { probe } = inputs;
  const crds = inputs.crds ? crdsOfGroup(inputs.crds, op.group) : undefined;
  if (crds) {
    const est = crds.filter(crdEstablished);
    evidence.push({
      description: `${op.name}: ${est.length}/${crds.length} CRDs in ${op.group} Established`,
      fields: Object.fromEntries(
        crds.map(c => [
          `${c.metadata.name}.status.conditions[Established]`,
          crdEstablished(c) ? 'True' : 'False',
        ]),
      ),
    });
    if (crds.length && est.length < crds.length) {
      return {
        operator: op,
        grade: 'fail',
        reason: `${crds.length - est.length} of its CRDs are not Established`,
        evidence,
        errors,
        probe,
      };
    }
  } else if (inputs.errors.crds) errors.push(inputs.errors.crds);
  const controller = inputs.deployments
    ? bestDeployment(matchWorkloads(inputs.deployments, op.controller))
    : undefined;
  if (controller)
    evidence.push(deploymentEvidence(controller, `${op.name} controller`));
  else if (inputs.errors.deployments) errors.push(inputs.errors.deployments);
  const hooks = inputs.webhooks
    ? webhooksFor(inputs.webhooks, op.group)
    : undefined;
  if (hooks?.length) {
    evidence.push(
      ...hooks.map(h => ({
        description: `${op.name}: admission webhook configuration ${h.metadata.name} covers ${op.group}`,
        object: objectRef(
          h,
          'admissionregistration.k8s.io/v1',
          'ValidatingWebhookConfiguration',
        ),
        fields: {
          webhooks: ((h.webhooks as any[]) ?? []).map(w => w?.name).join(','),
        },
      })),
    );
  } else if (!hooks && inputs.errors.webhooks)
    errors.push(inputs.errors.webhooks);
  if (probe?.outcome === 'rejected' || probe?.outcome === 'accepted') {
    evidence.push({
      description: `${op.name}: server-side dry-run create of an invalid object was ${probe.outcome}`,
      fields: {
        'probe.outcome': probe.outcome,
        'probe.message': probe.message,
      },
      ...(probe.object ? { object: { ...probe.object } } : {}),
    });
  }
  if (controller && !deploymentAvailable(controller)) {
    return {
      operator: op,
      grade: 'fail',
      reason: 'its controller is not available',
      evidence,
      errors,
      probe,
    };
  }
  if (probe?.outcome === 'accepted') {
    return {
      operator: op,
      grade: 'partial',
      reason:
        'an invalid object passed a server-side dry-run, so its validating webhook is not operational',
      evidence,
      errors,
      probe,
    };
  }
  if (errors.length)
    return {
      operator: op,
      grade: 'unknown',
      reason: 'some of its objects could not be read',
      evidence,
      errors,
      probe,
    };
  if (!controller) {
    return {
      operator: op,
      grade: 'partial',
      reason: 'no controller Deployment was found under a known name',
      evidence,
      errors,
      probe,
    };
  }
  if (!hooks?.length && probe?.outcome !== 'rejected') {
    return {
      operator: op,
      grade: 'partial',
      reason: 'no admission webhook covers its API group',
      evidence,
      errors,
      probe,
    };
  }
  return {
    operator: op,
    grade: 'pass',
    reason:
      'its CRDs are Established, its controller is available and its webhook is configured',
    evidence,
    errors,
    probe,
  };
}
