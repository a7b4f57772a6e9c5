import { redactCredentials } from '@ai-conformance/plugin-ai-conformance-node';
import type { ClusterTarget } from './ClusterTarget';

/**
 * Replaces every credential of the target found in a message, then every
 * credential-shaped string (bearer, basic, `ya29.`, JWT, PEM, echoed
 * `Authorization` headers) with the engine's one redactor.
 */
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
  return redactCredentials(out);
}
