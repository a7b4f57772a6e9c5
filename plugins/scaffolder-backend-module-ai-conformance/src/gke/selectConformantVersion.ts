import { InputError } from '@backstage/errors';
import {
  GKE_CERTIFIED_MINIMUMS,
  compareKubernetesVersions,
  gkeCertification,
  gkeVersionProblem,
} from '@ai-conformance/plugin-ai-conformance-common';
import { GkeServerConfig } from './GkeServerConfigSource';

export interface VersionChoice {
  version: string;
  /** Every certified version of the minor the channel offers, newest first. */
  candidates: string[];
}

/** Throws InputError unless the minor has a certified GKE minimum. */
export function certifiedMinimumOf(minor: string): string {
  const minimum = GKE_CERTIFIED_MINIMUMS[minor];
  if (!minimum) {
    throw new InputError(
      `GKE ${minor} has no AI-conformance-certified version yet; certified minors: ${Object.keys(
        GKE_CERTIFIED_MINIMUMS,
      ).join(', ')}`,
    );
  }
  return minimum;
}

/**
 * Checks a version a user gave: a GKE version of the wanted minor at or
 * above the certified minimum. Throws InputError naming the minimum.
 */
export function checkGivenVersion(version: string, minor: string): string {
  certifiedMinimumOf(minor);
  const problem = gkeVersionProblem(version, minor, {
    subject: `GKE version ${version}`,
  });
  if (problem) throw new InputError(problem);
  return version.trim().replace(/^v/, '');
}

/**
 * Picks a conformant version from what a release channel offers in a
 * location: the channel default when it is certified for the minor,
 * otherwise the newest certified version of the minor. When `wanted` is
 * given it must be one the channel offers and certified.
 */
export function selectConformantVersion(
  config: GkeServerConfig,
  options: { channel: string; minor: string; region: string; wanted?: string },
): VersionChoice {
  const { minor, region } = options;
  const channelName = options.channel.toUpperCase();
  const minimum = certifiedMinimumOf(minor);
  const channel = config.channels.find(c => c.channel === channelName);
  if (!channel) {
    throw new InputError(
      `The ${channelName} release channel is not offered in ${region} (offered: ${
        config.channels.map(c => c.channel).join(', ') || 'none'
      })`,
    );
  }
  const candidates = channel.validVersions
    .filter(v => {
      const c = gkeCertification(v);
      return c.status === 'certified' && c.minor === minor;
    })
    .sort((a, b) => compareKubernetesVersions(b, a));

  if (options.wanted) {
    const wanted = checkGivenVersion(options.wanted, minor);
    if (!channel.validVersions.includes(wanted)) {
      throw new InputError(
        `GKE version ${wanted} is not offered on the ${channelName} channel in ${region}; certified ${minor} versions offered: ${
          candidates.join(', ') || 'none'
        }`,
      );
    }
    return { version: wanted, candidates };
  }
  if (candidates.length === 0) {
    const offered = channel.validVersions.filter(
      v => gkeCertification(v).minor === minor,
    );
    throw new InputError(
      `No ${minor} version on the ${channelName} channel in ${region} is at or above ${minimum}, the lowest AI-conformance-certified version (offered ${minor} versions: ${
        offered.join(', ') || 'none'
      }); try the RAPID channel or another minor`,
    );
  }
  const preferred =
    channel.defaultVersion && candidates.includes(channel.defaultVersion)
      ? channel.defaultVersion
      : candidates[0];
  return { version: preferred, candidates };
}
