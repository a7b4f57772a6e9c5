import { InputError } from '@backstage/errors';
import type { ReadSpec } from '../snapshot/types';

/** Resources the collector refuses to read, whoever asks. */
export const FORBIDDEN_RESOURCES: ReadonlyArray<{
  group: string;
  resource: string;
}> = [{ group: '', resource: 'secrets' }];

/** @public */
export function isForbiddenResource(
  spec: Pick<ReadSpec, 'group' | 'resource'>,
): boolean {
  return FORBIDDEN_RESOURCES.some(
    f => f.group === spec.group && f.resource === spec.resource.toLowerCase(),
  );
}

function sameTarget(a: ReadSpec, b: ReadSpec): boolean {
  return (
    a.group === b.group &&
    a.version === b.version &&
    a.resource === b.resource &&
    (a.namespace ?? '') === (b.namespace ?? '') &&
    (a.name ?? '') === (b.name ?? '') &&
    (a.labelSelector ?? '') === (b.labelSelector ?? '') &&
    (a.fieldSelector ?? '') === (b.fieldSelector ?? '')
  );
}

/**
 * Merges the reads declared by checks and the engine into one list, one
 * entry per key. Two declarations of a key must name the same objects; if
 * one needs full objects and the other only metadata, full objects are read.
 * Throws InputError when one key names two different reads.
 *
 * @public
 */
export function planReads(specs: Iterable<ReadSpec>): ReadSpec[] {
  const byKey = new Map<string, ReadSpec>();
  for (const spec of specs) {
    const existing = byKey.get(spec.key);
    if (!existing) {
      byKey.set(spec.key, { ...spec });
      continue;
    }
    if (!sameTarget(existing, spec)) {
      throw new InputError(
        `Read key "${spec.key}" is declared for two different reads (${existing.group}/${existing.resource} and ${spec.group}/${spec.resource})`,
      );
    }
    if (existing.metadataOnly && !spec.metadataOnly) {
      existing.metadataOnly = false;
    }
  }
  return [...byKey.values()];
}

/**
 * Human-readable request, e.g. "list apiextensions.k8s.io/v1 customresourcedefinitions".
 *
 * @public
 */
export function describeRead(spec: ReadSpec, version?: string): string {
  const v = version ?? spec.version;
  const gv = spec.group ? `${spec.group}/${v}` : v;
  const verb = spec.name ? 'get' : 'list';
  const target = spec.name
    ? `${spec.resource} ${spec.namespace ? `${spec.namespace}/` : ''}${
        spec.name
      }`
    : `${spec.resource}${spec.namespace ? ` in ${spec.namespace}` : ''}`;
  const selectors = [spec.labelSelector, spec.fieldSelector]
    .filter(Boolean)
    .join(',');
  return `${verb} ${gv} ${target}${selectors ? ` (${selectors})` : ''}${
    spec.metadataOnly ? ' [metadata]' : ''
  }`;
}

/**
 * Path of a read, e.g. /apis/apps/v1/namespaces/x/deployments/y.
 *
 * @public
 */
export function readPath(spec: ReadSpec, version: string): string {
  const base = spec.group
    ? `/apis/${spec.group}/${version}`
    : `/api/${version}`;
  const ns = spec.namespace
    ? `/namespaces/${encodeURIComponent(spec.namespace)}`
    : '';
  const name = spec.name ? `/${encodeURIComponent(spec.name)}` : '';
  return `${base}${ns}/${spec.resource}${name}`;
}
