import type { KubeObject } from '../types';
import { badRequest } from './StatusError';

/** A parsed field selector. */
export type FieldMatcher = (object: KubeObject) => boolean;

const COMMON = ['metadata.name', 'metadata.namespace'];
const EXTRA: Record<string, string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  nodes: ['spec.unschedulable'],
  events: [
    'involvedObject.kind',
    'involvedObject.name',
    'involvedObject.namespace',
    'involvedObject.uid',
    'reason',
    'type',
    'source',
  ],
  namespaces: ['status.phase'],
  secrets: ['type'],
  jobs: ['status.successful'],
  replicasets: ['status.replicas'],
};

function valueAt(object: KubeObject, path: string): string {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[part];
  }
  if (current === undefined || current === null)
    return path === 'spec.unschedulable' || path === 'spec.hostNetwork'
      ? 'false'
      : '';
  return String(current);
}

/** Parses a `fieldSelector` for a resource (`=`, `==`, `!=`). */
export function parseFieldSelector(
  text: string | undefined,
  resource: string,
): FieldMatcher {
  if (!text || !text.trim()) return () => true;
  const allowed = [...COMMON, ...(EXTRA[resource] ?? [])];
  const terms = text.split(',').map(term => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m)
      throw badRequest(
        `invalid selector: '${text}'; can't understand '${term}'`,
      );
    if (!allowed.includes(m[1]))
      throw badRequest(`field label not supported: ${m[1]}`);
    return { path: m[1], negate: m[2] === '!=', value: m[3] };
  });
  return object =>
    terms.every(t => (valueAt(object, t.path) === t.value) !== t.negate);
}
