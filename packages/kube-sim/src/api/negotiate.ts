/** What the response should look like, from the Accept header. */
export type Representation =
  | { as: 'object' }
  | { as: 'Table'; version: string }
  | { as: 'PartialObjectMetadata'; version: string }
  | { as: 'APIGroupDiscoveryList'; version: string };

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [{ type: '*/*', params: {} }];
  return header.split(',').map(part => {
    const [type, ...rest] = part.split(';').map(p => p.trim());
    const params: Record<string, string> = {};
    for (const p of rest) {
      const i = p.indexOf('=');
      if (i > 0) params[p.slice(0, i).trim()] = p.slice(i + 1).trim();
    }
    return { type: type.toLowerCase(), params };
  });
}

function isJson(type: string) {
  return (
    type === 'application/json' || type === '*/*' || type === 'application/*'
  );
}

/**
 * Chooses a representation the way kube-apiserver negotiates: the first acceptable media range
 * wins; unknown `as=` kinds are skipped. Returns undefined when nothing is acceptable (406).
 */
export function negotiate(
  header: string | undefined,
  allowed: { discovery?: boolean; table?: boolean; metadata?: boolean },
): Representation | undefined {
  for (const range of parseAccept(header)) {
    if (!isJson(range.type)) continue;
    const { as, g, v } = range.params;
    if (!as) return { as: 'object' };
    if (
      as === 'APIGroupDiscoveryList' &&
      allowed.discovery &&
      g === 'apidiscovery.k8s.io' &&
      (v === 'v2' || v === 'v2beta1')
    ) {
      return { as, version: v };
    }
    if (
      as === 'Table' &&
      allowed.table &&
      g === 'meta.k8s.io' &&
      (v === 'v1' || v === 'v1beta1')
    ) {
      return { as, version: v };
    }
    if (
      (as === 'PartialObjectMetadataList' || as === 'PartialObjectMetadata') &&
      allowed.metadata &&
      g === 'meta.k8s.io' &&
      (v === 'v1' || v === 'v1beta1')
    ) {
      return { as: 'PartialObjectMetadata', version: v };
    }
  }
  return undefined;
}
