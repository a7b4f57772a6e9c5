import {
  ACTIVE_RUN_SELECTOR,
  EXPIRES_ANNOTATION,
  RUN_ID_LABEL,
} from './runLabels';
import { ActiveInconclusive, ActiveObject, KubeOps } from './KubeOps';
import type { ActiveClient } from './types';

/** @public */
export interface CleanupActiveRunsOptions {
  /** Only this run's objects (a run cleaning up after itself). */
  runId?: string;
  /** Also runs whose deadline has not passed (may still be going). Default false. */
  all?: boolean;
  /** Wait until deleted namespaces are gone; default true. */
  wait?: boolean;
  /** Bound on the whole cleanup; default 2 minutes. */
  timeoutMs?: number;
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
  now?: () => number;
}

/** @public */
export interface CleanupActiveRunsResult {
  /** "Namespace aic-run-1a2b3c4d", "ClusterQueue aic-run-1a2b3c4d"... */
  deleted: string[];
  /** Runs left alone because their deadline has not passed. */
  skipped: string[];
  errors: string[];
}

/** Cluster-scoped kinds an active run may create, deleted in this order. */
const CLUSTER_SCOPED = [
  { kind: 'ClusterQueue', group: 'kueue.x-k8s.io', resource: 'clusterqueues' },
  {
    kind: 'ResourceFlavor',
    group: 'kueue.x-k8s.io',
    resource: 'resourceflavors',
  },
];

/**
 * Deletes what active runs left behind, found by label: their namespaces
 * (with everything in them), cluster-scoped test objects and jobs placed in
 * a configured LocalQueue's namespace. Runs whose deadline has not passed
 * are skipped unless `all`. Used at the start of every run (orphan sweep),
 * at its end (its own objects) and by `ai-conformance cleanup`.
 *
 * @public
 */
export async function cleanupActiveRuns(
  client: ActiveClient,
  options: CleanupActiveRunsOptions = {},
): Promise<CleanupActiveRunsResult> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(),
    options.timeoutMs ?? 120_000,
  );
  const kube = new KubeOps(client, controller.signal, {
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
  });
  const now = options.now?.() ?? Date.now();
  const result: CleanupActiveRunsResult = {
    deleted: [],
    skipped: [],
    errors: [],
  };
  const selector = options.runId
    ? `${ACTIVE_RUN_SELECTOR}=${options.runId}`
    : ACTIVE_RUN_SELECTOR;
  const attempt = async <T>(
    what: string,
    fn: () => Promise<T>,
  ): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      result.errors.push(`${what}: ${(e as Error).message}`);
      return undefined;
    }
  };
  try {
    const namespaces =
      (await attempt('list namespaces', () =>
        kube.list('/api/v1/namespaces', { labelSelector: selector }),
      )) ?? [];
    const live = new Set<string>();
    const doomed: ActiveObject[] = [];
    for (const ns of namespaces) {
      const runId = ns.metadata.labels?.[RUN_ID_LABEL] ?? '';
      const expires = Date.parse(
        ns.metadata.annotations?.[EXPIRES_ANNOTATION] ?? '',
      );
      if (
        !options.all &&
        !options.runId &&
        Number.isFinite(expires) &&
        expires > now
      ) {
        live.add(runId);
        result.skipped.push(
          `Namespace ${
            ns.metadata.name
          } (run ${runId} may still be going until ${new Date(
            expires,
          ).toISOString()})`,
        );
        continue;
      }
      doomed.push(ns);
    }
    const keep = (o: ActiveObject) =>
      live.has(o.metadata.labels?.[RUN_ID_LABEL] ?? '');

    // jobs outside the run namespaces (a configured LocalQueue's namespace)
    const jobs =
      (await attempt('list jobs', async () => {
        try {
          return await kube.list('/apis/batch/v1/jobs', {
            labelSelector: selector,
          });
        } catch (e) {
          if (e instanceof ActiveInconclusive && /HTTP 404/.test(e.message))
            return [];
          throw e;
        }
      })) ?? [];
    for (const job of jobs) {
      if (keep(job) || job.metadata.namespace?.startsWith('aic-run-')) continue;
      await attempt(
        `delete Job ${job.metadata.namespace}/${job.metadata.name}`,
        async () => {
          await kube.delete(
            `/apis/batch/v1/namespaces/${job.metadata.namespace}/jobs/${job.metadata.name}`,
          );
          result.deleted.push(
            `Job ${job.metadata.namespace}/${job.metadata.name}`,
          );
        },
      );
    }
    for (const ns of doomed) {
      await attempt(`delete Namespace ${ns.metadata.name}`, async () => {
        await kube.delete(`/api/v1/namespaces/${ns.metadata.name}`);
        result.deleted.push(`Namespace ${ns.metadata.name}`);
      });
    }
    for (const c of CLUSTER_SCOPED) {
      const group = await attempt(`discover ${c.group}`, () =>
        kube.get(`/apis/${c.group}`),
      );
      const version: string | undefined = group?.preferredVersion?.version;
      if (!version) continue;
      const base = `/apis/${c.group}/${version}/${c.resource}`;
      const items =
        (await attempt(`list ${c.resource}`, () =>
          kube.list(base, { labelSelector: selector }),
        )) ?? [];
      for (const item of items) {
        if (keep(item)) continue;
        await attempt(`delete ${c.kind} ${item.metadata.name}`, async () => {
          await kube.delete(`${base}/${item.metadata.name}`);
          result.deleted.push(`${c.kind} ${item.metadata.name}`);
        });
      }
    }
    if (options.wait !== false && doomed.length > 0) {
      await attempt('wait for namespaces to be deleted', () =>
        kube.waitFor(
          `namespaces ${doomed
            .map(n => n.metadata.name)
            .join(', ')} to be deleted`,
          async () => {
            const left = await kube.list('/api/v1/namespaces', {
              labelSelector: selector,
            });
            return left.some(n =>
              doomed.some(d => d.metadata.name === n.metadata.name),
            )
              ? undefined
              : true;
          },
        ),
      );
    }
  } finally {
    clearTimeout(timer);
  }
  return result;
}
