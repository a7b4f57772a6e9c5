import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';
import { InputError } from '@backstage/errors';

/**
 * Public IPv4: none of the special ranges (private, loopback, link-local,
 * shared CGNAT space, multicast, reserved, documentation...).
 */
function isPublicIpv4(address: ipaddr.IPv4): boolean {
  return address.range() === 'unicast';
}

/** Reads the IPv4 address in bytes `at`..`at + 3` of an IPv6 address. */
function ipv4At(bytes: number[], at: number): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.slice(at, at + 4));
}

const startsWith = (bytes: number[], prefix: number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/**
 * Every IPv6 form that carries an IPv4 address, with where the IPv4 address
 * sits and whether a connection to the IPv6 address reaches that IPv4 host
 * on the public internet.
 */
const EMBEDDING_FORMS: Array<{
  name: string;
  matches(bytes: number[]): boolean;
  ipv4(bytes: number[]): ipaddr.IPv4[];
  /** Reaches the embedded IPv4 host directly (a dual-stack socket does). */
  direct: boolean;
}> = [
  {
    // ::ffff:a.b.c.d — a dual-stack socket connects to a.b.c.d over IPv4.
    name: 'IPv4-mapped',
    matches: b => startsWith(b, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]),
    ipv4: b => [ipv4At(b, 12)],
    direct: true,
  },
  {
    // ::a.b.c.d (deprecated, RFC 4291 2.5.5.1); `::` and `::1` excluded.
    name: 'IPv4-compatible',
    matches: b =>
      startsWith(b, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) &&
      b.slice(12).some((x, i) => (i < 3 ? x !== 0 : x > 1)),
    ipv4: b => [ipv4At(b, 12)],
    direct: false,
  },
  {
    // ::ffff:0:a.b.c.d (SIIT, RFC 6145)
    name: 'IPv4-translated',
    matches: b => startsWith(b, [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0]),
    ipv4: b => [ipv4At(b, 12)],
    direct: false,
  },
  {
    // 64:ff9b::a.b.c.d (NAT64 well-known prefix, RFC 6052)
    name: 'NAT64',
    matches: b => startsWith(b, [0, 0x64, 0xff, 0x9b]),
    ipv4: b => [ipv4At(b, 12)],
    direct: false,
  },
  {
    // 2002:AABB:CCDD::/48 (6to4, RFC 3056)
    name: '6to4',
    matches: b => startsWith(b, [0x20, 0x02]),
    ipv4: b => [ipv4At(b, 2)],
    direct: false,
  },
  {
    // 2001:0000:SERVER:…:~CLIENT (Teredo, RFC 4380)
    name: 'Teredo',
    matches: b => startsWith(b, [0x20, 0x01, 0, 0]),
    ipv4: b => [
      ipv4At(b, 4),
      new ipaddr.IPv4(b.slice(12, 16).map(x => x ^ 0xff)),
    ],
    direct: false,
  },
];

/**
 * Whether an address may be connected to for a catalog-defined cluster, and
 * the address to connect to. IPv6 forms that carry an IPv4 address are
 * judged by that address: an IPv4-mapped address is the IPv4 address it
 * maps; translation and tunnel forms (IPv4-compatible, SIIT, NAT64, 6to4,
 * Teredo) reach their IPv4 host through a gateway inside the backend's
 * network, so they are refused whatever they carry. Only global unicast
 * IPv6 (2000::/3) outside the special ranges is public. Resolves with the
 * address to connect to (the IPv4 address of a mapped one), or undefined
 * when the address is not public.
 */
export function publicAddress(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return undefined;
  }
  if (parsed.kind() === 'ipv4') {
    return isPublicIpv4(parsed as ipaddr.IPv4) ? parsed.toString() : undefined;
  }
  const v6 = parsed as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  const form = EMBEDDING_FORMS.find(f => f.matches(bytes));
  if (form) {
    const embedded = form.ipv4(bytes);
    if (!form.direct) return undefined;
    return embedded.every(isPublicIpv4) ? embedded[0].toString() : undefined;
  }
  // Global unicast is 2000::/3, less its special ranges (documentation,
  // ORCHID, benchmarking...); everything else is special or unassigned.
  const globalUnicast = (bytes[0] & 0xe0) === 0x20 && v6.range() === 'unicast';
  return globalUnicast ? v6.toString() : undefined;
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
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map(a => a.address);
}

/**
 * Applies the Kubernetes plugin's rules for clusters defined by catalog
 * entities: HTTPS to public addresses only, unless the URL is allow-listed.
 * Every address a host name resolves to must be public; refusals say so
 * without naming the addresses, and a name that does not resolve gets the
 * same answer (the catalog author learns nothing about internal DNS). Resolves with the checked address the connection must go
 * to (so a second, different DNS answer cannot move it), or undefined for
 * an allow-listed URL. Throws an InputError naming the cluster and the rule.
 */
export async function checkCatalogClusterUrl(
  clusterName: string,
  rawUrl: string,
  policy: CatalogClusterUrlPolicy,
): Promise<string | undefined> {
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
    return undefined;
  }
  const hint =
    'add it to aiConformance.catalogClusters.dangerouslyAllowClusterUrls to allow it';
  const refused = `Cluster ${clusterName}: refused the catalog entity's API server ${url.origin}`;
  if (url.protocol !== 'https:') {
    throw new InputError(
      `${refused}: only https:// URLs are accepted from the catalog (${hint})`,
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    // The address is in the URL (as the author wrote it, or as the URL
    // parser normalised it): naming it reveals nothing.
    const address = publicAddress(host);
    if (!address) {
      throw new InputError(
        `${refused}: ${host} is not a public address (${hint})`,
      );
    }
    return address;
  }
  const notPublic = new InputError(
    `${refused}: the host ${host} is not a public address (${hint})`,
  );
  if (host === 'localhost' || host.endsWith('.localhost')) throw notPublic;
  let addresses: string[];
  try {
    addresses = await (policy.resolveHost ?? defaultResolveHost)(host);
  } catch {
    // The same answer as for a private name: whether an internal name
    // exists is not told either.
    throw notPublic;
  }
  const checked = addresses.map(publicAddress);
  if (checked.length === 0 || checked.some(a => a === undefined)) {
    throw notPublic;
  }
  return checked[0];
}
