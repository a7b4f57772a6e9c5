import type { ClusterTarget } from './ClusterTarget';

/** Replaces every credential of the target found in a message. */
export function redactSecrets(message: string, target?: ClusterTarget): string {
  let out = message;
  const secrets = [
    target?.token,
    target?.caData,
    target?.clientCertData,
    target?.clientKeyData,
  ].filter((s): s is string => typeof s === 'string' && s.length >= 4);
  for (const secret of secrets) {
    out = out.split(secret).join('[redacted]');
  }
  // Bearer tokens that do not belong to the target (e.g. echoed by a proxy).
  return out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]');
}
