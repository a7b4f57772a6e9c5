import { redactCredentials } from './redactCredentials';
import { statusMessage } from './responseOutcome';

// Shapes only: none of these is a live credential.
const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IkFCQyJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2lnbmF0dXJlLWJ5dGVz_-x';
const YA29 = 'ya29.a0AfB_byC-EXAMPLE_token_0123456789abcdefghij';
const BASIC = Buffer.from('admin:s3cr3t-passw0rd').toString('base64');
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA1c2Vjcm0ta2V5LWJ5dGVzLWhlcmU=',
  'bW9yZS1rZXktYnl0ZXM=',
  '-----END RSA PRIVATE KEY-----',
].join('\n');
const SECRETS = [
  JWT,
  YA29,
  BASIC,
  'MIIEowIBAAKCAQEA1c2Vjcm0ta2V5LWJ5dGVzLWhlcmU',
  'ksim.OPAQUE-token_value',
];

const leaks = (text: string) => SECRETS.filter(s => text.includes(s));

describe('redactCredentials', () => {
  it.each([
    ['a bearer token', `token rejected: Bearer ${JWT}`],
    ['an opaque bearer token', 'bearer ksim.OPAQUE-token_value was used'],
    ['Basic credentials', `WWW-Authenticate failed for Basic ${BASIC}`],
    ['a ya29. token', `invalid_grant ${YA29} expired`],
    ['a bare JWT', `service account token ${JWT} is invalid`],
    ['a PEM block', `bad key:\n${PEM}\nend`],
    ['a PEM block cut off', PEM.slice(0, 70)],
    [
      'an echoed Authorization header',
      'GET /api HTTP/1.1\r\nAuthorization: ksim.OPAQUE-token_value\r\nHost: x',
    ],
    [
      'an echoed header map in JSON',
      `{"headers":{"authorization":["Bearer ${JWT}"],"accept":"*/*"}}`,
    ],
    ['a proxy-authorization header', `Proxy-Authorization: Basic ${BASIC}`],
  ])('replaces %s', (_what, text) => {
    const out = redactCredentials(text);
    expect(leaks(out)).toEqual([]);
    expect(out).toContain('[redacted]');
  });

  it('leaves ordinary API messages alone', () => {
    const text =
      'nodes is forbidden: User "system:serviceaccount:ai:checker" cannot list resource "nodes" in API group "" at the cluster scope';
    expect(redactCredentials(text)).toBe(text);
    expect(redactCredentials('Unauthorized')).toBe('Unauthorized');
  });
});

describe('statusMessage', () => {
  it('redacts an echoed request before shortening it', () => {
    const echo = `request headers:\r\nAccept: application/json\r\nAuthorization: Bearer ${JWT}\r\nUser-Agent: ai-conformance-engine\r\n`;
    const message = statusMessage(400, echo);
    expect(message).toMatch(/^HTTP 400: request headers:/);
    expect(message).toContain('Authorization: [redacted]');
    expect(leaks(message)).toEqual([]);
    // a token straddling the 200-character cut is still found
    const late = `${'x'.repeat(185)} Bearer ${JWT}`;
    expect(leaks(statusMessage(502, late))).toEqual([]);
    expect(statusMessage(502, late)).not.toContain(JWT.slice(0, 12));
  });

  it('redacts and bounds the message of a Kubernetes Status', () => {
    const body = JSON.stringify({
      kind: 'Status',
      message: `Unauthorized: token ${YA29} ${'y'.repeat(2000)}`,
    });
    const message = statusMessage(401, body);
    expect(leaks(message)).toEqual([]);
    expect(message.length).toBeLessThanOrEqual('HTTP 401: '.length + 500);
  });
});
