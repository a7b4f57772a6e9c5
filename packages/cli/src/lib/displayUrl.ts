/** `scheme://` then user information up to the last `@` of the authority. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;

/**
 * A URL, or a message with URLs in it, as the CLI prints it: without the
 * user name and password a URL may carry (`https://user:pass@host/x` →
 * `https://host/x`). Every URL the CLI writes goes through here.
 */
export function displayUrl(text: string): string {
  return text.replace(USERINFO, '$1');
}
