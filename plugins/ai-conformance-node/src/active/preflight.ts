import pLimit from 'p-limit';
import { KubeOps } from './KubeOps';
import type { ActivePermission } from './types';

/** One verb on one resource in one place, as the preflight asks about it. */
export interface PermissionAsk {
  group: string;
  resource: string;
  subresource?: string;
  verb: string;
  namespace?: string;
}

/** "create pods in aic-run-1a2b3c4d", "list nodes (cluster-wide)". */
export function describeAsk(a: PermissionAsk): string {
  const res = `${a.resource}${a.subresource ? `/${a.subresource}` : ''}${
    a.group ? `.${a.group}` : ''
  }`;
  return `${a.verb} ${res} ${
    a.namespace ? `in ${a.namespace}` : '(cluster-wide)'
  }`;
}

/** The asks for a set of permissions: `run` scope in the given namespace. */
export function permissionAsks(
  permissions: ActivePermission[],
  namespace: string,
): PermissionAsk[] {
  const seen = new Map<string, PermissionAsk>();
  for (const p of permissions) {
    for (const verb of p.verbs) {
      const ask: PermissionAsk = {
        group: p.group,
        resource: p.resource,
        subresource: p.subresource,
        verb,
        namespace: p.scope === 'run' ? namespace : undefined,
      };
      seen.set(describeAsk(ask), ask);
    }
  }
  return [...seen.values()];
}

/**
 * Asks the API server (SelfSubjectAccessReview) about every verb an active
 * run needs. Returns what is missing, described; an ask that cannot be
 * answered counts as missing, with the reason.
 */
export async function preflightPermissions(
  kube: KubeOps,
  asks: PermissionAsk[],
): Promise<string[]> {
  const limit = pLimit(8);
  const missing = await Promise.all(
    asks.map(ask =>
      limit(async () => {
        const answer = await kube.call(
          'POST',
          '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          {
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: {
                resourceAttributes: {
                  group: ask.group,
                  resource: ask.resource,
                  subresource: ask.subresource,
                  verb: ask.verb,
                  namespace: ask.namespace,
                },
              },
            },
          },
        );
        if (answer.status !== 200 && answer.status !== 201) {
          return `${describeAsk(ask)} (access review failed: ${
            answer.message
          })`;
        }
        return answer.json?.status?.allowed === true
          ? undefined
          : describeAsk(ask);
      }),
    ),
  );
  return missing.filter((m): m is string => Boolean(m));
}
