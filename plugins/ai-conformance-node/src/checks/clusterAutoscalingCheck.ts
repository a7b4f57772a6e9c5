/**
 * cluster_autoscaling (conditional MUST): the platform's autoscaler can grow
 * and shrink accelerator node groups.
 *
 * Recognised by shape, whatever the product is called:
 * - the Cluster Autoscaler status ConfigMap (kube-system/cluster-autoscaler-status),
 *   and any workload named *cluster-autoscaler* (or labelled so);
 * - Karpenter NodePools (karpenter.sh; also AKS node auto-provisioning);
 * - GKE ComputeClasses with node pool auto-creation;
 * - OpenShift ClusterAutoscaler / MachineAutoscaler resources;
 * - Cluster API MachineDeployments with autoscaler min/max annotations;
 * - a declared `cluster-autoscaling` component (`aiConformance.solutions`).
 *
 * - pass: the status ConfigMap reports Healthy; or a Karpenter NodePool
 *   allows accelerator instances; or a ComputeClass auto-creates node pools;
 *   or OpenShift's ClusterAutoscaler with MachineAutoscalers and an available
 *   autoscaler; or autoscaled MachineDeployments with an available autoscaler;
 *   or a declared autoscaler is available.
 * - partial: a piece is unseen (Karpenter without an accelerator NodePool,
 *   an autoscaler without its status, MachineAutoscalers without the
 *   autoscaler workload, unparsable health).
 * - fail: a positively broken piece: the autoscaler workload is not
 *   available, its status reports unhealthy, a declared autoscaler is
 *   missing or down; on GKE, no autoscaler enabled.
 * - not-applicable: nothing of the above on a platform that does not
 *   provide an autoscaler (with the CNCF-validator caveat).
 * - unknown: a read needed to tell was refused or failed.
 * Scale-up/down itself is shown only by an active test
 * (TestAcceleratorClusterAutoscaling); passive evidence shows readiness.
 */
import type {
  EvaluationError,
  Evidence,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../snapshot/types';
import type { Check, CheckContext, CheckOutcome } from './types';
import { READS } from './lib/reads';
import { discoveryError, lookup } from './lib/readAccess';
import { notApplicable, outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { conditionFields, objectRef, qualifiedName } from './lib/objects';
import {
  CLUSTER_AUTOSCALER_NAME,
  autoscalerHealth,
  autoscalerNodeGroups,
  capiAutoscaled,
  computeClassAutoProvisions,
  nodePoolAllowsAccelerators,
  openshiftGpuLimits,
} from './lib/autoscaler';
import {
  type Workload,
  componentInputs,
  workloadAvailable,
  workloadEvidence,
  workloadName,
} from './lib/components';
import {
  assessComponent,
  byGrade,
  candidateLabel,
  declaredFor,
} from './lib/capabilities';

const ID = 'cluster_autoscaling';
const NOTE =
  'Passive evidence shows the autoscaler is present and healthy; scaling accelerator node groups up and down is proven by the official TestAcceleratorClusterAutoscaling.';

function named(workloads: Workload[], re: RegExp): Workload[] {
  return workloads.filter(w => {
    const l = w.object.metadata.labels ?? {};
    return (
      re.test(w.object.metadata.name) ||
      re.test(l['app.kubernetes.io/name'] ?? '') ||
      re.test(l.app ?? '') ||
      re.test(l['k8s-app'] ?? '')
    );
  });
}

export const clusterAutoscalingCheck: Check = {
  id: ID,
  reads: [
    READS.autoscalerStatus,
    READS.karpenterNodePools,
    READS.computeClasses,
    READS.openshiftClusterAutoscalers,
    READS.openshiftMachineAutoscalers,
    READS.capiMachineDeployments,
    READS.deployments,
    READS.daemonsets,
    READS.statefulsets,
  ],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    if (dErr)
      return unknownOutcome([dErr], 'whether a cluster autoscaler is present', {
        remediation,
        links,
      });
    return evaluateAutoscaling(ctx, remediation, links);
  },
};

function evaluateAutoscaling(
  ctx: CheckContext,
  remediation: ReturnType<typeof remediationFor>,
  links: ReturnType<typeof linksFor>,
): CheckOutcome {
  const errors: EvaluationError[] = [];
  const evidence: Evidence[] = [];
  const notes = [NOTE];
  const done = (status: 'pass' | 'partial' | 'fail', summary: string) =>
    outcome(status, summary, {
      evidence,
      remediation: status === 'pass' ? [] : remediation,
      links,
      notes,
    });
  const inputs = componentInputs(ctx);
  if (!inputs.workloads && inputs.errors.deployments && ctx.platform !== 'gke')
    errors.push(inputs.errors.deployments);
  const workloads = inputs.workloads ?? [];

  // A declared autoscaler is graded like any declared component.
  const declared = declaredFor(ctx, 'cluster-autoscaling').map(d =>
    assessComponent(
      ctx,
      inputs,
      { name: d.name, group: d.group, recognition: 'declared', declared: d },
      { requireWebhook: false },
    ),
  );
  declared.sort(byGrade);
  const best = declared[0];
  if (best && best.grade !== 'unknown') {
    evidence.push(...declared.flatMap(a => a.evidence));
    return done(
      best.grade,
      `${candidateLabel(best.candidate)}: ${best.reason}.`,
    );
  }

  // The autoscaler's own workload, where it runs in the cluster.
  const caWorkloads = named(workloads, CLUSTER_AUTOSCALER_NAME);
  const caUp = caWorkloads.filter(workloadAvailable);
  evidence.push(
    ...caWorkloads.map(w => workloadEvidence(w, 'Cluster autoscaler')),
  );
  if (caWorkloads.length && !caUp.length) {
    return done(
      'fail',
      `The cluster autoscaler ${caWorkloads
        .map(workloadName)
        .join(', ')} is not available.`,
    );
  }

  const cm = lookup(ctx, READS.autoscalerStatus);
  if (cm.state === 'failed') errors.push(cm.error);
  if (cm.state === 'ok' && cm.items[0]) {
    const status = cm.items[0];
    const health = autoscalerHealth(status);
    const groups = autoscalerNodeGroups(status);
    evidence.unshift({
      description: `Cluster autoscaler status ConfigMap reports ${
        health ?? 'an unrecognised health'
      }`,
      object: objectRef(status, 'v1', 'ConfigMap'),
      fields: {
        'data.status[health]': health ?? 'unparsed',
        nodeGroups: groups.length,
      },
    });
    if (health === 'Healthy') {
      return done(
        'pass',
        `The cluster autoscaler is running and Healthy${
          groups.length ? ` with ${groups.length} node group(s)` : ''
        }.`,
      );
    }
    if (health) {
      return done(
        'fail',
        `The cluster autoscaler reports cluster-wide health ${health}.`,
      );
    }
    return done(
      'partial',
      'The cluster autoscaler status ConfigMap exists but its health could not be read.',
    );
  }

  // Karpenter (and AKS node auto-provisioning, which runs it for you).
  const pools = lookup(ctx, READS.karpenterNodePools);
  if (pools.state === 'failed') errors.push(pools.error);
  if (pools.state === 'ok') {
    const karpenter = named(workloads, /^karpenter$/);
    evidence.push(
      ...karpenter.map(k => workloadEvidence(k, 'Karpenter controller')),
    );
    if (karpenter.length && !karpenter.some(workloadAvailable)) {
      return done(
        'fail',
        'Karpenter is installed but its controller is not available.',
      );
    }
    const gpuPools = pools.items.filter(nodePoolAllowsAccelerators);
    evidence.push(
      ...pools.items.map(p => ({
        description: `Karpenter NodePool ${p.metadata.name}${
          nodePoolAllowsAccelerators(p) ? ' allows accelerator instances' : ''
        }`,
        object: objectRef(p, 'karpenter.sh/v1', 'NodePool'),
        fields: {
          acceleratorRequirements: nodePoolAllowsAccelerators(p),
          ...conditionFields(p, 'Ready'),
        },
      })),
    );
    if (gpuPools.length) {
      return done(
        'pass',
        `Karpenter NodePool(s) ${gpuPools
          .map(p => p.metadata.name)
          .join(', ')} can provision accelerator nodes for pending pods.`,
      );
    }
    return done(
      'partial',
      pools.items.length
        ? 'Karpenter is installed but no NodePool allows accelerator instance types.'
        : 'Karpenter is installed but has no NodePool.',
    );
  }

  // GKE node auto-provisioning through ComputeClasses.
  const classes = lookup(ctx, READS.computeClasses);
  if (classes.state === 'ok') {
    const auto = classes.items.filter(computeClassAutoProvisions);
    evidence.push(
      ...auto.map(c => ({
        description: `ComputeClass ${c.metadata.name} auto-creates node pools (node auto-provisioning)`,
        object: objectRef(c, 'cloud.google.com/v1', 'ComputeClass'),
        fields: { 'spec.nodePoolAutoCreation.enabled': true },
      })),
    );
    if (auto.length) {
      return done(
        'pass',
        `Node auto-provisioning creates node pools for ComputeClass(es) ${auto
          .map(c => c.metadata.name)
          .join(', ')}.`,
      );
    }
  }

  // OpenShift: ClusterAutoscaler + MachineAutoscalers, run by cluster-autoscaler-default.
  const osCa = lookup(ctx, READS.openshiftClusterAutoscalers);
  const osMa = lookup(ctx, READS.openshiftMachineAutoscalers);
  for (const l of [osCa, osMa]) if (l.state === 'failed') errors.push(l.error);
  if (osCa.state === 'ok' && osCa.items.length) {
    const machine = osMa.state === 'ok' ? osMa.items : [];
    evidence.push(
      ...osCa.items.map(c => ({
        description: `OpenShift ClusterAutoscaler ${c.metadata.name}${
          openshiftGpuLimits(c).length
            ? ` allows ${openshiftGpuLimits(c).join(', ')}`
            : ''
        }`,
        object: objectRef(
          c,
          'autoscaling.openshift.io/v1',
          'ClusterAutoscaler',
        ),
        fields: { 'spec.resourceLimits.gpus': openshiftGpuLimits(c).join(',') },
      })),
      ...machine.map(m => ({
        description: `MachineAutoscaler ${qualifiedName(m)} scales ${
          m.spec?.scaleTargetRef?.kind ?? 'MachineSet'
        } ${m.spec?.scaleTargetRef?.name ?? ''} between ${
          m.spec?.minReplicas ?? '?'
        } and ${m.spec?.maxReplicas ?? '?'}`,
        object: objectRef(
          m,
          'autoscaling.openshift.io/v1beta1',
          'MachineAutoscaler',
        ),
      })),
    );
    if (!machine.length) {
      return done(
        'partial',
        'OpenShift ClusterAutoscaler exists but no MachineAutoscaler lets a MachineSet scale.',
      );
    }
    if (!caUp.length) {
      return done(
        'partial',
        'OpenShift ClusterAutoscaler and MachineAutoscalers exist but the cluster-autoscaler workload was not seen.',
      );
    }
    return done(
      'pass',
      `OpenShift cluster autoscaling: ClusterAutoscaler ${
        osCa.items[0].metadata.name
      }, ${machine.length} MachineAutoscaler(s), ${workloadName(
        caUp[0],
      )} available.`,
    );
  }

  // Cluster API: MachineDeployments with autoscaler bounds.
  const mds = lookup(ctx, READS.capiMachineDeployments);
  if (mds.state === 'failed') errors.push(mds.error);
  const scaled: KubeObject[] =
    mds.state === 'ok' ? mds.items.filter(capiAutoscaled) : [];
  if (scaled.length) {
    evidence.push(
      ...scaled.map(md => ({
        description: `MachineDeployment ${qualifiedName(
          md,
        )} carries Cluster API autoscaler bounds`,
        object: objectRef(md, 'cluster.x-k8s.io/v1beta1', 'MachineDeployment'),
        fields: Object.fromEntries(
          Object.entries(md.metadata.annotations ?? {}).filter(([k]) =>
            k.includes('cluster-api-autoscaler-node-group'),
          ),
        ),
      })),
    );
    return done(
      caUp.length ? 'pass' : 'partial',
      caUp.length
        ? `Cluster API node groups ${scaled
            .map(md => md.metadata.name)
            .join(', ')} are autoscaled by ${workloadName(caUp[0])}.`
        : `Cluster API node groups ${scaled
            .map(md => md.metadata.name)
            .join(
              ', ',
            )} carry autoscaler bounds, but the autoscaler (often in the management cluster) was not seen.`,
    );
  }

  if (caUp.length) {
    return done(
      'partial',
      'A cluster autoscaler is available but has not published its status ConfigMap.',
    );
  }
  if (errors.length)
    return unknownOutcome(errors, 'whether a cluster autoscaler is present', {
      remediation,
      links,
    });
  if (ctx.platform === 'gke') {
    return outcome(
      'fail',
      'GKE provides the cluster autoscaler, but it is not enabled for any node pool (no cluster-autoscaler-status ConfigMap).',
      { remediation, links },
    );
  }
  return notApplicable(
    ctx,
    'no cluster autoscaler or equivalent was found on this platform (looked for the Cluster Autoscaler status and workload, Karpenter NodePools, ComputeClasses, OpenShift ClusterAutoscaler and Cluster API autoscaler annotations)',
    { remediation, links },
  );
}
