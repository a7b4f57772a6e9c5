/** Returns undefined when the URL answers, else the reason it does not. */
export type UrlChecker = (url: string) => Promise<string | undefined>;

const USER_AGENT =
  'ai-conformance-validate (+https://github.com/cncf/k8s-ai-conformance)';

/**
 * Checks reachability the way the CNCF validator does: HEAD first, then GET;
 * any status below 400, or 429, counts as reachable.
 */
export function createUrlChecker(timeoutMs = 15_000): UrlChecker {
  const cache = new Map<string, Promise<string | undefined>>();
  const request = async (url: string, method: string) =>
    fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'User-Agent': USER_AGENT,
        Accept:
          'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      },
    });
  const ok = (status: number) => status < 400 || status === 429;
  const check = async (url: string): Promise<string | undefined> => {
    try {
      const head = await request(url, 'HEAD');
      if (ok(head.status)) return undefined;
    } catch {
      // fall through to GET
    }
    try {
      const res = await request(url, 'GET');
      await res.body?.cancel();
      return ok(res.status) ? undefined : `status code ${res.status}`;
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      return err.cause?.code ?? err.message;
    }
  };
  return url => {
    let p = cache.get(url);
    if (!p) {
      p = check(url);
      cache.set(url, p);
    }
    return p;
  };
}
