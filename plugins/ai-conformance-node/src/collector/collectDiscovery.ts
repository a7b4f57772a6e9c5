import { z } from 'zod';
import type { KubeResponse } from '../cluster/KubeApiClient';
import type {
  DiscoveredGroup,
  DiscoveredResource,
  DiscoveredVersion,
  DiscoveryFailure,
  DiscoverySnapshot,
} from '../snapshot/types';
import type { ReadOutcome } from '@ai-conformance/plugin-ai-conformance-common';
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

/** Accept header of legacy discovery documents. */
const LEGACY_ACCEPT = 'application/json';

export interface RequestRunner {
  (path: string, accept?: string): Promise<KubeResponse>;
}

const aggregatedResource = z.object({
  resource: z.string().min(1),
  responseKind: z.object({ kind: z.string().optional() }).nullish(),
  scope: z.string().optional(),
  verbs: z.array(z.string()).nullish(),
});
const aggregatedGroupList = z.object({
  kind: z.literal('APIGroupDiscoveryList'),
  items: z.array(
    z.object({
      metadata: z.object({ name: z.string().optional() }).nullish(),
      versions: z
        .array(
          z.object({
            version: z.string().min(1),
            resources: z.array(aggregatedResource).nullish(),
            freshness: z.enum(['Current', 'Stale']).optional(),
          }),
        )
        .min(1),
    }),
  ),
});
type AggregatedList = z.infer<typeof aggregatedGroupList>;

const legacyVersions = z.object({
  versions: z.array(z.string().min(1)).min(1),
});
const legacyGroupList = z.object({
  groups: z.array(
    z.object({
      name: z.string().min(1),
      versions: z.array(z.object({ version: z.string().min(1) })).min(1),
      preferredVersion: z.object({ version: z.string() }).nullish(),
    }),
  ),
});
const legacyResourceList = z.object({
  resources: z.array(
    z.object({
      name: z.string(),
      kind: z.string().optional(),
      namespaced: z.boolean().optional(),
      verbs: z.array(z.string()).nullish(),
    }),
  ),
});

type Answer =
  | { ok: true; res: KubeResponse; json: unknown; parseError?: string }
  | { ok: false; outcome: ReadOutcome; message: string };

async function answerOf(
  p: Promise<KubeResponse>,
  isDeadlineReached: () => boolean,
): Promise<Answer> {
  try {
    const res = await p;
    try {
      return { ok: true, res, json: JSON.parse(res.body) };
    } catch {
      return {
        ok: true,
        res,
        json: undefined,
        parseError: 'the body is not valid JSON (truncated or malformed)',
      };
    }
  } catch (error) {
    return { ok: false, ...outcomeOfFailure(error, isDeadlineReached()) };
  }
}

type Failed = {
  ok: false;
  outcome: ReadOutcome;
  httpStatus?: number;
  reason: string;
};

/** The JSON of a 200 answer, or why there is none. */
function bodyOf(path: string, a: Answer): { ok: true; json: unknown } | Failed {
  if (!a.ok)
    return { ok: false, outcome: a.outcome, reason: `${path}: ${a.message}` };
  if (a.res.status !== 200) {
    return {
      ok: false,
      outcome: outcomeOfStatus(a.res.status),
      httpStatus: a.res.status,
      reason: `${path} answered ${statusMessage(a.res.status, a.res.body)}`,
    };
  }
  if (a.parseError) {
    return {
      ok: false,
      outcome: 'error',
      reason: `${path}: ${a.parseError}`,
    };
  }
  return { ok: true, json: a.json };
}

function kindOf(json: unknown): string | undefined {
  const kind = (json as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

/** One aggregated document, or why it cannot be used. */
function aggregatedDocument(
  path: string,
  a: Answer,
): { ok: true; list: AggregatedList } | Failed {
  const body = bodyOf(path, a);
  if (!body.ok) return body;
  const contentType = a.ok ? a.res.contentType : '';
  const labelled =
    /as=APIGroupDiscoveryList/.test(contentType) &&
    /g=apidiscovery\.k8s\.io/.test(contentType);
  const kind = kindOf(body.json);
  if (!labelled) {
    return {
      ok: false,
      outcome: 'error',
      reason:
        kind === 'APIGroupDiscoveryList'
          ? `${path} sent an APIGroupDiscoveryList labelled "${contentType}" instead of the aggregated discovery media type`
          : `the server does not offer aggregated discovery (${path} answered ${
              kind ?? 'a non-discovery document'
            } as "${contentType}")`,
    };
  }
  const parsed = aggregatedGroupList.safeParse(body.json);
  if (!parsed.success) {
    return {
      ok: false,
      outcome: 'error',
      reason: `${path} answered a malformed APIGroupDiscoveryList (${zodProblem(
        parsed.error,
      )})`,
    };
  }
  if (path === '/apis' && parsed.data.items.some(i => !i.metadata?.name)) {
    return {
      ok: false,
      outcome: 'error',
      reason: `${path} answered a malformed APIGroupDiscoveryList (a group without a name)`,
    };
  }
  return { ok: true, list: parsed.data };
}

function fromAggregated(
  list: AggregatedList,
  core: boolean,
): { groups: DiscoveredGroup[]; failures: DiscoveryFailure[] } {
  const groups: DiscoveredGroup[] = [];
  const failures: DiscoveryFailure[] = [];
  for (const item of list.items) {
    const name = core ? '' : item.metadata?.name ?? '';
    const versions: DiscoveredVersion[] = item.versions.map(v => {
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

interface ListedGroup {
  name: string;
  preferred?: string;
  versions: string[];
}

/** The legacy group lists (`/api`, `/apis`), or why they cannot be used. */
function legacyGroups(
  core: Answer,
  apis: Answer,
): { ok: true; listed: ListedGroup[] } | Failed {
  const coreBody = bodyOf('/api', core);
  if (!coreBody.ok) return coreBody;
  const apisBody = bodyOf('/apis', apis);
  if (!apisBody.ok) return apisBody;
  const coreParsed = legacyVersions.safeParse(coreBody.json);
  if (!coreParsed.success) {
    return {
      ok: false,
      outcome: 'error',
      reason: `/api answered a malformed APIVersions (${zodProblem(
        coreParsed.error,
      )})`,
    };
  }
  const apisParsed = legacyGroupList.safeParse(apisBody.json);
  if (!apisParsed.success) {
    return {
      ok: false,
      outcome: 'error',
      reason: `/apis answered a malformed APIGroupList (${zodProblem(
        apisParsed.error,
      )})`,
    };
  }
  const coreVersions = coreParsed.data.versions;
  return {
    ok: true,
    listed: [
      { name: '', preferred: coreVersions[0], versions: coreVersions },
      ...apisParsed.data.groups.map(g => ({
        name: g.name,
        preferred: g.preferredVersion?.version ?? g.versions[0].version,
        versions: g.versions.map(v => v.version),
      })),
    ],
  };
}

function listNames(names: string[], max = 5): string {
  const shown = names.slice(0, max).map(n => n || 'core');
  return names.length > max
    ? `${shown.join(', ')} and ${names.length - max} more`
    : shown.join(', ');
}

/** How the aggregated group list contradicts the legacy one, if it does. */
function contradiction(
  aggregated: DiscoveredGroup[],
  listed: ListedGroup[],
): string | undefined {
  const gvs = (groups: Array<{ name: string; versions: string[] }>) =>
    new Set(
      groups.flatMap(g => g.versions.map(v => (g.name ? `${g.name}/${v}` : v))),
    );
  const inAggregated = gvs(
    aggregated.map(g => ({
      name: g.name,
      versions: g.versions.map(v => v.version),
    })),
  );
  const fromLegacy = gvs(listed);
  const missing = [...fromLegacy].filter(gv => !inAggregated.has(gv));
  const extra = [...inAggregated].filter(gv => !fromLegacy.has(gv));
  if (!missing.length && !extra.length) return undefined;
  const parts = [
    missing.length
      ? `leaves out ${
          missing.length
        } group version(s) the legacy group lists serve (${listNames(missing)})`
      : '',
    extra.length
      ? `lists ${extra.length} the legacy group lists do not (${listNames(
          extra,
        )})`
      : '',
  ].filter(Boolean);
  return `aggregated discovery contradicts /api and /apis: it ${parts.join(
    ' and ',
  )}`;
}

export interface DiscoveryResult {
  discovery: DiscoverySnapshot;
  /** Sequential request waves discovery took (1 aggregated, 2 legacy). */
  waves: number;
}

interface DiscoveryOptions {
  groupsNeeded: Set<string>;
  isDeadlineReached(): boolean;
}

/**
 * Reads API discovery. The first wave asks for aggregated discovery (`/api`,
 * `/apis` in the `apidiscovery.k8s.io` format) and the legacy group lists
 * (`/api`, `/apis` as plain JSON) at once. Aggregated discovery is used when
 * both documents are well-formed, labelled with their media type and agree
 * with the legacy group lists. Any other answer (an error status, another
 * content type, a truncated or malformed body, a contradicting group list)
 * falls back to legacy discovery: the resource lists of the groups the reads
 * need, in one more wave. Only when both kinds fail is discovery failed, with
 * both reasons. Stale or failing group versions become `failures`.
 */
export async function collectDiscovery(
  run: RequestRunner,
  options: DiscoveryOptions,
): Promise<DiscoveryResult> {
  const ask = (path: string, accept: string) =>
    answerOf(run(path, accept), options.isDeadlineReached);
  const [aggCore, aggApis, legacyCore, legacyApis] = await Promise.all([
    ask('/api', AGGREGATED_DISCOVERY_ACCEPT),
    ask('/apis', AGGREGATED_DISCOVERY_ACCEPT),
    ask('/api', LEGACY_ACCEPT),
    ask('/apis', LEGACY_ACCEPT),
  ]);
  const legacy = legacyGroups(legacyCore, legacyApis);

  let fallbackReason: string;
  const core = aggregatedDocument('/api', aggCore);
  const apis = core.ok ? aggregatedDocument('/apis', aggApis) : core;
  if (core.ok && apis.ok) {
    const a = fromAggregated(core.list, true);
    const b = fromAggregated(apis.list, false);
    const groups = [...a.groups, ...b.groups];
    const contradicts = legacy.ok
      ? contradiction(groups, legacy.listed)
      : undefined;
    if (!contradicts) {
      return {
        discovery: {
          source: 'aggregated',
          outcome: 'ok',
          groups,
          failures: [...a.failures, ...b.failures],
        },
        waves: 1,
      };
    }
    fallbackReason = contradicts;
  } else {
    fallbackReason = (apis as Failed).reason;
  }

  if (!legacy.ok) {
    return {
      discovery: {
        source: 'legacy',
        fallbackReason,
        outcome: legacy.outcome,
        groups: [],
        failures: [],
        message: `API discovery failed: aggregated discovery: ${fallbackReason}; legacy discovery: ${legacy.reason}`,
      },
      waves: 1,
    };
  }
  const result = await legacyResources(run, legacy.listed, options);
  return {
    discovery: { ...result.discovery, fallbackReason },
    waves: 1 + result.waves,
  };
}

/** Legacy discovery: the resource lists of the groups the reads need (one wave). */
async function legacyResources(
  run: RequestRunner,
  listed: ListedGroup[],
  options: DiscoveryOptions,
): Promise<DiscoveryResult> {
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
        const fail = (f: Omit<DiscoveryFailure, 'groupVersion'>) => {
          failures.push({ groupVersion: gv, ...f });
          dv.freshness = 'Stale';
        };
        fetches.push(
          answerOf(run(path, LEGACY_ACCEPT), options.isDeadlineReached).then(
            a => {
              const body = bodyOf(path, a);
              if (!body.ok) {
                fail({
                  outcome: body.outcome,
                  httpStatus: body.httpStatus,
                  message: `discovery of ${gv} failed: ${body.reason}`,
                });
                return;
              }
              const parsed = legacyResourceList.safeParse(body.json);
              if (!parsed.success) {
                fail({
                  outcome: 'error',
                  message: `discovery of ${gv} failed: ${path} answered a malformed APIResourceList (${zodProblem(
                    parsed.error,
                  )})`,
                });
                return;
              }
              dv.freshness = 'Current';
              dv.resources = parsed.data.resources
                .filter(r => !r.name.includes('/'))
                .map(
                  (r): DiscoveredResource => ({
                    name: r.name,
                    kind: r.kind ?? '',
                    namespaced: r.namespaced ?? false,
                    verbs: r.verbs ?? [],
                  }),
                );
            },
          ),
        );
      }
    }
    return { name: g.name, preferredVersion: g.preferred, versions };
  });
  await Promise.all(fetches);
  failures.sort((x, y) => x.groupVersion.localeCompare(y.groupVersion));
  return {
    discovery: { source: 'legacy', outcome: 'ok', groups, failures },
    waves: fetches.length > 0 ? 1 : 0,
  };
}
