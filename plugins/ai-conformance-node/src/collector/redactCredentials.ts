/** What replaces a credential. */
export const REDACTED = '[redacted]';

/**
 * Credential shapes, in the order they are replaced. A server, proxy or
 * debugging endpoint may echo the request's headers in an error body; these
 * catch the credentials that reach an API server or a metrics source.
 */
const PATTERNS: Array<[RegExp, string]> = [
  // PEM blocks (keys, certificates), also when cut off before their END line.
  [
    /-----BEGIN [A-Z0-9 ]{1,64}-----[\s\S]*?(?:-----END [A-Z0-9 ]{1,64}-----|$)/g,
    `${REDACTED} PEM block`,
  ],
  // Header echoes: `Authorization: …`, `"authorization": "…"`,
  // `Proxy-Authorization=…`, cookies; the whole value up to the line end.
  [
    /((?:proxy-)?authorization|cookie|x-api-key)(["']?\s*[:=]\s*\[?\s*["']?)[^\r\n"']*/gi,
    `$1$2${REDACTED}`,
  ],
  // Bearer and Basic credentials anywhere else.
  [/\b(bearer)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${REDACTED}`],
  [/\b(basic)(\s+)[A-Za-z0-9+/]{8,}={0,2}/gi, `$1$2${REDACTED}`],
  // Google OAuth access tokens and EKS (aws-iam-authenticator) tokens.
  [/\bya29\.[A-Za-z0-9._-]+/g, REDACTED],
  [/\bk8s-aws-v1\.[A-Za-z0-9_-]+/g, REDACTED],
  // JWTs: three base64url parts, the header a JSON object (`eyJ` = `{"`).
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
];

/**
 * Replaces the credentials found in a text that came from a server (an error
 * body, a status message): bearer tokens, `Basic` credentials, Google
 * `ya29.` and EKS `k8s-aws-v1.` tokens, JWTs, PEM blocks and echoed
 * `Authorization` / `Cookie` headers. Every message made from a response
 * passes through here.
 *
 * @public
 */
export function redactCredentials(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) {
    out = out.replace(pattern, replacement);
  }
  return out;
}
