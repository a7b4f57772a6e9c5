import type { Request } from 'express';

const USER_TOKEN_HEADER = 'backstage-kubernetes-authorization-';

/**
 * The user's own cluster tokens for `google` / `oidc` clusters, sent as
 * `Backstage-Kubernetes-Authorization-Google` or
 * `Backstage-Kubernetes-Authorization-Oidc-<provider>` (as for the
 * Kubernetes plugin's proxy). Only used for clusters defined in config or
 * the catalog with those auth providers; never a URL or CA.
 */
export function userTokens(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith(USER_TOKEN_HEADER) || typeof value !== 'string') {
      continue;
    }
    const provider = name.slice(USER_TOKEN_HEADER.length);
    const key = provider.startsWith('oidc-')
      ? `oidc.${provider.slice('oidc-'.length)}`
      : provider;
    out[key] = value.replace(/^Bearer\s+/i, '');
  }
  return out;
}
