import type { AdmissionRule, KubeObject } from '../types';
import { StatusError, invalid } from './StatusError';

function valueAt(object: unknown, path: string): unknown {
  let cur: unknown = object;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur)
      ? cur[Number(part)]
      : (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Applies the scenario's validating-webhook rules; a denial throws the Status the webhook produces. */
export class AdmissionController {
  constructor(private readonly rules: AdmissionRule[]) {}

  admit(
    operation: 'CREATE' | 'UPDATE',
    group: string,
    resource: string,
    kind: string,
    object: KubeObject,
  ): void {
    for (const rule of this.rules) {
      if (rule.group !== group || rule.resource !== resource) continue;
      if (!(rule.operations ?? ['CREATE', 'UPDATE']).includes(operation))
        continue;
      const failures: Array<{ field: string; message: string }> = [];
      for (const check of rule.checks) {
        const value = valueAt(object, check.path);
        const present = value !== undefined && value !== null;
        const mustExist = check.mustExist ?? true;
        if (mustExist && !present)
          failures.push({ field: check.path, message: check.message });
        else if (!mustExist && check.oneOf === undefined && present)
          failures.push({ field: check.path, message: check.message });
        else if (present && check.oneOf && !check.oneOf.includes(value))
          failures.push({ field: check.path, message: check.message });
      }
      if (failures.length) {
        const error = invalid(
          kind,
          group,
          object.metadata.name,
          failures,
          `admission webhook "${rule.webhook}" denied the request: `,
        );
        if (rule.code && rule.code !== 422) {
          throw new StatusError(
            rule.code,
            error.message,
            undefined,
            error.details,
          );
        }
        throw error;
      }
    }
  }
}
