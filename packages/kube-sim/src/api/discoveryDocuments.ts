import { createHash } from 'node:crypto';
import type { ResourceInfo } from './builtinResources';
import type { ServedGroup } from './ApiCatalog';

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
  exec: ['create', 'get'],
  attach: ['create', 'get'],
  portforward: ['create', 'get'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  eviction: ['create'],
  binding: ['create'],
  token: ['create'],
  finalize: ['update'],
  approval: ['get', 'patch', 'update'],
  ephemeralcontainers: ['get', 'patch', 'update'],
  resize: ['get', 'patch', 'update'],
};

const SUBRESOURCE_KINDS: Record<
  string,
  (r: ResourceInfo) => { group: string; version: string; kind: string }
> = {
  scale: () => ({ group: 'autoscaling', version: 'v1', kind: 'Scale' }),
  eviction: () => ({ group: 'policy', version: 'v1', kind: 'Eviction' }),
  binding: () => ({ group: '', version: 'v1', kind: 'Binding' }),
  token: () => ({
    group: 'authentication.k8s.io',
    version: 'v1',
    kind: 'TokenRequest',
  }),
  log: () => ({ group: '', version: 'v1', kind: 'Pod' }),
};

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64').slice(0, 11);
}

function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** `/api` */
export function apiVersions(): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [
      { clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.2:443' },
    ],
  };
}

function groupEntry(g: ServedGroup) {
  const versions = g.versions.map(v => ({
    groupVersion: groupVersion(g.group, v),
    version: v,
  }));
  return { name: g.group, versions, preferredVersion: versions[0] };
}

/** `/apis` */
export function apiGroupList(groups: ServedGroup[]): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.filter(g => g.group).map(groupEntry),
  };
}

/** `/apis/{group}` */
export function apiGroup(g: ServedGroup): Record<string, unknown> {
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g) };
}

/** `/api/v1` or `/apis/{group}/{version}` */
export function apiResourceList(
  g: ServedGroup,
  version: string,
): Record<string, unknown> {
  const resources: Array<Record<string, unknown>> = [];
  for (const r of g.resources.get(version) ?? []) {
    resources.push({
      name: r.resource,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories?.length ? { categories: r.categories } : {}),
      ...(r.aggregated
        ? {}
        : { storageVersionHash: hash(`${r.group}/${r.version}/${r.kind}`) }),
    });
    for (const sub of r.subresources ?? []) {
      const kind = SUBRESOURCE_KINDS[sub]?.(r);
      resources.push({
        name: `${r.resource}/${sub}`,
        singularName: '',
        namespaced: r.namespaced,
        ...(kind && kind.group
          ? { group: kind.group, version: kind.version }
          : {}),
        kind: kind?.kind ?? r.kind,
        verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(g.group, version),
    resources,
  };
}

function discoveryResource(r: ResourceInfo) {
  return {
    resource: r.resource,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
    ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories?.length ? { categories: r.categories } : {}),
    ...(r.subresources?.length
      ? {
          subresources: r.subresources.map(sub => ({
            subresource: sub,
            responseKind: SUBRESOURCE_KINDS[sub]?.(r) ?? {
              group: r.group,
              version: r.version,
              kind: r.kind,
            },
            verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
          })),
        }
      : {}),
  };
}

/**
 * Aggregated discovery (`apidiscovery.k8s.io` APIGroupDiscoveryList) for `/api` (core only) or
 * `/apis` (every other group). An unavailable aggregated group is listed with `freshness: Stale`
 * and no resources, which clients report as a stale group version.
 */
export function groupDiscoveryList(
  groups: ServedGroup[],
  core: boolean,
  version: string,
): Record<string, unknown> {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups
      .filter(g => (core ? g.group === '' : g.group !== ''))
      .map(g => ({
        metadata: { name: g.group, creationTimestamp: null },
        versions: g.versions.map(v => {
          const stale = g.aggregated && !g.aggregated.available;
          return {
            version: v,
            resources: stale
              ? []
              : (g.resources.get(v) ?? []).map(discoveryResource),
            freshness: stale ? 'Stale' : 'Current',
          };
        }),
      })),
  };
}
