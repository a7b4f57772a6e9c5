/**
 * cluster_autoscaling (conditional MUST): the platform's autoscaler can grow
 * and shrink accelerator node groups.
 *
 * Condition: the platform provides an autoscaler. GKE always does (cluster
 * autoscaler, node auto-provisioning); elsewhere it holds when a cluster
 * autoscaler status ConfigMap, a cluster-autoscaler Deployment or Karpenter
 * is found.
 * - pass: kube-system/cluster-autoscaler-status reports Healthy, or a
 *   Karpenter NodePool allows accelerator instances.
 * - partial: Karpenter without an accelerator NodePool; status unreadable.
 * - fail: the autoscaler reports unhealthy; on GKE, no autoscaler enabled.
 * - not-applicable: no autoscaler on a platform that does not provide one
 *   (with the CNCF-validator caveat).
 * - unknown: a read needed to tell was refused or failed.
 * Scale-up/down itself is shown only by an active test
 * (TestAcceleratorClusterAutoscaling); passive evidence shows readiness.
 */
import type {
  EvaluationError,
  Evidence,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { discoveryError, lookup } from './lib/readAccess';
import { notApplicable, outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import {
  conditionFields,
  deploymentAvailable,
  deploymentEvidence,
  objectRef,
} from './lib/objects';
import {
  autoscalerHealth,
  autoscalerNodeGroups,
  nodePoolAllowsAccelerators,
} from './lib/autoscaler';
import { bestDeployment, matchWorkloads } from './lib/workloads';

const ID = 'cluster_autoscaling';
const NOTE =
  'Passive evidence shows the autoscaler is present and healthy; scaling accelerator node groups up and down is proven by the official TestAcceleratorClusterAutoscaling.';

export const clusterAutoscalingCheck: Check = {
  id: ID,
  reads: [READS.autoscalerStatus, READS.karpenterNodePools, READS.deployments],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    if (dErr)
      return unknownOutcome([dErr], 'whether a cluster autoscaler is present', {
        remediation,
        links,
      });
    const errors: EvaluationError[] = [];
    const evidence: Evidence[] = [];
    const cm = lookup(ctx, READS.autoscalerStatus);
    if (cm.state === 'failed') errors.push(cm.error);
    if (cm.state === 'ok' && cm.items[0]) {
      const status = cm.items[0];
      const health = autoscalerHealth(status);
      const groups = autoscalerNodeGroups(status);
      evidence.push({
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
        return outcome(
          'pass',
          `The cluster autoscaler is running and Healthy${
            groups.length ? ` with ${groups.length} node group(s)` : ''
          }.`,
          { evidence, links, notes: [NOTE] },
        );
      }
      if (health) {
        return outcome(
          'fail',
          `The cluster autoscaler reports cluster-wide health ${health}.`,
          { evidence, remediation, links, notes: [NOTE] },
        );
      }
      return outcome(
        'partial',
        'The cluster autoscaler status ConfigMap exists but its health could not be read.',
        { evidence, remediation, links, notes: [NOTE] },
      );
    }
    const deployments = lookup(ctx, READS.deployments);
    const pools = lookup(ctx, READS.karpenterNodePools);
    if (pools.state === 'failed') errors.push(pools.error);
    if (pools.state === 'ok') {
      const karpenter =
        deployments.state === 'ok'
          ? bestDeployment(matchWorkloads(deployments.items, /^karpenter$/))
          : undefined;
      if (karpenter) {
        evidence.push(deploymentEvidence(karpenter, 'Karpenter controller'));
        if (!deploymentAvailable(karpenter)) {
          return outcome(
            'fail',
            'Karpenter is installed but its controller is not available.',
            { evidence, remediation, links, notes: [NOTE] },
          );
        }
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
        return outcome(
          'pass',
          `Karpenter NodePool(s) ${gpuPools
            .map(p => p.metadata.name)
            .join(', ')} can provision accelerator nodes for pending pods.`,
          { evidence, links, notes: [NOTE] },
        );
      }
      return outcome(
        'partial',
        pools.items.length
          ? 'Karpenter is installed but no NodePool allows accelerator instance types.'
          : 'Karpenter is installed but has no NodePool.',
        { evidence, remediation, links, notes: [NOTE] },
      );
    }
    if (deployments.state === 'failed' && ctx.platform !== 'gke') {
      errors.push(deployments.error);
    }
    const ca =
      deployments.state === 'ok'
        ? matchWorkloads(deployments.items, /^cluster-autoscaler/)
        : [];
    if (ca.length) {
      evidence.push(
        ...ca.map(d => deploymentEvidence(d, 'Cluster autoscaler')),
      );
      const up = ca.some(deploymentAvailable);
      return outcome(
        up ? 'partial' : 'fail',
        up
          ? 'A cluster-autoscaler Deployment is available but has not published its status ConfigMap.'
          : 'A cluster-autoscaler Deployment exists but is not available.',
        { evidence, remediation, links, notes: [NOTE] },
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
      'no cluster autoscaler or equivalent (Cluster Autoscaler, Karpenter) was found on this platform',
      {
        remediation,
        links,
      },
    );
  },
};
