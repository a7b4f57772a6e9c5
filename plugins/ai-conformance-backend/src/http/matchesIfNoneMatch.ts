/**
 * Whether a request's `If-None-Match` names the current entity tag (weak
 * comparison, RFC 9110 §13.1.2). A request's `Cache-Control: no-cache` is
 * meant for caches on the way, not for the origin, so unlike Express's
 * `req.fresh` it does not turn the answer into a full one (Node's fetch
 * sends it with every conditional request).
 */
export function matchesIfNoneMatch(
  header: string | undefined,
  etag: string,
): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const current = opaque(etag);
  return header
    .split(',')
    .some(tag => tag.trim() === '*' || opaque(tag) === current);
}
