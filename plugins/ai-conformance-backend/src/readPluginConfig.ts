import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  ConfigReader,
  readDurationFromConfig,
  type Config,
} from '@backstage/config';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';
import type { ProductYamlMetadata } from '@ai-conformance/plugin-ai-conformance-common';
import {
  checkMaxResponseBytes,
  DEFAULT_MAX_RESPONSE_BYTES,
  parseDeclaredSolutions,
  type DeclaredSolution,
} from '@ai-conformance/plugin-ai-conformance-node';

/** Settings of the backend plugin, with defaults applied. */
export interface PluginSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  scheduleEnabled: boolean;
  concurrency: number;
  clusterDeadlineMs: number;
  requestTimeoutMs: number;
  runsPerCluster: number;
  uploadMaxBytes: number;
  /** Cap on the bytes of one Kubernetes API response. */
  maxResponseBytes: number;
  selfAssessmentMetadata: ProductYamlMetadata;
  /** Badges answer without a token (aiConformance.badges.public). */
  publicBadges: boolean;
  /** Components the site declares (aiConformance.solutions). */
  solutions: DeclaredSolution[];
  /** Run coordination between replicas (aiConformance.runs). */
  runs: { leaseMs: number; heartbeatMs: number; pollMs: number };
}

/** Reads `aiConformance.runs` (lease, heartbeat, poll interval). */
export function readRunCoordination(c: Config): PluginSettings['runs'] {
  const leaseMs = durationMs(c, 'runs.lease', { seconds: 60 });
  const heartbeatMs = durationMs(c, 'runs.heartbeat', {
    milliseconds: Math.max(1, Math.floor(leaseMs / 4)),
  });
  const pollMs = durationMs(c, 'runs.pollInterval', { seconds: 2 });
  for (const [key, ms] of [
    ['runs.lease', leaseMs],
    ['runs.heartbeat', heartbeatMs],
    ['runs.pollInterval', pollMs],
  ] as const) {
    if (!(ms >= 100)) {
      throw new Error(`aiConformance.${key} must be at least 100 ms`);
    }
  }
  if (heartbeatMs * 2 > leaseMs) {
    throw new Error(
      `aiConformance.runs.heartbeat (${heartbeatMs} ms) must be at most half of aiConformance.runs.lease (${leaseMs} ms)`,
    );
  }
  return { leaseMs, heartbeatMs, pollMs };
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 6 },
  timeout: { hours: 1 },
  initialDelay: { minutes: 1 },
};

function durationMs(
  config: Config,
  key: string,
  fallback: HumanDuration,
): number {
  return config.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : durationToMilliseconds(fallback);
}

function positiveInteger(
  config: Config,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${key} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Reads `aiConformance.maxResponseBytes` (default 32 MiB). */
export function readMaxResponseBytes(root: Config): number {
  const key = 'aiConformance.maxResponseBytes';
  const value = root.getOptionalNumber(key);
  return value === undefined
    ? DEFAULT_MAX_RESPONSE_BYTES
    : checkMaxResponseBytes(value, key);
}

/** Reads `aiConformance.solutions`; throws naming the first invalid entries. */
export function readDeclaredSolutions(root: Config): DeclaredSolution[] {
  const list = root.getOptional('aiConformance.solutions');
  return parseDeclaredSolutions(list, 'aiConformance.solutions');
}

/** Reads `aiConformance.*` (see config.d.ts). */
export function readPluginConfig(root: Config): PluginSettings {
  const c = root.getOptionalConfig('aiConformance') ?? new ConfigReader({});
  const scheduleConfig = c.getOptionalConfig('schedule');
  let schedule = DEFAULT_SCHEDULE;
  if (scheduleConfig && scheduleConfig.has('frequency')) {
    const { enabled: _enabled, ...given } =
      scheduleConfig.get<Record<string, unknown>>();
    schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader({
        timeout: DEFAULT_SCHEDULE.timeout,
        initialDelay: DEFAULT_SCHEDULE.initialDelay,
        ...given,
      } as any),
    );
  }
  return {
    schedule,
    scheduleEnabled: scheduleConfig?.getOptionalBoolean('enabled') ?? true,
    concurrency: positiveInteger(c, 'concurrency', 8),
    clusterDeadlineMs: durationMs(c, 'clusterDeadline', { minutes: 2 }),
    requestTimeoutMs: durationMs(c, 'requestTimeout', { seconds: 10 }),
    runsPerCluster: positiveInteger(c, 'retention.runsPerCluster', 100),
    uploadMaxBytes: positiveInteger(c, 'uploads.maxBytes', 5 * 1024 * 1024),
    maxResponseBytes: readMaxResponseBytes(root),
    publicBadges: c.getOptionalBoolean('badges.public') ?? false,
    solutions: readDeclaredSolutions(root),
    runs: readRunCoordination(c),
    selfAssessmentMetadata:
      (c
        .getOptionalConfig('selfAssessment.metadata')
        ?.get() as ProductYamlMetadata) ?? {},
  };
}
