import { StatusError, badRequest } from './StatusError';

/** What a continue token carries. */
export interface ContinuePosition {
  rv: number;
  /** Position in the collection to resume from. */
  start: number;
  /** Issue time (ms). */
  at: number;
  /** Generation of the issuing cluster's token epoch. */
  epoch: number;
}

export const EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** Encodes a position as kube-apiserver does: base64 of a small JSON document. */
export function encodeContinue(position: ContinuePosition): string {
  return Buffer.from(
    JSON.stringify({
      v: 'meta.k8s.io/v1',
      rv: position.rv,
      start: position.start,
      at: position.at,
      e: position.epoch,
    }),
  ).toString('base64url');
}

/** Decodes a token; 400 when unreadable, 410 Gone when older than the TTL or the epoch. */
export function decodeContinue(
  token: string,
  ttlMs: number,
  epoch: number,
): ContinuePosition {
  let parsed: {
    v?: string;
    rv?: number;
    start?: number;
    at?: number;
    e?: number;
  };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(`continue key is not valid: illegal base64 data`);
  }
  if (
    parsed?.v !== 'meta.k8s.io/v1' ||
    typeof parsed.start !== 'number' ||
    typeof parsed.at !== 'number'
  ) {
    throw badRequest(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  if (Date.now() - parsed.at > ttlMs || (parsed.e ?? 0) < epoch) {
    throw new StatusError(410, EXPIRED_MESSAGE, 'Expired');
  }
  return {
    rv: parsed.rv ?? 0,
    start: parsed.start,
    at: parsed.at,
    epoch: parsed.e ?? 0,
  };
}
