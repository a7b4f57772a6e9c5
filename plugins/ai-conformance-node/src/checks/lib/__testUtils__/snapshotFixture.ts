/**
 * Test helpers: a small snapshot builder and the context a check sees.
 * Used by the checks' unit tests only.
 */
import type {
  Platform,
  ReadOutcome,
  RequirementLevel,
} from '@ai-conformance/plugin-ai-conformance-common';
import { createCheckContext } from '../../../evaluate/createCheckContext';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type ClusterSnapshot,
  type DiscoveryFailure,
  type KubeObject,
  type ProbeResult,
  type ReadResult,
  type SnapshotMetrics,
} from '../../../snapshot/types';
import type { Check, CheckContext, CheckOutcome } from '../../types';
import type { DeclaredSolution } from '../../../solutions/declaredSolutions';

export interface FixtureOptions {
  /** Kubernetes minor, e.g. 34. */
  minor?: number;
  /** Served API groups → versions with their resources (plural names). */
  groups?: Record<string, Record<string, string[]>>;
  /** Read key → items (outcome ok) or a full ReadResult. */
  reads?: Record<string, KubeObject[] | ReadResult>;
  discoveryOutcome?: ReadOutcome;
  discoveryFailures?: DiscoveryFailure[];
  probes?: Record<string, ProbeResult>;
  /** A sample from the cluster's metrics source. */
  metrics?: SnapshotMetrics;
}

export function snapshotFixture(opts: FixtureOptions = {}): ClusterSnapshot {
  const minor = opts.minor ?? 34;
  const reads: Record<string, ReadResult> = {};
  for (const [key, value] of Object.entries(opts.reads ?? {})) {
    reads[key] = Array.isArray(value)
      ? { outcome: 'ok', request: `list ${key}`, items: value }
      : value;
  }
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: '2026-01-01T00:00:00Z',
    cluster: { name: 'test' },
    version: {
      outcome: 'ok',
      info: { major: '1', minor: String(minor), gitVersion: `v1.${minor}.1` },
    },
    discovery: {
      source: 'aggregated',
      outcome: opts.discoveryOutcome ?? 'ok',
      groups: Object.entries(opts.groups ?? {}).map(([name, versions]) => ({
        name,
        preferredVersion: Object.keys(versions)[0],
        versions: Object.entries(versions).map(([version, resources]) => ({
          version,
          resources: resources.map(r => ({
            name: r,
            kind: r,
            namespaced: false,
            verbs: ['get', 'list'],
          })),
        })),
      })),
      failures: opts.discoveryFailures ?? [],
    },
    reads,
    probes: opts.probes ?? {},
    stats: { apiRequests: 0, durationMs: 0, waves: 0 },
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
  };
}

export function failedRead(
  outcome: ReadOutcome,
  request: string,
  httpStatus?: number,
): ReadResult {
  return { outcome, request, httpStatus, message: `${request}: ${outcome}` };
}

export function contextFor(
  snapshot: ClusterSnapshot,
  opts: {
    platform?: Platform;
    requirementsVersion?: string;
    level?: RequirementLevel;
    solutions?: DeclaredSolution[];
  } = {},
): CheckContext {
  return createCheckContext({
    snapshot,
    platform: opts.platform ?? 'generic',
    requirementsVersion: opts.requirementsVersion ?? '1.34',
    level: opts.level ?? 'MUST',
    solutions: opts.solutions,
  });
}

/** Evaluates a check against a fixture in one call. */
export function run(
  check: Check,
  fixture: FixtureOptions,
  opts: Parameters<typeof contextFor>[1] = {},
): CheckOutcome {
  return check.evaluate(contextFor(snapshotFixture(fixture), opts));
}
