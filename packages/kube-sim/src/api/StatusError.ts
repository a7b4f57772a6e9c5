const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** Status details, as kube-apiserver fills them. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: Array<{ reason: string; message: string; field?: string }>;
  retryAfterSeconds?: number;
}

/** An error answered with a `kind: Status` body. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string = REASONS[code] ?? 'Unknown',
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'StatusError';
  }

  toStatus(): Record<string, unknown> {
    return statusBody(this.code, this.message, this.reason, this.details);
  }
}

/** A `kind: Status` failure body. */
export function statusBody(
  code: number,
  message: string,
  reason: string = REASONS[code] ?? 'Unknown',
  details?: StatusDetails,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** `pods "x" not found` */
export function notFound(
  resource: string,
  group: string,
  name: string,
): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(404, `${qualified} "${name}" not found`, 'NotFound', {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

/** The 404 of a path nothing serves. */
export function pathNotFound(): StatusError {
  return new StatusError(
    404,
    'the server could not find the requested resource',
    'NotFound',
    {},
  );
}

/** `pods "x" already exists` */
export function alreadyExists(
  resource: string,
  group: string,
  name: string,
): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(
    409,
    `${qualified} "${name}" already exists`,
    'AlreadyExists',
    {
      name,
      ...(group ? { group } : {}),
      kind: resource,
    },
  );
}

/** The 409 of an update with a stale resourceVersion. */
export function conflict(
  resource: string,
  group: string,
  name: string,
): StatusError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new StatusError(
    409,
    `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    'Conflict',
    { name, ...(group ? { group } : {}), kind: resource },
  );
}

/** The 422 of an invalid object. */
export function invalid(
  kind: string,
  group: string,
  name: string,
  causes: Array<{ field: string; message: string; reason?: string }>,
  prefix = '',
): StatusError {
  const qualified = group ? `${kind}.${group}` : kind;
  const text = causes.map(c => `${c.field}: ${c.message}`).join(', ');
  const summary = causes.length > 1 ? `[${text}]` : text;
  return new StatusError(
    422,
    `${prefix}${qualified} "${name}" is invalid: ${summary}`,
    'Invalid',
    {
      name,
      ...(group ? { group } : {}),
      kind,
      causes: causes.map(c => ({
        reason:
          c.reason ??
          (c.message.startsWith('Required')
            ? 'FieldValueRequired'
            : 'FieldValueInvalid'),
        message: c.message,
        field: c.field,
      })),
    },
  );
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, message, 'BadRequest');
}
