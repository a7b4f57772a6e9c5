import type { KubeResponse } from '../cluster/KubeApiClient';
import type {
  DiscoveredGroup,
  DiscoveredResource,
  DiscoveredVersion,
  DiscoveryFailure,
  DiscoverySnapshot,
} from '../snapshot/types';
import {
  outcomeOfFailure,
  outcomeOfStatus,
  statusMessage,
} from './responseOutcome';

/** Accept header asking for aggregated discovery, with plain JSON as fallback. */
export const AGGREGATED_DISCOVERY_ACCEPT = [
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
  'application/json',
].join(',');

export interface RequestRunner {
  (path: string, accept?: string): Promise<KubeResponse>;
}

interface AggregatedResource {
  resource: string;
  responseKind?: { kind?: string };
  scope?: string;
  verbs?: string[];
}
interface AggregatedGroup {
  metadata?: { name?: string };
  versions?: Array<{
    version: string;
    resources?: AggregatedResource[];
    freshness?: 'Current' | 'Stale';
  }>;
}

function fromAggregated(items: AggregatedGroup[]): {
  groups: DiscoveredGroup[];
  failures: DiscoveryFailure[];
} {
  const groups: DiscoveredGroup[] = [];
  const failures: DiscoveryFailure[] = [];
  for (const item of items) {
    const name = item.metadata?.name ?? '';
    const versions: DiscoveredVersion[] = (item.versions ?? []).map(v => {
      const gv = name ? `${name}/${v.version}` : v.version;
      if (v.freshness === 'Stale') {
        failures.push({
          groupVersion: gv,
          outcome: 'unavailable',
          message: `discovery of ${gv} is stale: the API service behind it is not available`,
        });
      }
      return {
        version: v.version,
        freshness: v.freshness,
        resources: (v.resources ?? []).map(r => ({
          name: r.resource,
          kind: r.responseKind?.kind ?? '',
          namespaced: r.scope === 'Namespaced',
          verbs: r.verbs ?? [],
        })),
      };
    });
    groups.push({ name, preferredVersion: versions[0]?.version, versions });
  }
  return { groups, failures };
}

function isAggregated(body: unknown): body is { items: AggregatedGroup[] } {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { kind?: string }).kind === 'APIGroupDiscoveryList'
  );
}

type Settled =
  | { ok: true; res: KubeResponse; json?: any }
  | { ok: false; error: unknown };

async function settle(p: Promise<KubeResponse>): Promise<Settled> {
  try {
    const res = await p;
    let json: any;
    try {
      json = JSON.parse(res.body);
    } catch {
      json = undefined;
    }
    return { ok: true, res, json };
  } catch (error) {
    return { ok: false, error };
  }
}

export interface DiscoveryResult {
  discovery: DiscoverySnapshot;
  /** Sequential request waves discovery took (1 aggregated, 2 legacy). */
  waves: number;
}

/**
 * Reads API discovery: aggregated discovery (`/api`, `/apis` in one wave)
 * and, when the server does not offer it, legacy discovery — the group list,
 * then the resource lists of the groups the reads need (a second wave).
 * Stale or failing group versions become `failures`.
 */
export async function collectDiscovery(
  run: RequestRunner,
  options: { groupsNeeded: Set<string>; isDeadlineReached(): boolean },
): Promise<DiscoveryResult> {
  const [core, apis] = await Promise.all([
    settle(run('/api', AGGREGATED_DISCOVERY_ACCEPT)),
    settle(run('/apis', AGGREGATED_DISCOVERY_ACCEPT)),
  ]);
  for (const s of [core, apis]) {
    if (!s.ok) {
      const { outcome, message } = outcomeOfFailure(
        s.error,
        options.isDeadlineReached(),
      );
      return {
        discovery: {
          source: 'aggregated',
          outcome,
          groups: [],
          failures: [],
          message,
        },
        waves: 1,
      };
    }
    if (s.res.status !== 200) {
      return {
        discovery: {
          source: 'aggregated',
          outcome: outcomeOfStatus(s.res.status),
          groups: [],
          failures: [],
          message: `API discovery failed: ${statusMessage(
            s.res.status,
            s.res.body,
          )}`,
        },
        waves: 1,
      };
    }
  }
  const coreJson = (core as { json?: any }).json;
  const apisJson = (apis as { json?: any }).json;
  if (isAggregated(coreJson) && isAggregated(apisJson)) {
    const a = fromAggregated(coreJson.items ?? []);
    const b = fromAggregated(apisJson.items ?? []);
    for (const g of a.groups) g.name = '';
    return {
      discovery: {
        source: 'aggregated',
        outcome: 'ok',
        groups: [...a.groups, ...b.groups],
        failures: [...a.failures, ...b.failures],
      },
      waves: 1,
    };
  }
  return legacyDiscovery(run, coreJson, apisJson, options);
}

async function legacyDiscovery(
  run: RequestRunner,
  coreJson: any,
  apisJson: any,
  options: { groupsNeeded: Set<string>; isDeadlineReached(): boolean },
): Promise<DiscoveryResult> {
  // /api may answer in the aggregated format even when /apis does not.
  let coreVersions: string[] = [];
  if (isAggregated(coreJson)) {
    coreVersions = (coreJson.items?.[0]?.versions ?? []).map(v => v.version);
  } else if (Array.isArray(coreJson?.versions)) {
    coreVersions = coreJson.versions;
  }
  const listed: Array<{
    name: string;
    preferred?: string;
    versions: string[];
  }> = [
    { name: '', preferred: coreVersions[0], versions: coreVersions },
    ...((apisJson?.groups ?? []) as any[]).map(g => ({
      name: String(g.name),
      preferred: g.preferredVersion?.version as string | undefined,
      versions: ((g.versions ?? []) as any[]).map(v => String(v.version)),
    })),
  ];
  const failures: DiscoveryFailure[] = [];
  const fetches: Array<Promise<void>> = [];
  const groups: DiscoveredGroup[] = listed.map(g => {
    const versions: DiscoveredVersion[] = g.versions.map(v => ({
      version: v,
      resources: [],
    }));
    if (options.groupsNeeded.has(g.name)) {
      for (const dv of versions) {
        const gv = g.name ? `${g.name}/${dv.version}` : dv.version;
        const path = g.name ? `/apis/${gv}` : `/api/${dv.version}`;
        fetches.push(
          settle(run(path)).then(s => {
            if (!s.ok) {
              const { outcome, message } = outcomeOfFailure(
                s.error,
                options.isDeadlineReached(),
              );
              failures.push({ groupVersion: gv, outcome, message });
              dv.freshness = 'Stale';
              return;
            }
            if (s.res.status !== 200) {
              failures.push({
                groupVersion: gv,
                outcome: outcomeOfStatus(s.res.status),
                httpStatus: s.res.status,
                message: `discovery of ${gv} failed: ${statusMessage(
                  s.res.status,
                  s.res.body,
                )}`,
              });
              dv.freshness = 'Stale';
              return;
            }
            dv.freshness = 'Current';
            dv.resources = ((s.json?.resources ?? []) as any[])
              .filter(r => typeof r.name === 'string' && !r.name.includes('/'))
              .map(
                (r): DiscoveredResource => ({
                  name: r.name,
                  kind: String(r.kind ?? ''),
                  namespaced: Boolean(r.namespaced),
                  verbs: Array.isArray(r.verbs) ? r.verbs : [],
                }),
              );
          }),
        );
      }
    }
    return { name: g.name, preferredVersion: g.preferred, versions };
  });
  await Promise.all(fetches);
  return {
    discovery: { source: 'legacy', outcome: 'ok', groups, failures },
    waves: fetches.length > 0 ? 2 : 1,
  };
}
