import {
  Finding,
  gkeCertification,
  Platform,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterSnapshot } from '../snapshot/types';

/**
 * Finding id of the GKE certified-version gate.
 *
 * @public
 */
export const GKE_CERTIFIED_VERSION_FINDING_ID = 'gke-certified-version';

/**
 * The GKE certified-version gate, for GKE clusters.
 *
 * @public
 */
export function gkeVersionFinding(
  snapshot: ClusterSnapshot,
  platform: Platform,
): Finding | undefined {
  const gitVersion = snapshot.version.info?.gitVersion;
  const cert = gkeCertification(gitVersion);
  if (platform !== 'gke') return undefined;
  const id = GKE_CERTIFIED_VERSION_FINDING_ID;
  switch (cert.status) {
    case 'certified':
      return {
        id,
        severity: 'info',
        summary: `GKE ${gitVersion} is at or above ${cert.minimum}, the certified AI-conformant GKE version for ${cert.minor}.`,
      };
    case 'below-minimum':
      return {
        id,
        severity: 'error',
        summary: `GKE ${gitVersion} is below ${cert.minimum}, the lowest certified AI-conformant GKE version for ${cert.minor}.`,
        details:
          'Certification covers a product version: a cluster below the certified minimum of its minor is not covered by the GKE entry in the CNCF repository, whatever the checks find.',
        remediation: [
          {
            description: `Upgrade the control plane to ${cert.minimum} or later.`,
            platform: 'gke',
            command: `gcloud container clusters upgrade CLUSTER_NAME --location=LOCATION --master --cluster-version=${cert.minimum}`,
          },
        ],
      };
    case 'not-certified-yet':
      return {
        id,
        severity: 'warning',
        summary: `No GKE version of Kubernetes ${cert.minor} is certified AI-conformant yet.`,
        details:
          'The CNCF repository lists certified GKE versions for 1.34 (1.34.0-gke.1662000) and 1.35 (1.35.0-gke.2232000).',
      };
    case 'not-gke':
      return {
        id,
        severity: 'warning',
        summary: `The server version ${gitVersion} has no GKE build number, so it cannot be compared with the certified GKE versions.`,
      };
    default:
      return {
        id,
        severity: 'warning',
        summary:
          'The GKE version could not be read, so the certified-version gate could not be checked.',
      };
  }
}

/**
 * Findings about what could not be collected.
 *
 * @public
 */
export function collectionFindings(snapshot: ClusterSnapshot): Finding[] {
  const findings: Finding[] = [];
  if (snapshot.version.outcome !== 'ok') {
    findings.push({
      id: 'version-unavailable',
      severity: 'warning',
      summary: `The server version could not be read (${snapshot.version.outcome}).`,
      details: snapshot.version.message,
    });
  }
  const d = snapshot.discovery;
  if (d.outcome === 'ok' && d.source === 'legacy' && d.fallbackReason) {
    findings.push({
      id: 'discovery-fallback',
      severity: 'info',
      summary:
        'API discovery used the legacy group and resource lists because aggregated discovery could not be used.',
      details: d.fallbackReason,
    });
  }
  if (d.outcome !== 'ok') {
    findings.push({
      id: 'discovery-failed',
      severity: 'error',
      summary: `API discovery failed (${d.outcome}); checks that depend on it are unknown.`,
      details: d.message,
    });
  }
  if (d.failures.length > 0) {
    findings.push({
      id: 'discovery-group-unavailable',
      severity: 'warning',
      summary: `Discovery failed for ${d.failures
        .map(f => f.groupVersion)
        .join(', ')}.`,
      details: d.failures
        .map(f => `${f.groupVersion}: ${f.message}`)
        .join('\n'),
    });
  }
  if (snapshot.stats.deadlineReached) {
    findings.push({
      id: 'deadline-reached',
      severity: 'warning',
      summary:
        'The overall deadline stopped the collection; unfinished reads are reported as timeouts.',
    });
  }
  const forbidden = Object.values(snapshot.reads).filter(
    r => r.outcome === 'forbidden',
  );
  if (forbidden.length > 0) {
    findings.push({
      id: 'reads-forbidden',
      severity: 'warning',
      summary: `${forbidden.length} read(s) were forbidden; see docs/rbac for the read-only ClusterRole.`,
      details: forbidden.map(r => r.request).join('\n'),
    });
  }
  return findings;
}
