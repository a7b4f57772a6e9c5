import pLimit from 'p-limit';
import { allChecks } from '../checks';
import type { Check } from '../checks/types';
import type { ClusterConnection } from '../cluster/ClusterConnection';
import { KubeApiClient } from '../cluster/KubeApiClient';
import { connectionErrorOf } from '../cluster/verifyConnection';
import { ENGINE_READS } from '../evaluate/engineReads';
import { getProbeDefinition } from '../probes/probeDefinitions';
import { runProbes } from '../probes/runProbes';
import {
  ClusterSnapshot,
  DiscoverySnapshot,
  ProbeResult,
  ReadResult,
  ReadSpec,
  SNAPSHOT_SCHEMA_VERSION,
  VersionInfo,
} from '../snapshot/types';
import { collectDiscovery } from './collectDiscovery';
import { describeRead, isForbiddenResource, planReads } from './readPlan';
import { readResource } from './readResource';
import {
  outcomeOfFailure,
  outcomeOfStatus,
  statusMessage,
} from './responseOutcome';

/** @public */
export interface CollectProgress {
  phase: 'version' | 'discovery' | 'reads' | 'probes' | 'done';
  done: number;
  total: number;
}

/** @public */
export interface CollectOptions {
  /** Checks whose reads and probes to collect; default allChecks. */
  checks?: Check[];
  /** Per-request timeout; default 10 s. */
  requestTimeoutMs?: number;
  /** Overall deadline for the whole collection; default 60 s. */
  deadlineMs?: number;
  /** Requests in flight at once; default 8. */
  concurrency?: number;
  /** Run the checks' dry-run probes; default false. */
  dryRunProbes?: boolean;
  onProgress?(progress: CollectProgress): void;
  signal?: AbortSignal;
}

/** @public */
export const COLLECT_DEFAULTS = {
  requestTimeoutMs: 10_000,
  deadlineMs: 60_000,
  concurrency: 8,
} as const;

type Target = { version: string; kind: string } | { skip: ReadResult };

/** Decides the version and kind of a read from discovery, or why not to send it. */
function resolveTarget(spec: ReadSpec, discovery: DiscoverySnapshot): Target {
  const request = describeRead(spec);
  if (isForbiddenResource(spec)) {
    return {
      skip: {
        outcome: 'skipped',
        request,
        message: `${spec.resource} are never read`,
        requests: 0,
      },
    };
  }
  if (discovery.outcome !== 'ok') {
    if (spec.version === '*') {
      return {
        skip: {
          outcome: discovery.outcome,
          request,
          message: `version of ${spec.group || 'core'}/${
            spec.resource
          } unknown: API discovery failed (${
            discovery.message ?? discovery.outcome
          })`,
          requests: 0,
        },
      };
    }
    return { version: spec.version, kind: '' };
  }
  const groupLabel = spec.group || 'core';
  const group = discovery.groups.find(g => g.name === spec.group);
  if (!group) {
    return {
      skip: {
        outcome: 'notFound',
        request,
        message: `group ${groupLabel} not served`,
        requests: 0,
      },
    };
  }
  const version =
    spec.version === '*'
      ? group.preferredVersion ?? group.versions[0]?.version
      : spec.version;
  const dv = group.versions.find(v => v.version === version);
  if (!version || !dv) {
    return {
      skip: {
        outcome: 'notFound',
        request,
        message: `version ${groupLabel}/${spec.version} not served`,
        requests: 0,
      },
    };
  }
  const resource = dv.resources.find(r => r.name === spec.resource);
  if (!resource && dv.freshness !== 'Stale') {
    return {
      skip: {
        outcome: 'notFound',
        request: describeRead(spec, version),
        version,
        message: `resource ${spec.resource} not served by ${groupLabel}/${version}`,
        requests: 0,
      },
    };
  }
  return { version, kind: resource?.kind ?? '' };
}

/**
 * Collects everything the checks need in a few waves: `/version`, then API
 * discovery, then every declared read at once (bounded concurrency, a
 * per-request timeout, pagination) and, when enabled, dry-run probes. An
 * overall deadline stops what is still running; unfinished reads end as
 * `timeout`. Each read records its outcome; Secrets are never read; the
 * snapshot holds no credentials.
 *
 * Throws ConnectionError when `/version` shows the cluster cannot be used at
 * all (unauthorized, TLS failure, unreachable). A server that does not answer
 * yields a snapshot whose reads time out.
 *
 * @public
 */
export async function collectSnapshot(
  connection: ClusterConnection,
  options: CollectOptions = {},
): Promise<ClusterSnapshot> {
  const started = Date.now();
  const checks = options.checks ?? allChecks;
  const requestTimeoutMs =
    options.requestTimeoutMs ?? COLLECT_DEFAULTS.requestTimeoutMs;
  const deadlineMs = options.deadlineMs ?? COLLECT_DEFAULTS.deadlineMs;
  const concurrency = Math.max(
    1,
    options.concurrency ?? COLLECT_DEFAULTS.concurrency,
  );
  const progress = options.onProgress ?? (() => {});

  const controller = new AbortController();
  let deadlineReached = false;
  const deadline = setTimeout(() => {
    deadlineReached = true;
    controller.abort();
  }, deadlineMs);
  const onOuterAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  // Request timeouts are capped at the time left, so a request's own timer
  // may end the last read just before the deadline timer fires: the
  // deadline counts as reached once its time has passed, whichever timer ran.
  const isDeadlineReached = () =>
    deadlineReached || Date.now() >= started + deadlineMs;

  const client = await KubeApiClient.create(connection, {
    maxSockets: concurrency,
  });
  const remaining = () => Math.max(1, started + deadlineMs - Date.now());
  const timeoutFor = () => Math.min(requestTimeoutMs, remaining());
  const get = (
    path: string,
    accept?: string,
    query?: Record<string, string | undefined>,
  ) =>
    client.request({
      path,
      accept,
      query,
      timeoutMs: timeoutFor(),
      signal: controller.signal,
    });

  try {
    // Wave 0: /version.
    progress({ phase: 'version', done: 0, total: 1 });
    const version: ClusterSnapshot['version'] = { outcome: 'error' };
    try {
      const res = await get('/version');
      const fatal = connectionErrorOf(connection, undefined, res.status);
      if (fatal) throw fatal;
      version.outcome = outcomeOfStatus(res.status);
      if (version.outcome === 'ok') {
        const info = JSON.parse(res.body) as VersionInfo;
        version.info = {
          major: String(info.major ?? ''),
          minor: String(info.minor ?? ''),
          gitVersion: String(info.gitVersion ?? ''),
          platform: info.platform,
        };
      } else {
        version.message = `/version: ${statusMessage(res.status, res.body)}`;
      }
    } catch (e) {
      const fatal = connectionErrorOf(connection, e);
      if (fatal && fatal.reason !== 'timeout') throw fatal;
      if (!fatal && (e as Error)?.name === 'ConnectionError') throw e;
      const { outcome, message } = outcomeOfFailure(e, isDeadlineReached());
      version.outcome = outcome;
      version.message = `/version: ${message}`;
    }

    // Wave 1 (2 when aggregated discovery cannot be used): discovery.
    const specs = planReads([...ENGINE_READS, ...checks.flatMap(c => c.reads)]);
    progress({ phase: 'discovery', done: 0, total: specs.length });
    const { discovery, waves: discoveryWaves } = await collectDiscovery(get, {
      groupsNeeded: new Set([
        ...specs.map(s => s.group),
        ...checks.flatMap(c => c.discoveryGroups ?? []),
        ...(options.dryRunProbes
          ? checks.flatMap(c =>
              (c.probes ?? []).flatMap(
                p => getProbeDefinition(p.id)?.group ?? [],
              ),
            )
          : []),
      ]),
      isDeadlineReached,
    });

    // Next wave: every read at once, bounded.
    const limit = pLimit(concurrency);
    const reads: Record<string, ReadResult> = {};
    let done = 0;
    let longestRead = 0;
    progress({ phase: 'reads', done, total: specs.length });
    await Promise.all(
      specs.map(spec =>
        limit(async () => {
          const target = resolveTarget(spec, discovery);
          let result: ReadResult;
          if ('skip' in target) {
            result = target.skip;
          } else if (controller.signal.aborted) {
            result = {
              outcome: 'timeout',
              request: describeRead(spec, target.version),
              version: target.version,
              message: isDeadlineReached()
                ? 'not started: the overall deadline was reached'
                : 'not started: the collection was cancelled',
              requests: 0,
            };
          } else {
            result = await readResource(
              (path, query, accept) => get(path, accept, query),
              spec,
              target,
              { isDeadlineReached },
            );
          }
          reads[spec.key] = result;
          longestRead = Math.max(longestRead, result.requests ?? 0);
          progress({ phase: 'reads', done: ++done, total: specs.length });
        }),
      ),
    );

    // Optional waves: dry-run probes.
    const declared = checks.flatMap(c => c.probes ?? []);
    let probes: Record<string, ProbeResult> = {};
    let probeWaves = 0;
    if (declared.length > 0) {
      if (options.dryRunProbes) {
        progress({ phase: 'probes', done: 0, total: declared.length });
        const run = await runProbes(client, declared, {
          discovery,
          concurrency,
          timeoutMs: timeoutFor,
          signal: controller.signal,
          isDeadlineReached,
        });
        probes = run.results;
        probeWaves = run.waves;
      } else {
        for (const p of declared) {
          probes[p.id] = {
            id: p.id,
            outcome: 'skipped',
            message: 'dry-run probes are off',
          };
        }
      }
    }

    progress({ phase: 'done', done: specs.length, total: specs.length });
    const readWave = specs.some(s => (reads[s.key]?.requests ?? 0) > 0) ? 1 : 0;
    return {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      collectedAt: new Date(started).toISOString(),
      cluster: { name: connection.name, server: connection.server },
      version,
      discovery,
      reads,
      probes,
      stats: {
        apiRequests: client.requestCount,
        durationMs: Date.now() - started,
        waves: discoveryWaves + readWave + probeWaves,
        longestChain:
          discoveryWaves + Math.max(longestRead, readWave) + probeWaves,
        deadlineReached: isDeadlineReached(),
      },
    };
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onOuterAbort);
    client.close();
  }
}
