/**
 * advanced_inference_ingress: a Gateway API Inference Extension (GAIE)
 * implementation routes to model servers.
 *
 * - pass: the InferencePool API (inference.networking.k8s.io, or the
 *   experimental inference.networking.x-k8s.io) is served, an InferencePool
 *   exists and an HTTPRoute sends traffic to it.
 * - partial: the API is served but no InferencePool, or no HTTPRoute uses one.
 * - fail: neither InferencePool API group is served.
 * - unknown: discovery, the InferencePool or the HTTPRoute read failed.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../snapshot/types';
import type { Check } from './types';
import { READS } from './lib/reads';
import { groupServed, lookup } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { objectRef, qualifiedName } from './lib/objects';

const ID = 'advanced_inference_ingress';
const POOL_READS = [READS.inferencepools, READS.inferencepoolsExperimental];

function routesToPools(routes: KubeObject[]): KubeObject[] {
  return routes.filter(r =>
    (r.spec?.rules ?? []).some((rule: any) =>
      (rule?.backendRefs ?? []).some((b: any) => b?.kind === 'InferencePool'),
    ),
  );
}

export const advancedInferenceIngressCheck: Check = {
  id: ID,
  reads: [...POOL_READS, READS.httproutes],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const served = POOL_READS.map(r => ({
      spec: r,
      g: groupServed(ctx, r.group),
    }));
    const errors = served.flatMap(s => (s.g.error ? [s.g.error] : []));
    const servedGroups = served.filter(s => s.g.served);
    if (!servedGroups.length) {
      if (errors.length)
        return unknownOutcome(
          errors,
          'whether the Inference Extension is installed',
          { remediation, links },
        );
      return outcome(
        'fail',
        'The Gateway API Inference Extension (InferencePool API) is not installed.',
        { remediation, links },
      );
    }
    const pools: KubeObject[] = [];
    for (const s of servedGroups) {
      const l = lookup(ctx, s.spec);
      if (l.state === 'failed') errors.push(l.error);
      else if (l.state === 'ok') pools.push(...l.items);
    }
    const routes = lookup(ctx, READS.httproutes);
    if (routes.state === 'failed') errors.push(routes.error);
    if (errors.length)
      return unknownOutcome(errors, 'whether InferencePools are in use', {
        remediation,
        links,
      });
    const evidence: Evidence[] = servedGroups.map(s => ({
      description: `InferencePool API ${s.spec.group} is served`,
      fields: { 'discovery.group': s.spec.group },
    }));
    evidence.push(
      ...pools.slice(0, 5).map(p => ({
        description: `InferencePool ${qualifiedName(p)}`,
        object: objectRef(
          p,
          `${servedGroups[0].spec.group}/v1`,
          'InferencePool',
        ),
      })),
    );
    const using = routes.state === 'ok' ? routesToPools(routes.items) : [];
    evidence.push(
      ...using.slice(0, 5).map(r => ({
        description: `HTTPRoute ${qualifiedName(r)} routes to an InferencePool`,
        object: objectRef(r, 'gateway.networking.k8s.io/v1', 'HTTPRoute'),
        fields: { 'spec.rules[].backendRefs[].kind': 'InferencePool' },
      })),
    );
    if (!pools.length) {
      return outcome(
        'partial',
        'The InferencePool API is installed but no InferencePool exists yet.',
        { evidence, remediation, links },
      );
    }
    if (!using.length) {
      return outcome(
        'partial',
        `${pools.length} InferencePool(s) exist but no HTTPRoute routes to one.`,
        { evidence, remediation, links },
      );
    }
    return outcome(
      'pass',
      `${pools.length} InferencePool(s) with ${using.length} HTTPRoute(s) routing to them through the Gateway API Inference Extension.`,
      { evidence, links },
    );
  },
};
