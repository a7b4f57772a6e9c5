/** The canonical status names of HTTP codes, as Google APIs put them in `error.status`. */
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The `status` name Google APIs give an HTTP code. */
export function statusNameOf(code: number): string {
  if (STATUS_NAMES[code]) return STATUS_NAMES[code];
  if (code >= 500) return 'INTERNAL';
  return code >= 400 ? 'FAILED_PRECONDITION' : 'OK';
}

/** An error answered in Google's JSON error shape: `{ error: { code, message, status } }`. */
export class GoogleApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status: string = statusNameOf(code),
  ) {
    super(message);
  }

  body(): { error: { code: number; message: string; status: string } } {
    return {
      error: { code: this.code, message: this.message, status: this.status },
    };
  }
}

export function invalidArgument(message: string) {
  return new GoogleApiError(400, message);
}

export function notFound(message: string) {
  return new GoogleApiError(404, `Not found: ${message}.`);
}

export function alreadyExists(message: string) {
  return new GoogleApiError(409, `Already exists: ${message}.`);
}
