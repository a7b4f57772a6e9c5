import type { KubeObject, PodGeneratorSpec, Scenario } from '../types';
import {
  builtinResources,
  type GroupInfo,
  type ResourceInfo,
} from '../api/builtinResources';
import { expandCrd } from './expandCrd';
import { generateNodes, type GeneratedNode } from './generateNodes';
import { arraySource, type ObjectSource } from './ObjectSource';
import { timestampAt, uidOf } from './objectIds';
import { buildPod, podIpFor } from './podFactory';
import { expandWorkload } from './expandWorkload';
import { resourceApiVersion, resourceSliceOf } from './resourceSlices';

/** `group/resource` key of a collection (group '' for core). */
export function grKey(group: string, resource: string): string {
  return `${group}/${resource}`;
}

/** Parses `v1.34.1-gke.1829001` into its minor. */
export function minorOf(gitVersion: string): number {
  const m = /^v?(\d+)\.(\d+)/.exec(gitVersion);
  if (!m) throw new Error(`Cannot read the minor of version "${gitVersion}"`);
  return Number(m[2]);
}

function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

const SYSTEM_NAMESPACES = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/**
 * A scenario compiled once: its nodes, objects and built-in resources. Shared read-only by every
 * virtual cluster that serves the scenario; each cluster keeps its own changes in a ClusterStore.
 */
export class ScenarioModel {
  readonly minor: number;
  readonly builtinGroups: GroupInfo[];
  readonly builtinResources: ResourceInfo[];
  readonly nodes: GeneratedNode[];
  private readonly sources = new Map<string, ObjectSource[]>();
  private readonly indexes = new Map<
    string,
    Map<string, { source: number; index: number }>
  >();
  private readonly kindIndex = new Map<string, ResourceInfo>();

  constructor(readonly scenario: Scenario) {
    this.minor = minorOf(scenario.version.gitVersion);
    const builtins = builtinResources(this.minor);
    this.builtinGroups = builtins.groups;
    this.builtinResources = builtins.resources;
    for (const r of builtins.resources)
      this.kindIndex.set(`${r.group}/${r.kind}`, r);
    const kubeletVersion = scenario.version.gitVersion.replace(
      /-gke\.\d+$/,
      '',
    );
    this.nodes = generateNodes(
      scenario.nodePools ?? [],
      kubeletVersion.startsWith('v') ? kubeletVersion : `v${kubeletVersion}`,
    );
    this.compile();
  }

  /** The base sources of one collection. */
  sourcesOf(key: string): ObjectSource[] {
    return this.sources.get(key) ?? [];
  }

  /** Where each base object of a collection sits (`namespace/name` → source and index); built once, shared. */
  baseIndex(key: string): Map<string, { source: number; index: number }> {
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map();
      this.sourcesOf(key).forEach((src, s) => {
        for (let i = 0; i < src.size; i++) {
          const o = src.at(i);
          index!.set(`${o.metadata.namespace ?? ''}/${o.metadata.name}`, {
            source: s,
            index: i,
          });
        }
      });
      this.indexes.set(key, index);
    }
    return index;
  }

  /** Every collection key with base objects. */
  collectionKeys(): string[] {
    return [...this.sources.keys()];
  }

  /** The served resource for a kind, among built-ins and the scenario's CRDs. */
  resourceForKind(group: string, kind: string): ResourceInfo | undefined {
    return this.kindIndex.get(`${group}/${kind}`);
  }

  private add(key: string, source: ObjectSource) {
    const list = this.sources.get(key) ?? [];
    list.push(source);
    this.sources.set(key, list);
  }

  private compile() {
    const s = this.scenario;
    const literal = new Map<string, KubeObject[]>();
    const push = (o: KubeObject) => {
      const { group } = splitApiVersion(o.apiVersion ?? 'v1');
      const info = this.kindIndex.get(`${group}/${o.kind}`);
      if (!info) {
        throw new Error(
          `Scenario "${s.name}": no served resource for ${o.apiVersion} ${o.kind} (${o.metadata?.name})`,
        );
      }
      if (info.namespaced && !o.metadata.namespace)
        o.metadata.namespace = 'default';
      if (!info.namespaced) delete o.metadata.namespace;
      const key = grKey(info.group, info.resource);
      const list = literal.get(key) ?? [];
      list.push(o);
      literal.set(key, list);
    };

    const crds: KubeObject[] = (s.crds ?? []).map((c, i) => expandCrd(c, i));
    const literalCrds = (s.objects ?? []).filter(
      o => o.kind === 'CustomResourceDefinition',
    );
    for (const crd of [...crds, ...literalCrds]) this.indexCrd(crd);

    crds.forEach(push);
    (s.objects ?? []).forEach((o, i) =>
      push(this.normalize(structuredClone(o), i)),
    );
    this.nodes.forEach(n => push(n.object));
    this.resourceSlices().forEach(push);

    const podSources: ObjectSource[] = [];
    (s.workloads ?? []).forEach((w, i) => {
      const expanded = expandWorkload(w, i, this.nodes);
      expanded.objects.forEach(push);
      podSources.push(...expanded.podSources);
    });
    (s.podGenerators ?? []).forEach((g, i) =>
      podSources.push(this.podGenerator(g, i)),
    );

    const namespaces = new Set<string>(SYSTEM_NAMESPACES);
    for (const list of literal.values())
      for (const o of list)
        if (o.metadata.namespace) namespaces.add(o.metadata.namespace);
    for (const w of s.workloads ?? []) namespaces.add(w.namespace);
    for (const g of s.podGenerators ?? [])
      g.namespaces.forEach(ns => namespaces.add(ns));
    const declared = new Set(
      (literal.get(grKey('', 'namespaces')) ?? []).map(o => o.metadata.name),
    );
    [...namespaces]
      .filter(ns => !declared.has(ns))
      .forEach((ns, i) => push(this.namespace(ns, i)));
    this.apiServices(literal).forEach(push);

    for (const [key, list] of literal) {
      list.sort((a, b) =>
        `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(
          `${b.metadata.namespace ?? ''}/${b.metadata.name}`,
        ),
      );
      this.add(key, arraySource(list));
    }
    for (const src of podSources)
      if (src.size > 0) this.add(grKey('', 'pods'), src);
  }

  /** ResourceSlices of the pools that publish DRA devices. */
  private resourceSlices(): KubeObject[] {
    const version = resourceApiVersion(this);
    const out: KubeObject[] = [];
    for (const pool of this.scenario.nodePools ?? []) {
      for (const node of this.nodes.filter(n => n.pool === pool.name)) {
        const slice = resourceSliceOf(
          pool,
          node,
          version,
          String(1500 + out.length),
        );
        if (slice) out.push(slice);
      }
    }
    return out;
  }

  private indexCrd(crd: KubeObject) {
    const spec = crd.spec as {
      group: string;
      names: { kind: string; plural: string };
      scope: string;
      versions: Array<{ name: string }>;
    };
    this.kindIndex.set(`${spec.group}/${spec.names.kind}`, {
      group: spec.group,
      version: spec.versions[0].name,
      resource: spec.names.plural,
      kind: spec.names.kind,
      namespaced: spec.scope === 'Namespaced',
      verbs: [],
      singular: spec.names.kind.toLowerCase(),
    });
  }

  private normalize(o: KubeObject, index: number): KubeObject {
    const key = `${o.kind}:${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    o.metadata.uid ??= uidOf(key);
    o.metadata.resourceVersion ??= String(3000 + index);
    o.metadata.creationTimestamp ??= timestampAt(900 + index * 5);
    if (o.kind === 'Secret') {
      delete o.data;
      delete o.stringData;
    }
    return o;
  }

  private namespace(name: string, index: number): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        uid: uidOf(`ns:${name}`),
        resourceVersion: String(100 + index),
        creationTimestamp: timestampAt(
          SYSTEM_NAMESPACES.includes(name) ? 0 : 300 + index * 60,
        ),
        labels: { 'kubernetes.io/metadata.name': name },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
  }

  /** APIServices kube-apiserver registers for its own groups, plus the scenario's CRD groups. */
  private apiServices(literal: Map<string, KubeObject[]>): KubeObject[] {
    const existing = new Set(
      (literal.get(grKey('apiregistration.k8s.io', 'apiservices')) ?? []).map(
        o => o.metadata.name,
      ),
    );
    const gvs: Array<[string, string, number]> = [];
    for (const g of this.builtinGroups)
      g.versions.forEach(v => gvs.push([g.group, v, 1000]));
    for (const crd of literal.get(
      grKey('apiextensions.k8s.io', 'customresourcedefinitions'),
    ) ?? []) {
      const spec = crd.spec as {
        group: string;
        versions: Array<{ name: string }>;
      };
      spec.versions.forEach(v => gvs.push([spec.group, v.name, 100]));
    }
    const out: KubeObject[] = [];
    for (const [group, version, priority] of gvs) {
      const name = group ? `${version}.${group}` : version;
      if (existing.has(name)) continue;
      existing.add(name);
      out.push({
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        metadata: {
          name,
          uid: uidOf(`apiservice:${name}`),
          resourceVersion: String(50 + out.length),
          creationTimestamp: timestampAt(priority === 1000 ? 0 : 600),
          labels: {
            'kube-aggregator.kubernetes.io/automanaged':
              priority === 1000 ? 'onstart' : 'true',
          },
        },
        spec: {
          group,
          version,
          groupPriorityMinimum: priority === 1000 ? 18000 : 1000,
          versionPriority: 15,
          service: null,
        },
        status: {
          conditions: [
            {
              type: 'Available',
              status: 'True',
              reason: 'Local',
              message: 'Local APIServices are always available',
              lastTransitionTime: timestampAt(0),
            },
          ],
        },
      });
    }
    return out;
  }

  private podGenerator(g: PodGeneratorSpec, index: number): ObjectSource {
    const nodes = g.pools
      ? this.nodes.filter(n => g.pools!.includes(n.pool))
      : this.nodes;
    if (!nodes.length)
      throw new Error(
        `Scenario "${this.scenario.name}": pod generator ${g.namePrefix} has no nodes`,
      );
    const width = String(g.count - 1).length;
    const tolerations = nodes.some(n => n.gpus > 0)
      ? [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]
      : undefined;
    return {
      size: g.count,
      at: (i: number) =>
        buildPod({
          name: `${g.namePrefix}-${String(i).padStart(width, '0')}`,
          namespace: g.namespaces[i % g.namespaces.length],
          nodeName: nodes[i % nodes.length].name,
          image: g.image,
          labels: { ...g.labels },
          requests: g.requests,
          tolerations,
          phase: g.phase,
          createdOffset: 5000 + index * 100000 + i,
          podIp: podIpFor(index * 100000 + i),
        }),
    };
  }
}
