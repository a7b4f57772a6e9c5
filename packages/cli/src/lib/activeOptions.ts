import {
  ACTIVE_IMAGE_NAMES,
  type ActiveImages,
  type RunActiveChecksOptions,
} from '@ai-conformance/plugin-ai-conformance-node';
import { CliError } from './CliError';
import { parseDuration } from './duration';

/** The `check` flags of an active run. */
export interface ActiveFlags {
  active?: boolean;
  image?: string[];
  localQueue?: string;
  autoscalingPool?: string;
  activeTimeout?: string;
  checkTimeout?: string;
  gangObserve?: string;
  observeScaleDown?: boolean;
  /** Folder to write the active run's junit.xml, results.json and e2e.log to. */
  activeArtifacts?: string;
}

/** Parses the active-run flags; throws CliError for a malformed one. */
export function parseActiveOptions(
  flags: ActiveFlags,
): Omit<RunActiveChecksOptions, 'onProgress' | 'signal' | 'requirementIds'> {
  const images: Partial<ActiveImages> = {};
  for (const entry of flags.image ?? []) {
    const i = entry.indexOf('=');
    const name = entry.slice(0, i) as keyof ActiveImages;
    const ref = entry.slice(i + 1).trim();
    if (
      i <= 0 ||
      !ACTIVE_IMAGE_NAMES.includes(name) ||
      !ref ||
      /\s/.test(ref)
    ) {
      throw new CliError(
        `invalid --image "${entry}": use name=image with name one of ${ACTIVE_IMAGE_NAMES.join(
          ', ',
        )}`,
      );
    }
    images[name] = ref;
  }
  if (
    flags.localQueue &&
    !/^[a-z0-9.-]+\/[a-z0-9.-]+$/.test(flags.localQueue)
  ) {
    throw new CliError(
      `invalid --local-queue "${flags.localQueue}": use namespace/name`,
    );
  }
  if (
    flags.autoscalingPool &&
    !/^[^=\s]+=[^=\s]*$/.test(flags.autoscalingPool)
  ) {
    throw new CliError(
      `invalid --autoscaling-pool "${flags.autoscalingPool}": use a node label key=value`,
    );
  }
  return {
    images,
    localQueue: flags.localQueue,
    autoscalingPool: flags.autoscalingPool,
    deadlineMs: flags.activeTimeout
      ? parseDuration(flags.activeTimeout)
      : undefined,
    checkDeadlineMs: flags.checkTimeout
      ? parseDuration(flags.checkTimeout)
      : undefined,
    gangObserveMs: flags.gangObserve
      ? parseDuration(flags.gangObserve)
      : undefined,
    observeScaleDown: flags.observeScaleDown ? true : undefined,
  };
}

/** Flags that only mean something with --active. */
export function activeOnlyFlags(flags: ActiveFlags): string[] {
  const names: Array<[keyof ActiveFlags, string]> = [
    ['image', '--image'],
    ['localQueue', '--local-queue'],
    ['autoscalingPool', '--autoscaling-pool'],
    ['activeTimeout', '--active-timeout'],
    ['checkTimeout', '--check-timeout'],
    ['gangObserve', '--gang-observe'],
    ['observeScaleDown', '--observe-scale-down'],
    ['activeArtifacts', '--active-artifacts'],
  ];
  return names
    .filter(([k]) => {
      const v = flags[k];
      return Array.isArray(v) ? v.length > 0 : v !== undefined;
    })
    .map(([, flag]) => flag);
}
