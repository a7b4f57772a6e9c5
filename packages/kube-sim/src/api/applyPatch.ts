import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../types';
import { StatusError, badRequest } from './StatusError';

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
    return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

function unescape(token: string) {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** RFC 6902 JSON patch (add, remove, replace, test). */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw badRequest(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  const doc = structuredClone(target) as Record<string, unknown>;
  for (const op of ops as Array<{
    op: string;
    path: string;
    value?: unknown;
  }>) {
    const parts = op.path.split('/').slice(1).map(unescape);
    const last = parts.pop();
    let parent: any = doc;
    for (const p of parts) {
      if (parent === null || typeof parent !== 'object' || !(p in parent)) {
        throw new StatusError(
          422,
          `the server rejected our request due to an error in our request: doc is missing path: "${op.path}"`,
          'Invalid',
        );
      }
      parent = parent[p];
    }
    if (last === undefined)
      throw badRequest('json patch path must not be empty');
    let key: string | number = last;
    if (Array.isArray(parent))
      key = last === '-' ? parent.length : Number(last);
    switch (op.op) {
      case 'add':
        if (Array.isArray(parent)) parent.splice(key as number, 0, op.value);
        else parent[key] = op.value;
        break;
      case 'replace':
        if (!(key in parent))
          throw new StatusError(
            422,
            `the server rejected our request due to an error in our request: replace operation does not apply: doc is missing key: ${op.path}`,
            'Invalid',
          );
        parent[key] = op.value;
        break;
      case 'remove':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 'test':
        if (JSON.stringify(parent[key]) !== JSON.stringify(op.value))
          throw new StatusError(
            422,
            `the server rejected our request due to an error in our request: testing value ${op.path} failed`,
            'Invalid',
          );
        break;
      default:
        throw badRequest(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}

/** Applies a PATCH body of the given content type; returns the patched object. */
export function applyPatch(
  current: KubeObject | undefined,
  contentType: string,
  body: Buffer,
): KubeObject {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const text = body.toString('utf8');
  let patch: unknown;
  try {
    patch =
      type === 'application/apply-patch+yaml'
        ? parseYaml(text)
        : JSON.parse(text);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message}`);
  }
  switch (type) {
    case 'application/merge-patch+json':
    case 'application/strategic-merge-patch+json':
    case 'application/apply-patch+yaml':
      return mergePatch(current ?? {}, patch) as KubeObject;
    case 'application/json-patch+json':
      return jsonPatch(current ?? {}, patch) as KubeObject;
    default:
      throw new StatusError(
        415,
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
        'UnsupportedMediaType',
      );
  }
}
