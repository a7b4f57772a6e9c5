import { GoogleApiError } from './GoogleApiError';

/** A fault injected into Container API requests. */
export interface ContainerApiFault {
  /** HTTP method to match (`POST`, `GET`, `DELETE`); omitted = any. */
  method?: string;
  /** Regex matched against the path, e.g. `/clusters$` or `/operations/`; omitted = any. */
  path?: string;
  /** Answer this error status (403, 409, 429, 500, 503...) in Google's JSON error shape. */
  status?: number;
  /** The error message (default: what the API says for that status). */
  message?: string;
  /** Delay before answering (with or without an error). */
  delayMs?: number;
  /**
   * The request is accepted but the operation it starts ends DONE with this error (and the
   * cluster or node pool in ERROR), e.g. `{ code: 8, message: 'GCE_STOCKOUT: ...' }`.
   */
  operationError?: { code?: number; message: string };
  /** The fault applies to the first this-many matching requests only. */
  times?: number;
}

/** What happens to one request. */
export interface ContainerApiFaultDecision {
  delayMs: number;
  error?: (permission: string, project: string) => GoogleApiError;
  operationError?: { code?: number; message: string };
}

function defaultMessage(status: number, permission: string, project: string) {
  switch (status) {
    case 403:
      return `Required "${permission}" permission(s) for "projects/${project}".`;
    case 409:
      return 'Already exists: the resource already exists.';
    case 429:
      return `Insufficient regional quota to satisfy request: resource "CPUS": request requires '24.0' and is short '16.0'. project has a quota of '8.0' with '8.0' available. View and manage quotas at https://console.cloud.google.com/iam-admin/quotas?usage=USED&project=${project}.`;
    case 500:
      return 'Internal error encountered.';
    case 503:
      return 'The service is currently unavailable.';
    case 504:
      return 'Deadline exceeded.';
    default:
      return `Injected error ${status}.`;
  }
}

/** The injected faults of the Container API double, matched in order. */
export class ContainerApiFaults {
  private faults: Array<{
    spec: ContainerApiFault;
    path?: RegExp;
    remaining?: number;
  }> = [];

  constructor(faults: ContainerApiFault[]) {
    this.set(faults);
  }

  set(faults: ContainerApiFault[]) {
    for (const f of faults) {
      if (
        f.status !== undefined &&
        !(Number.isInteger(f.status) && f.status >= 400 && f.status <= 599)
      )
        throw new Error(
          `status must be an error status (400-599), got ${f.status}`,
        );
      if (f.times !== undefined && !(Number.isInteger(f.times) && f.times > 0))
        throw new Error(
          `times must be a positive whole number, got ${f.times}`,
        );
    }
    this.faults = faults.map(spec => ({
      spec,
      path: spec.path ? new RegExp(spec.path) : undefined,
      remaining: spec.times,
    }));
  }

  decide(method: string, path: string): ContainerApiFaultDecision {
    const decision: ContainerApiFaultDecision = { delayMs: 0 };
    for (const fault of this.faults) {
      const { spec } = fault;
      if (spec.method && spec.method.toUpperCase() !== method.toUpperCase())
        continue;
      if (fault.path && !fault.path.test(path)) continue;
      // one error per request: later error faults keep their count
      if (
        (spec.status !== undefined || spec.operationError) &&
        (decision.error || decision.operationError)
      )
        continue;
      if (fault.remaining !== undefined) {
        if (fault.remaining <= 0) continue;
        fault.remaining--;
      }
      decision.delayMs += spec.delayMs ?? 0;
      if (spec.operationError && spec.status === undefined)
        decision.operationError = spec.operationError;
      if (spec.status !== undefined) {
        const status = spec.status;
        decision.error = (permission, project) =>
          new GoogleApiError(
            status,
            spec.message ?? defaultMessage(status, permission, project),
          );
      }
    }
    return decision;
  }
}
