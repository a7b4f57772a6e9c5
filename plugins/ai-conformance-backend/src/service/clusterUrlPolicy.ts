import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { InputError } from '@backstage/errors';

/** Address ranges a catalog-defined cluster may not point at. */
const PRIVATE_RANGES = new Set([
  'unspecified',
  'broadcast',
  'multicast',
  'linkLocal',
  'loopback',
  'private',
  'reserved',
  'carrierGradeNat',
  'uniqueLocal',
  'ipv4Mapped',
  'rfc6145',
  'rfc6052',
  '6to4',
  'teredo',
]);

function isPrivateAddress(address: string): boolean {
  let parsed = ipaddr.parse(address);
  if (
    parsed.kind() === 'ipv6' &&
    (parsed as ipaddr.IPv6).isIPv4MappedAddress()
  ) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return PRIVATE_RANGES.has(parsed.range());
}

function normalizeUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Options of {@link checkCatalogClusterUrl}. */
export interface CatalogClusterUrlPolicy {
  /** URLs (or origins) accepted even when private or plain HTTP. */
  dangerouslyAllowClusterUrls: string[];
  /** Resolves a host name to addresses (injectable for tests). */
  resolveHost?: (host: string) => Promise<string[]>;
}

async function defaultResolveHost(host: string): Promise<string[]> {
  const found = await lookup(host, { all: true });
  return found.map(a => a.address);
}

/**
 * Applies the Kubernetes plugin's rules for clusters defined by catalog
 * entities: HTTPS to public addresses only, unless the URL is allow-listed.
 * Throws an InputError naming the cluster and the rule.
 */
export async function checkCatalogClusterUrl(
  clusterName: string,
  rawUrl: string,
  policy: CatalogClusterUrlPolicy,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new InputError(
      `Cluster ${clusterName}: the catalog entity's API server "${rawUrl}" is not a URL`,
    );
  }
  const allowed = policy.dangerouslyAllowClusterUrls.map(normalizeUrl);
  if (
    allowed.includes(normalizeUrl(url.toString())) ||
    allowed.includes(url.origin)
  ) {
    return;
  }
  const hint =
    'add it to aiConformance.catalogClusters.dangerouslyAllowClusterUrls to allow it';
  if (url.protocol !== 'https:') {
    throw new InputError(
      `Cluster ${clusterName}: refused the catalog entity's API server ${url.origin}: only https:// URLs are accepted from the catalog (${hint})`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else if (host === 'localhost' || host.endsWith('.localhost')) {
    addresses = ['127.0.0.1'];
  } else {
    try {
      addresses = await (policy.resolveHost ?? defaultResolveHost)(host);
    } catch (error) {
      throw new InputError(
        `Cluster ${clusterName}: cannot resolve the catalog entity's API server host ${host}: ${String(
          (error as Error).message ?? error,
        )}`,
      );
    }
  }
  const privateOne = addresses.find(isPrivateAddress);
  if (privateOne) {
    throw new InputError(
      `Cluster ${clusterName}: refused the catalog entity's API server ${url.origin}: ${privateOne} is not a public address (${hint})`,
    );
  }
}
