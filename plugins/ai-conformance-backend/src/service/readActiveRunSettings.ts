import {
  ConfigReader,
  readDurationFromConfig,
  type Config,
} from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  ACTIVE_IMAGE_NAMES,
  type ActiveImages,
} from '@ai-conformance/plugin-ai-conformance-node';

/** `aiConformance.active`: active runs ("Verify with workloads"), with defaults applied. */
export interface ActiveRunSettings {
  /** Active runs may be started (`aiConformance.active.enabled`, default false). */
  enabled: boolean;
  /** Image overrides (air-gapped mirrors). */
  images: Partial<ActiveImages>;
  /** An existing Kueue LocalQueue `namespace/name` for the gangs. */
  localQueue?: string;
  /** The autoscaled pool as a node label `key=value`. */
  autoscalingPool?: string;
  /** Deadline of the active part of a run (cleanup excluded). Default 20 minutes. */
  deadlineMs: number;
  /** Deadline of each active check; default each check's own. */
  checkDeadlineMs?: number;
  /** Bound on the cleanup after an active run and on a sweep. Default 2 minutes. */
  cleanupTimeoutMs: number;
  /** How often the checks poll what they wait for. Default 1 second. */
  pollIntervalMs?: number;
  /** How long gang_scheduling watches the gang that must not run. Default 10 seconds. */
  gangObserveMs?: number;
}

const PREFIX = 'aiConformance.active';

function optionalMs(c: Config, key: string): number | undefined {
  return c.has(key)
    ? durationToMilliseconds(readDurationFromConfig(c, { key }))
    : undefined;
}

function atLeast(ms: number | undefined, min: number, key: string) {
  if (ms !== undefined && !(ms >= min)) {
    throw new Error(`${PREFIX}.${key} must be at least ${min} ms`);
  }
  return ms;
}

/** Reads `aiConformance.active`; throws naming the first invalid value. */
export function readActiveRunSettings(root: Config): ActiveRunSettings {
  const c = root.getOptionalConfig(PREFIX) ?? new ConfigReader({});
  const images: Partial<ActiveImages> = {};
  const given = c.getOptionalConfig('images');
  for (const key of given?.keys() ?? []) {
    const name = key as keyof ActiveImages;
    const ref = given!.getString(key).trim();
    if (!ACTIVE_IMAGE_NAMES.includes(name)) {
      throw new Error(
        `${PREFIX}.images.${key} is not an image of the active checks; use one of ${ACTIVE_IMAGE_NAMES.join(
          ', ',
        )}`,
      );
    }
    if (!ref || /\s/.test(ref)) {
      throw new Error(`${PREFIX}.images.${key} must be an image reference`);
    }
    images[name] = ref;
  }
  const localQueue = c.getOptionalString('localQueue');
  if (
    localQueue !== undefined &&
    !/^[a-z0-9.-]+\/[a-z0-9.-]+$/.test(localQueue)
  ) {
    throw new Error(
      `${PREFIX}.localQueue must be namespace/name, got "${localQueue}"`,
    );
  }
  const autoscalingPool = c.getOptionalString('autoscalingPool');
  if (
    autoscalingPool !== undefined &&
    !/^[^=\s]+=[^=\s]*$/.test(autoscalingPool)
  ) {
    throw new Error(
      `${PREFIX}.autoscalingPool must be a node label key=value, got "${autoscalingPool}"`,
    );
  }
  return {
    enabled: c.getOptionalBoolean('enabled') ?? false,
    images,
    ...(localQueue ? { localQueue } : {}),
    ...(autoscalingPool ? { autoscalingPool } : {}),
    deadlineMs:
      atLeast(optionalMs(c, 'deadline'), 1000, 'deadline') ?? 20 * 60_000,
    checkDeadlineMs: atLeast(
      optionalMs(c, 'checkDeadline'),
      1000,
      'checkDeadline',
    ),
    cleanupTimeoutMs:
      atLeast(optionalMs(c, 'cleanupTimeout'), 1000, 'cleanupTimeout') ??
      2 * 60_000,
    pollIntervalMs: atLeast(optionalMs(c, 'pollInterval'), 10, 'pollInterval'),
    gangObserveMs: atLeast(optionalMs(c, 'gangObserve'), 100, 'gangObserve'),
  };
}
