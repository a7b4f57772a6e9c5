/** Small helpers over Kubernetes objects: conditions, references, readiness. */
import type {
  Evidence,
  ObjectReference,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../../snapshot/types';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** The condition of the given type in `status.conditions`, if any. */
export function getCondition(
  obj: KubeObject,
  type: string,
): Condition | undefined {
  const list = obj.status?.conditions;
  if (!Array.isArray(list)) return undefined;
  return list.find((c: Condition) => c?.type === type);
}

export function conditionIsTrue(obj: KubeObject, type: string): boolean {
  return getCondition(obj, type)?.status === 'True';
}

/** Evidence fields describing a condition, e.g. status.conditions[Available]: 'False'. */
export function conditionFields(
  obj: KubeObject,
  type: string,
): Record<string, string> {
  const c = getCondition(obj, type);
  if (!c) return { [`status.conditions[${type}]`]: 'absent' };
  const fields: Record<string, string> = {
    [`status.conditions[${type}]`]: c.status,
  };
  if (c.reason) fields[`status.conditions[${type}].reason`] = c.reason;
  if (c.message) fields[`status.conditions[${type}].message`] = c.message;
  return fields;
}

export function objectRef(
  obj: KubeObject,
  apiVersion: string,
  kind: string,
): ObjectReference {
  const ref: ObjectReference = {
    apiVersion: obj.apiVersion ?? apiVersion,
    kind: obj.kind ?? kind,
    name: obj.metadata.name,
  };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  return ref;
}

export function qualifiedName(obj: KubeObject): string {
  return obj.metadata.namespace
    ? `${obj.metadata.namespace}/${obj.metadata.name}`
    : obj.metadata.name;
}

/** A Deployment is available when its Available condition is True and a replica is ready. */
export function deploymentAvailable(d: KubeObject): boolean {
  const available = Number(d.status?.availableReplicas ?? 0);
  const cond = getCondition(d, 'Available');
  if (cond) return cond.status === 'True' && available > 0;
  return available > 0;
}

export function deploymentEvidence(d: KubeObject, what: string): Evidence {
  const fields: Record<string, string | number> = {
    'spec.replicas': Number(d.spec?.replicas ?? 1),
    'status.availableReplicas': Number(d.status?.availableReplicas ?? 0),
  };
  const cond = getCondition(d, 'Available');
  if (cond) fields['status.conditions[Available]'] = cond.status;
  return {
    description: `${what}: Deployment ${qualifiedName(d)} ${
      deploymentAvailable(d) ? 'is available' : 'is not available'
    }`,
    object: objectRef(d, 'apps/v1', 'Deployment'),
    fields,
  };
}

/** A DaemonSet is healthy when it runs somewhere and every scheduled pod is ready. */
export function daemonSetReady(ds: KubeObject): boolean {
  const desired = Number(ds.status?.desiredNumberScheduled ?? 0);
  const ready = Number(ds.status?.numberReady ?? 0);
  return desired > 0 && ready >= desired;
}

export function daemonSetEvidence(ds: KubeObject, what: string): Evidence {
  const desired = Number(ds.status?.desiredNumberScheduled ?? 0);
  const ready = Number(ds.status?.numberReady ?? 0);
  return {
    description: `${what}: DaemonSet ${qualifiedName(
      ds,
    )} has ${ready}/${desired} pods ready`,
    object: objectRef(ds, 'apps/v1', 'DaemonSet'),
    fields: {
      'status.desiredNumberScheduled': desired,
      'status.numberReady': ready,
    },
  };
}

/** CRDs of an API group from a CRD list. */
export function crdsOfGroup(crds: KubeObject[], group: string): KubeObject[] {
  return crds.filter(c => c.spec?.group === group);
}

export function crdEstablished(crd: KubeObject): boolean {
  return conditionIsTrue(crd, 'Established');
}
