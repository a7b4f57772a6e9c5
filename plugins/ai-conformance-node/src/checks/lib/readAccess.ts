/**
 * Turns raw read results and discovery into three answers a check can act
 * on: the objects, "not installed" (the API group is not served), or "could
 * not look" (forbidden, unavailable, timeout, discovery failure).
 */
import type { EvaluationError } from '@ai-conformance/plugin-ai-conformance-common';
import type { CheckContext } from '../types';
import type { KubeObject, ReadSpec } from '../../snapshot/types';
import { rbacHint } from './reads';

export type Lookup =
  | { state: 'ok'; items: KubeObject[] }
  | { state: 'absent'; reason: string }
  | { state: 'failed'; error: EvaluationError };

/** Why discovery could not answer at all, if it could not. */
export function discoveryError(ctx: CheckContext): EvaluationError | undefined {
  const d = ctx.snapshot.discovery;
  if (d.outcome === 'ok') return undefined;
  return {
    read: 'API discovery (/api, /apis)',
    outcome: d.outcome,
    message: d.message ?? `API discovery ended with outcome "${d.outcome}"`,
    hint:
      d.outcome === 'forbidden'
        ? 'needs get on the discovery endpoints /api and /apis (granted to authenticated users by system:discovery)'
        : undefined,
  };
}

/** Why discovery of one API group failed (e.g. 503 from a down APIService). */
export function groupDiscoveryError(
  ctx: CheckContext,
  group: string,
): EvaluationError | undefined {
  const failure = ctx.snapshot.discovery.failures.find(
    f => f.groupVersion === group || f.groupVersion.startsWith(`${group}/`),
  );
  if (!failure) return undefined;
  return {
    read: `discovery of ${failure.groupVersion}`,
    outcome: failure.outcome,
    message: failure.message,
    hint:
      failure.httpStatus === 503
        ? 'the aggregated API behind this group is not available'
        : undefined,
  };
}

/**
 * Is the group served? 'yes' | 'no', or an error when discovery (overall
 * or for this group) failed so the answer is not known.
 */
export function groupServed(
  ctx: CheckContext,
  group: string,
): { served: boolean; error?: EvaluationError } {
  const overall = discoveryError(ctx);
  if (overall) return { served: false, error: overall };
  if (ctx.served(group)) return { served: true };
  const failed = groupDiscoveryError(ctx, group);
  if (failed) return { served: false, error: failed };
  return { served: false };
}

function readError(ctx: CheckContext, spec: ReadSpec): EvaluationError {
  const r = ctx.read(spec.key);
  return {
    read: r.request || spec.key,
    outcome: r.outcome,
    message:
      r.message ??
      `${r.request || spec.key} ended with outcome "${r.outcome}"${
        r.httpStatus ? ` (HTTP ${r.httpStatus})` : ''
      }`,
    hint: r.outcome === 'forbidden' ? rbacHint(spec) : undefined,
  };
}

/** The objects of a declared read, or why there are none. */
export function lookup(ctx: CheckContext, spec: ReadSpec): Lookup {
  if (spec.group !== '' && !isBuiltInGroup(spec.group)) {
    const g = groupServed(ctx, spec.group);
    if (g.error) return { state: 'failed', error: g.error };
    if (!g.served) {
      return {
        state: 'absent',
        reason: `API group ${spec.group} is not served`,
      };
    }
  }
  const r = ctx.read(spec.key);
  if (r.outcome === 'ok') {
    return { state: 'ok', items: r.items ?? (r.object ? [r.object] : []) };
  }
  if (r.outcome === 'notFound') {
    return {
      state: 'absent',
      reason: spec.name
        ? `${spec.resource} ${spec.namespace ? `${spec.namespace}/` : ''}${
            spec.name
          } does not exist`
        : `${spec.resource} is not served`,
    };
  }
  return { state: 'failed', error: readError(ctx, spec) };
}

const BUILT_IN = new Set([
  'apps',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'admissionregistration.k8s.io',
  'node.k8s.io',
]);

function isBuiltInGroup(group: string): boolean {
  return BUILT_IN.has(group);
}
