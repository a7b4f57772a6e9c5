import type { KubeObject } from '../types';
import type { ClusterStore } from '../store/ClusterStore';
import type { ResourceInfo } from './builtinResources';

const ALL = [
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'create',
  'update',
  'watch',
];

/** A group the cluster serves, with its resources per version (preferred version first). */
export interface ServedGroup {
  group: string;
  versions: string[];
  resources: Map<string, ResourceInfo[]>;
  /** Served through an APIService by another server. */
  aggregated?: { available: boolean; reason?: string; message?: string };
  creationTimestamp?: string;
}

type CrdSpec = {
  group: string;
  scope: string;
  names: {
    kind: string;
    plural: string;
    singular?: string;
    shortNames?: string[];
    categories?: string[];
  };
  versions: Array<{
    name: string;
    served?: boolean;
    storage?: boolean;
    subresources?: Record<string, unknown>;
    additionalPrinterColumns?: Array<{
      name: string;
      type: string;
      jsonPath: string;
      priority?: number;
    }>;
  }>;
};

/** Orders versions the way kube-apiserver prefers them: GA > beta > alpha, higher numbers first. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    const levels: Record<string, number> = { alpha: 1, beta: 2 };
    const level = m[2] ? levels[m[2]] : 3;
    return [level, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [pa, pb] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pb[i] - pa[i];
  return a.localeCompare(b);
}

/**
 * What a virtual cluster serves: the built-in groups of its minor, the groups of its CRDs
 * (including ones created at run time) and the aggregated groups of its APIServices.
 */
export class ApiCatalog {
  private cache?: { revision: string; groups: ServedGroup[] };

  constructor(private readonly store: ClusterStore) {}

  groups(): ServedGroup[] {
    const revision = this.store.resourceVersion;
    if (this.cache?.revision === revision) return this.cache.groups;
    const groups = this.compute();
    this.cache = { revision, groups };
    return groups;
  }

  group(name: string): ServedGroup | undefined {
    return this.groups().find(g => g.group === name);
  }

  find(
    group: string,
    version: string,
    resource: string,
  ): ResourceInfo | undefined {
    return this.group(group)
      ?.resources.get(version)
      ?.find(r => r.resource === resource);
  }

  /** The CRD printer columns of a custom resource, if any. */
  printerColumns(group: string, resource: string, version: string) {
    const crd = this.store.get(
      'apiextensions.k8s.io',
      'customresourcedefinitions',
      undefined,
      `${resource}.${group}`,
    );
    const spec = crd?.spec as CrdSpec | undefined;
    return spec?.versions.find(v => v.name === version)
      ?.additionalPrinterColumns;
  }

  private compute(): ServedGroup[] {
    const model = this.store.model;
    const groups: ServedGroup[] = model.builtinGroups.map(g => ({
      group: g.group,
      versions: g.versions,
      resources: new Map(
        g.versions.map(v => [
          v,
          model.builtinResources.filter(
            r => r.group === g.group && r.version === v,
          ),
        ]),
      ),
    }));
    const byName = new Map(groups.map(g => [g.group, g]));
    for (const [, crd] of this.store.iterate(
      'apiextensions.k8s.io',
      'customresourcedefinitions',
    )) {
      this.addCrd(crd, groups, byName);
    }
    for (const api of model.scenario.aggregatedApis ?? []) {
      const versions = api.versions.map(v => v.version).sort(compareVersions);
      const availability = versions.map(v =>
        this.apiServiceAvailability(`${v}.${api.group}`),
      );
      const down = availability.find(a => !a.available);
      const group: ServedGroup = {
        group: api.group,
        versions,
        aggregated: down ?? { available: true },
        resources: new Map(
          api.versions.map(v => [
            v.version,
            v.resources.map(r => ({
              group: api.group,
              version: v.version,
              resource: r.name,
              kind: r.kind,
              namespaced: r.namespaced,
              verbs: r.verbs,
              singular: '',
              aggregated: true,
            })),
          ]),
        ),
      };
      groups.push(group);
      byName.set(api.group, group);
    }
    return groups;
  }

  private apiServiceAvailability(name: string): {
    available: boolean;
    reason?: string;
    message?: string;
  } {
    const svc = this.store.get(
      'apiregistration.k8s.io',
      'apiservices',
      undefined,
      name,
    );
    const conditions =
      (
        svc?.status as {
          conditions?: Array<{
            type: string;
            status: string;
            reason?: string;
            message?: string;
          }>;
        }
      )?.conditions ?? [];
    const available = conditions.find(c => c.type === 'Available');
    if (!svc || !available || available.status === 'True')
      return { available: true };
    return {
      available: false,
      reason: available.reason,
      message: available.message,
    };
  }

  private addCrd(
    crd: KubeObject,
    groups: ServedGroup[],
    byName: Map<string, ServedGroup>,
  ) {
    const spec = crd.spec as CrdSpec;
    const established = (
      (crd.status as { conditions?: Array<{ type: string; status: string }> })
        ?.conditions ?? []
    ).some(c => c.type === 'Established' && c.status === 'True');
    if (!spec?.group || !established) return;
    let group = byName.get(spec.group);
    if (!group) {
      group = {
        group: spec.group,
        versions: [],
        resources: new Map(),
        creationTimestamp: String(crd.metadata.creationTimestamp),
      };
      groups.push(group);
      byName.set(spec.group, group);
    }
    for (const v of spec.versions.filter(x => x.served !== false)) {
      if (!group.versions.includes(v.name)) group.versions.push(v.name);
      const list = group.resources.get(v.name) ?? [];
      list.push({
        group: spec.group,
        version: v.name,
        resource: spec.names.plural,
        kind: spec.names.kind,
        namespaced: spec.scope === 'Namespaced',
        verbs: ALL,
        singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
        shortNames: spec.names.shortNames,
        categories: spec.names.categories,
        subresources: Object.keys(v.subresources ?? {}),
      });
      group.resources.set(v.name, list);
    }
    group.versions.sort(compareVersions);
  }
}
