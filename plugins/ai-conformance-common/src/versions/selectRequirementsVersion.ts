import {
  getChecklist,
  getChecklistVersions,
  normalizeChecklistVersion,
} from '../catalog/checklistRegistry';
import type { Finding } from '../types';
import { compareChecklistVersions, kubernetesMinor } from './kubernetesVersion';

/**
 * Finding id used for every note about the checklist version choice.
 *
 * @public
 */
export const CHECKLIST_VERSION_FINDING_ID = 'checklist-version';

/** @public */
export interface RequirementsVersionChoice {
  version: string;
  /** Present when the version is not simply the cluster's minor. */
  finding?: Finding;
}

/**
 * Picks the checklist version for a cluster. An explicit override wins
 * (InputError if unknown). Otherwise the cluster's minor; a minor newer
 * than every known checklist gets the newest one, an older one the oldest,
 * each with a warning finding.
 *
 * @public
 */
export function selectRequirementsVersion(
  clusterVersion: string | undefined | null,
  override?: string,
): RequirementsVersionChoice {
  const known = getChecklistVersions();
  const newest = known[known.length - 1];
  const oldest = known[0];
  if (override) {
    const { version } = getChecklist(override);
    const minor = kubernetesMinor(clusterVersion);
    return {
      version,
      finding: {
        id: CHECKLIST_VERSION_FINDING_ID,
        severity: 'info',
        summary: `Checklist v${version} was chosen explicitly${
          minor && minor !== version ? ` (cluster is ${minor})` : ''
        }.`,
      },
    };
  }
  const minor = kubernetesMinor(clusterVersion);
  if (!minor) {
    return {
      version: newest,
      finding: {
        id: CHECKLIST_VERSION_FINDING_ID,
        severity: 'warning',
        summary: `The cluster's Kubernetes version is unknown; evaluated against the newest checklist, v${newest}.`,
      },
    };
  }
  if (known.includes(minor)) return { version: minor };
  if (compareChecklistVersions(minor, newest) > 0) {
    return {
      version: newest,
      finding: {
        id: CHECKLIST_VERSION_FINDING_ID,
        severity: 'warning',
        summary: `No checklist exists yet for Kubernetes ${minor}; evaluated against the newest known, v${newest}.`,
        details:
          'Load the official checklist of the newer version to evaluate against it.',
      },
    };
  }
  if (compareChecklistVersions(minor, oldest) < 0) {
    return {
      version: oldest,
      finding: {
        id: CHECKLIST_VERSION_FINDING_ID,
        severity: 'warning',
        summary: `Kubernetes ${minor} predates the AI Conformance program; evaluated against the oldest checklist, v${oldest}.`,
        details:
          'Certification needs a Kubernetes version with a published checklist.',
      },
    };
  }
  const lower = known.filter(v => compareChecklistVersions(v, minor) < 0);
  const version = normalizeChecklistVersion(lower[lower.length - 1])!;
  return {
    version,
    finding: {
      id: CHECKLIST_VERSION_FINDING_ID,
      severity: 'warning',
      summary: `No checklist is loaded for Kubernetes ${minor}; evaluated against v${version}.`,
    },
  };
}
