import pLimit from 'p-limit';
import type { ProbeSpec } from '../checks/types';
import type { KubeApiClient } from '../cluster/KubeApiClient';
import { outcomeOfFailure, statusMessage } from '../collector/responseOutcome';
import type { DiscoverySnapshot, ProbeResult } from '../snapshot/types';
import {
  getProbeDefinition,
  PROBE_OBJECT_NAME,
  ProbeDefinition,
} from './probeDefinitions';

/** @public */
export interface RunProbesOptions {
  discovery: DiscoverySnapshot;
  concurrency: number;
  /** Timeout for the next request (shrinks with the deadline). */
  timeoutMs(): number;
  signal?: AbortSignal;
  isDeadlineReached(): boolean;
}

function messageOf(body: string): string {
  try {
    return String(JSON.parse(body)?.message ?? '');
  } catch {
    return body.slice(0, 300);
  }
}

/**
 * Classifies the answer to a dry-run create of an invalid object.
 *
 * @public
 */
export function classifyDryRun(
  status: number,
  body: string,
): Pick<ProbeResult, 'outcome' | 'message'> {
  const message = messageOf(body);
  if (status === 200 || status === 201) {
    return {
      outcome: 'accepted',
      message:
        'the invalid object passed every admission check (server-side dry-run)',
    };
  }
  if (/admission webhook .* denied the request/i.test(message)) {
    return { outcome: 'rejected', message };
  }
  if (/failed calling webhook/i.test(message)) {
    return {
      outcome: 'error',
      message: `a webhook is configured but could not be called: ${message}`,
    };
  }
  if (status === 403) {
    return { outcome: 'forbidden', message: statusMessage(status, body) };
  }
  if (status === 400 || status === 422) {
    return {
      outcome: 'error',
      message: `inconclusive: the API server rejected the object before any webhook (${
        message || `HTTP ${status}`
      })`,
    };
  }
  return { outcome: 'error', message: statusMessage(status, body) };
}

type Planned =
  | { def: ProbeDefinition; version: string }
  | { result: ProbeResult };

function plan(spec: ProbeSpec, discovery: DiscoverySnapshot): Planned {
  const def = getProbeDefinition(spec.id);
  if (!def) {
    return {
      result: {
        id: spec.id,
        outcome: 'skipped',
        message: 'no probe is implemented for this id',
      },
    };
  }
  const group = discovery.groups.find(g => g.name === def.group);
  const version = group?.preferredVersion ?? group?.versions[0]?.version;
  const served = group?.versions
    .find(v => v.version === version)
    ?.resources.some(r => r.name === def.resource);
  if (!group || !version || !served) {
    return {
      result: {
        id: spec.id,
        outcome: 'skipped',
        message: `${def.resource}.${def.group} is not served`,
      },
    };
  }
  return { def, version };
}

/**
 * Runs dry-run probes: for each, a SelfSubjectAccessReview for `create` on
 * the resource, and only when allowed a server-side `dryRun=All` create of
 * the invalid object (nothing is persisted). Two waves.
 *
 * @public
 */
export async function runProbes(
  client: KubeApiClient,
  specs: ProbeSpec[],
  options: RunProbesOptions,
): Promise<{ results: Record<string, ProbeResult>; waves: number }> {
  const results: Record<string, ProbeResult> = {};
  const unique = [...new Map(specs.map(s => [s.id, s])).values()];
  const runnable: Array<{ def: ProbeDefinition; version: string }> = [];
  for (const spec of unique) {
    const p = plan(spec, options.discovery);
    if ('result' in p) results[spec.id] = p.result;
    else runnable.push(p);
  }
  if (runnable.length === 0) return { results, waves: 0 };
  const limit = pLimit(options.concurrency);
  const failed = (id: string, e: unknown): ProbeResult => {
    const { message } = outcomeOfFailure(e, options.isDeadlineReached());
    return { id, outcome: 'error', message };
  };

  // Wave 1: may we create?
  const allowed = await Promise.all(
    runnable.map(({ def }) =>
      limit(async () => {
        try {
          const res = await client.request({
            method: 'POST',
            path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
            body: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectAccessReview',
              spec: {
                resourceAttributes: {
                  group: def.group,
                  resource: def.resource,
                  verb: 'create',
                  namespace: def.namespace,
                },
              },
            },
            timeoutMs: options.timeoutMs(),
            signal: options.signal,
          });
          if (res.status !== 200 && res.status !== 201) {
            results[def.id] = {
              id: def.id,
              outcome: res.status === 403 ? 'forbidden' : 'error',
              message: `SelfSubjectAccessReview failed: ${statusMessage(
                res.status,
                res.body,
              )}`,
            };
            return false;
          }
          if (JSON.parse(res.body)?.status?.allowed !== true) {
            results[def.id] = {
              id: def.id,
              outcome: 'forbidden',
              message: `not allowed to create ${def.resource}.${def.group} in ${def.namespace} (SelfSubjectAccessReview); probe not sent`,
            };
            return false;
          }
          return true;
        } catch (e) {
          results[def.id] = failed(def.id, e);
          return false;
        }
      }),
    ),
  );

  // Wave 2: the dry-run creates.
  await Promise.all(
    runnable.map(({ def, version }, i) =>
      allowed[i]
        ? limit(async () => {
            const object = {
              apiVersion: `${def.group}/${version}`,
              kind: def.kind,
              name: PROBE_OBJECT_NAME,
              namespace: def.namespace,
            };
            try {
              const res = await client.request({
                method: 'POST',
                path: `/apis/${def.group}/${version}/namespaces/${def.namespace}/${def.resource}`,
                query: { dryRun: 'All' },
                body: def.build(version),
                timeoutMs: options.timeoutMs(),
                signal: options.signal,
              });
              results[def.id] = {
                id: def.id,
                ...classifyDryRun(res.status, res.body),
                object,
                httpStatus: res.status,
              };
            } catch (e) {
              results[def.id] = { ...failed(def.id, e), object };
            }
          })
        : undefined,
    ),
  );
  return { results, waves: allowed.some(Boolean) ? 2 : 1 };
}
