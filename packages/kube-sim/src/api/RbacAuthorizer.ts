import type { RbacRule } from '../types';
import { StatusError } from './StatusError';

/** What a request asks to do. */
export type RequestAttributes =
  | {
      resourceRequest: true;
      verb: string;
      group: string;
      resource: string;
      subresource?: string;
      name?: string;
      namespace?: string;
    }
  | { resourceRequest: false; verb: string; path: string };

const CLUSTER_ADMIN: RbacRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
];

/** What every authenticated user may do (system:basic-user, system:discovery, system:public-info-viewer). */
const BASIC: RbacRule[] = [
  {
    apiGroups: ['authorization.k8s.io'],
    resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
    verbs: ['create'],
  },
  {
    apiGroups: ['authentication.k8s.io'],
    resources: ['selfsubjectreviews'],
    verbs: ['create'],
  },
  {
    nonResourceURLs: [
      '/api',
      '/api/*',
      '/apis',
      '/apis/*',
      '/healthz',
      '/livez',
      '/openapi',
      '/openapi/*',
      '/readyz',
      '/version',
      '/version/',
    ],
    verbs: ['get'],
  },
];

function has(list: string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

function ruleAllows(rule: RbacRule, a: RequestAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.resourceRequest) {
    return (rule.nonResourceURLs ?? []).some(
      u =>
        u === '*' ||
        u === a.path ||
        (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))),
    );
  }
  if (rule.nonResourceURLs && !rule.resources) return false;
  if (!has(rule.apiGroups, a.group)) return false;
  const combined = a.subresource
    ? `${a.resource}/${a.subresource}`
    : a.resource;
  const resources = rule.resources ?? [];
  const resourceOk =
    resources.includes('*') ||
    resources.includes(combined) ||
    (a.subresource ? resources.includes(`*/${a.subresource}`) : false);
  if (!resourceOk) return false;
  return (
    !rule.resourceNames?.length ||
    (!!a.name && rule.resourceNames.includes(a.name))
  );
}

/** RBAC as the scenario states it: its rules (or cluster-admin when it has none) plus the basic user's. */
export class RbacAuthorizer {
  readonly rules: RbacRule[];

  constructor(rules: RbacRule[] | undefined, readonly username: string) {
    this.rules = [...(rules ?? CLUSTER_ADMIN), ...BASIC];
  }

  get isClusterAdmin(): boolean {
    return this.rules.some(
      r => has(r.verbs, '*') && has(r.apiGroups, '*') && has(r.resources, '*'),
    );
  }

  allows(a: RequestAttributes): boolean {
    return this.rules.some(r => ruleAllows(r, a));
  }

  /** The 403 kube-apiserver writes for a denied request. */
  forbidden(a: RequestAttributes): StatusError {
    const user = `User "${this.username}"`;
    if (!a.resourceRequest) {
      return new StatusError(
        403,
        `forbidden: ${user} cannot ${a.verb} path "${a.path}"`,
        'Forbidden',
        {},
      );
    }
    const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
    const subject = a.name ? `${qualified} "${a.name}"` : qualified;
    const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    const scope = a.namespace
      ? `in the namespace "${a.namespace}"`
      : 'at the cluster scope';
    return new StatusError(
      403,
      `${subject} is forbidden: ${user} cannot ${a.verb} resource "${res}" in API group "${a.group}" ${scope}`,
      'Forbidden',
      { ...(a.name ? { name: a.name } : {}), group: a.group, kind: a.resource },
    );
  }
}
