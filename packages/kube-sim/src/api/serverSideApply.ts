import type { KubeObject } from '../types';
import { mergePatch } from './applyPatch';
import { StatusError, invalid } from './StatusError';

type Path = string[];
type FieldsV1 = Record<string, unknown>;

/** One entry of `metadata.managedFields`. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType?: 'FieldsV1';
  fieldsV1?: FieldsV1;
  subresource?: string;
}

const SYSTEM_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The leaf fields an applied configuration sets (lists are atomic). */
function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (!isMap(value) || (prefix.length && !Object.keys(value).length))
    return prefix.length ? [prefix] : [];
  const out: Path[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!prefix.length && ['apiVersion', 'kind', 'status'].includes(key))
      continue;
    if (
      prefix.length === 1 &&
      prefix[0] === 'metadata' &&
      SYSTEM_METADATA.has(key)
    )
      continue;
    out.push(...leafPaths(v, [...prefix, key]));
  }
  return out;
}

function toFieldsV1(paths: Path[]): FieldsV1 {
  const root: FieldsV1 = {};
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      const k = `f:${key}`;
      node[k] = (node[k] as FieldsV1) ?? {};
      node = node[k] as FieldsV1;
    }
  }
  return root;
}

function fromFieldsV1(fields: unknown, prefix: Path = []): Path[] {
  if (!isMap(fields)) return [];
  const keys = Object.keys(fields).filter(k => k.startsWith('f:'));
  if (!keys.length) return prefix.length ? [prefix] : [];
  return keys.flatMap(k => fromFieldsV1(fields[k], [...prefix, k.slice(2)]));
}

function valueAt(o: unknown, path: Path): unknown {
  let node = o;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    node = node[key];
  }
  return node;
}

function removeAt(o: Record<string, unknown>, path: Path) {
  let node: unknown = o;
  for (const key of path.slice(0, -1)) {
    if (!isMap(node)) return;
    node = node[key];
  }
  if (isMap(node)) delete node[path[path.length - 1]];
}

const key = (p: Path) => JSON.stringify(p);
const dotted = (p: Path) => `.${p.join('.')}`;

/**
 * Checks the options of a PATCH as kube-apiserver does: `fieldManager` is required for apply,
 * `force` is only for apply.
 */
export function checkPatchOptions(isApply: boolean, query: URLSearchParams) {
  if (isApply && !query.get('fieldManager'))
    throw invalid('PatchOptions', 'meta.k8s.io', '', [
      {
        field: 'fieldManager',
        message: 'Required value: is required for apply patch',
      },
    ]);
  if (!isApply && query.has('force'))
    throw invalid('PatchOptions', 'meta.k8s.io', '', [
      {
        field: 'force',
        message: 'Forbidden: may not be specified for non-apply patch',
        reason: 'FieldValueForbidden',
      },
    ]);
}

/**
 * Server-side apply of `applied` by `manager` over `current`: the fields it sets that another
 * manager owns with a different value are conflicts (`409`, unless `force` takes them over); the
 * fields this manager applied before and no longer sets are removed unless another manager owns
 * them; `metadata.managedFields` records who owns what (lists are owned as a whole).
 */
export function serverSideApply(
  current: KubeObject | undefined,
  applied: KubeObject,
  manager: string,
  force: boolean,
  apiVersion: string,
): KubeObject {
  const entries = (current?.metadata.managedFields ??
    []) as ManagedFieldsEntry[];
  const paths = leafPaths(applied);
  const wanted = new Set(paths.map(key));
  const conflicts: Array<{ manager: string; apiVersion?: string; path: Path }> =
    [];
  for (const e of entries) {
    if (e.manager === manager && e.operation === 'Apply') continue;
    for (const p of fromFieldsV1(e.fieldsV1)) {
      if (!wanted.has(key(p))) continue;
      if (
        JSON.stringify(valueAt(current, p)) !==
        JSON.stringify(valueAt(applied, p))
      )
        conflicts.push({
          manager: e.manager,
          apiVersion: e.apiVersion,
          path: p,
        });
    }
  }
  if (conflicts.length && !force) {
    const n = conflicts.length;
    const text = conflicts
      .map(
        c =>
          `conflict with "${c.manager}"${
            c.apiVersion ? ` using ${c.apiVersion}` : ''
          }: ${dotted(c.path)}`,
      )
      .join('\n- ');
    throw new StatusError(
      409,
      n === 1
        ? `Apply failed with 1 conflict: ${text}`
        : `Apply failed with ${n} conflicts: \n- ${text}`,
      'Conflict',
      {
        causes: conflicts.map(c => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}"${
            c.apiVersion ? ` using ${c.apiVersion}` : ''
          }`,
          field: dotted(c.path),
        })),
      },
    );
  }
  // a forced conflict moves the field to this manager; an equal value is owned by both
  const taken = new Set(conflicts.map(c => `${c.manager}\n${key(c.path)}`));
  const others = entries
    .filter(e => !(e.manager === manager && e.operation === 'Apply'))
    .map(e => ({
      ...e,
      fieldsV1: toFieldsV1(
        fromFieldsV1(e.fieldsV1).filter(
          p => !taken.has(`${e.manager}\n${key(p)}`),
        ),
      ),
    }))
    .filter(e => Object.keys(e.fieldsV1).length);
  const ownedByOthers = new Set(
    others.flatMap(e => fromFieldsV1(e.fieldsV1)).map(key),
  );
  const mine = entries.find(
    e => e.manager === manager && e.operation === 'Apply',
  );
  const merged = mergePatch(current ?? {}, applied) as KubeObject;
  for (const p of fromFieldsV1(mine?.fieldsV1))
    if (!wanted.has(key(p)) && !ownedByOthers.has(key(p))) removeAt(merged, p);
  merged.metadata = {
    ...merged.metadata,
    managedFields: [
      ...others,
      {
        manager,
        operation: 'Apply',
        apiVersion,
        time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        fieldsType: 'FieldsV1',
        fieldsV1: toFieldsV1(paths),
      },
    ],
  };
  return merged;
}
