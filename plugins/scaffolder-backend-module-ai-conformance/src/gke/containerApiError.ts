import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** The roles the backend's service account needs for the gke-api delivery. */
export const GKE_API_ROLES =
  'roles/container.admin (or roles/container.clusterAdmin) and roles/iam.serviceAccountUser';

/** gRPC status codes, as the client reports Container API errors. */
const CODES: Record<string, number> = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNAUTHENTICATED: 16,
};

/** HTTP statuses of Google's JSON errors, for errors that carry those. */
const HTTP_TO_CODE: Record<number, number> = {
  400: CODES.INVALID_ARGUMENT,
  401: CODES.UNAUTHENTICATED,
  403: CODES.PERMISSION_DENIED,
  404: CODES.NOT_FOUND,
  409: CODES.ALREADY_EXISTS,
  429: CODES.RESOURCE_EXHAUSTED,
};

/** The gRPC code of a client error (numeric, string or HTTP status). */
export function grpcCodeOf(error: unknown): number | undefined {
  const e = error as { code?: unknown; status?: unknown };
  if (typeof e?.code === 'number') {
    return e.code >= 100 ? HTTP_TO_CODE[e.code] ?? e.code : e.code;
  }
  if (typeof e?.code === 'string' && e.code in CODES) return CODES[e.code];
  if (typeof e?.status === 'string' && e.status in CODES) {
    return CODES[e.status];
  }
  return undefined;
}

/** Messages of the client quote the server's message after `code STATUS:`. */
function messageOf(error: unknown): string {
  const raw = String((error as Error)?.message ?? error ?? 'unknown error');
  // Never echo anything that looks like a bearer token.
  return raw
    .replace(/Bearer\s+[\w.~+/=-]+/gi, 'Bearer [redacted]')
    .slice(0, 500);
}

/**
 * Turns a Container API error into a task error that says what to do:
 * permissions (403/401), quota (429), an existing cluster (409), bad
 * requests (400), a missing project (404), and everything else as a
 * temporary failure worth a retry.
 */
export function toContainerApiTaskError(
  error: unknown,
  where: { action: string; projectId: string; region: string },
): Error {
  const code = grpcCodeOf(error);
  const message = messageOf(error);
  const place = `project ${where.projectId}, region ${where.region}`;
  if (
    code === undefined &&
    /default credentials|ENOENT|key ?file/i.test(message)
  ) {
    return new NotAllowedError(
      `The backend has no usable Google credentials to ${where.action} (${message}). Set aiConformance.gke.containerApi.keyFile to a service-account key with ${GKE_API_ROLES}, or give the backend host Application Default Credentials; or choose another delivery.`,
    );
  }
  switch (code) {
    case CODES.PERMISSION_DENIED:
      return new NotAllowedError(
        `The Container API refused to ${where.action} in ${place} (permission denied: ${message}). Grant the backend's Google service account ${GKE_API_ROLES} on the project, then retry the task.`,
      );
    case CODES.UNAUTHENTICATED:
      return new NotAllowedError(
        `The Container API did not accept the backend's Google credentials (${message}). Check aiConformance.gke.containerApi.keyFile or the Application Default Credentials of the backend host, then retry the task.`,
      );
    case CODES.RESOURCE_EXHAUSTED:
      return new ServiceUnavailableError(
        `Quota exhausted in ${place} while trying to ${where.action} (${message}). Request a higher quota for the named resource (Google Cloud console, IAM & Admin > Quotas), or choose a smaller GPU pool or another region, then retry the task; an existing cluster is reused.`,
      );
    case CODES.ALREADY_EXISTS:
      return new ConflictError(
        `The Container API says the cluster already exists in ${place} (${message}); retry the task to reuse it, or choose another name.`,
      );
    case CODES.INVALID_ARGUMENT:
    case CODES.FAILED_PRECONDITION:
      return new InputError(
        `The Container API rejected the request to ${where.action} in ${place}: ${message}`,
      );
    case CODES.NOT_FOUND:
      return new NotFoundError(
        `The Container API found no ${place} (${message}); check the project id and region, and that the Kubernetes Engine API is enabled in the project.`,
      );
    default:
      return new ServiceUnavailableError(
        `The Container API failed to ${where.action} in ${place} (${message}). This is usually temporary: retry the task in a few minutes; an existing cluster is reused.`,
      );
  }
}
