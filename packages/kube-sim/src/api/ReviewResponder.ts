import type { KubeObject } from '../types';
import type { RbacAuthorizer } from './RbacAuthorizer';
import { badRequest } from './StatusError';

type ResourceAttributes = {
  namespace?: string;
  verb?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
};
type NonResourceAttributes = { path?: string; verb?: string };

/** Answers SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview from the scenario's RBAC. */
export class ReviewResponder {
  constructor(
    private readonly authorizer: RbacAuthorizer,
    private readonly groups: string[],
  ) {}

  handles(group: string, resource: string): boolean {
    return (
      (group === 'authorization.k8s.io' &&
        ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'].includes(
          resource,
        )) ||
      (group === 'authentication.k8s.io' && resource === 'selfsubjectreviews')
    );
  }

  respond(
    resource: string,
    body: KubeObject | undefined,
  ): Record<string, unknown> {
    if (resource === 'selfsubjectreviews') {
      return {
        kind: 'SelfSubjectReview',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { creationTimestamp: null },
        status: {
          userInfo: { username: this.authorizer.username, groups: this.groups },
        },
      };
    }
    const spec = (body?.spec ?? {}) as {
      resourceAttributes?: ResourceAttributes;
      nonResourceAttributes?: NonResourceAttributes;
      namespace?: string;
    };
    if (resource === 'selfsubjectrulesreviews') {
      return {
        kind: 'SelfSubjectRulesReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec,
        status: {
          resourceRules: this.authorizer.rules
            .filter(r => r.resources)
            .map(r => ({
              verbs: r.verbs,
              apiGroups: r.apiGroups ?? [''],
              resources: r.resources,
              ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
            })),
          nonResourceRules: this.authorizer.rules
            .filter(r => r.nonResourceURLs)
            .map(r => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
          incomplete: false,
        },
      };
    }
    let allowed: boolean;
    if (spec.resourceAttributes) {
      const a = spec.resourceAttributes;
      allowed = this.authorizer.allows({
        resourceRequest: true,
        verb: a.verb ?? '',
        group: a.group ?? '',
        resource: a.resource ?? '',
        subresource: a.subresource || undefined,
        name: a.name || undefined,
        namespace: a.namespace || undefined,
      });
    } else if (spec.nonResourceAttributes) {
      allowed = this.authorizer.allows({
        resourceRequest: false,
        verb: spec.nonResourceAttributes.verb ?? '',
        path: spec.nonResourceAttributes.path ?? '',
      });
    } else {
      throw badRequest(
        'SelfSubjectAccessReview "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
      );
    }
    return {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status: allowed
        ? {
            allowed: true,
            reason: `RBAC: allowed by ClusterRoleBinding "ai-conformance-checker" of ClusterRole "${
              this.authorizer.isClusterAdmin
                ? 'cluster-admin'
                : 'ai-conformance-reader'
            }" to User "${this.authorizer.username}"`,
          }
        : { allowed: false },
    };
  }
}
