/** True for a 403 answer or a NotAllowedError. */
export function isForbidden(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { name?: string; statusCode?: number; body?: any };
  return (
    e.statusCode === 403 ||
    e.name === 'NotAllowedError' ||
    e.body?.error?.name === 'NotAllowedError'
  );
}
