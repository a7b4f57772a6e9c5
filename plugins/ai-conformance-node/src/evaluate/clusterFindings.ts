import {
  certifiedProductsFor,
  type CertifiedVersions,
  Finding,
  gkeCertification,
  gkeCertifiedMinors,
  GKE_CERTIFIED_MINIMUMS,
  kubernetesMinor,
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
  certified?: CertifiedVersions,
): Finding | undefined {
  const gitVersion = snapshot.version.info?.gitVersion;
  const cert = gkeCertification(gitVersion, certified);
  if (platform !== 'gke') return undefined;
  const id = GKE_CERTIFIED_VERSION_FINDING_ID;
  const from =
    cert.source && cert.source !== 'built-in'
      ? ` (CNCF repository ${cert.source})`
      : '';
  switch (cert.status) {
    case 'certified':
      return {
        id,
        severity: 'info',
        summary: `GKE ${gitVersion} is at or above ${cert.minimum}, the certified AI-conformant GKE version for ${cert.minor}${from}.`,
      };
    case 'below-minimum':
      return {
        id,
        severity: 'error',
        summary: `GKE ${gitVersion} is below ${cert.minimum}, the lowest certified AI-conformant GKE version for ${cert.minor}${from}.`,
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
        details: `Certified GKE versions are known for ${gkeCertifiedMinors(
          certified,
        )
          .map(m => {
            const c = gkeCertification(`v${m}.0-gke.0`, certified);
            return `${m} (${c.minimum ?? GKE_CERTIFIED_MINIMUMS[m]})`;
          })
          .join(', ')}.`,
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
 * Finding id naming the certified submission a cluster is measured against.
 *
 * @public
 */
export const CERTIFIED_PLATFORM_FINDING_ID = 'certified-platform-version';

/**
 * For a platform other than GKE (whose versions are gated by
 * {@link gkeVersionFinding}), which certified submission of the CNCF
 * repository the cluster is measured against, from certified versions read
 * as data. Undefined without data, or for a platform no submission names.
 *
 * @public
 */
export function certifiedPlatformFinding(
  snapshot: ClusterSnapshot,
  platform: Platform,
  checklistVersion: string,
  certified: CertifiedVersions | undefined,
): Finding | undefined {
  if (!certified || platform === 'gke' || platform === 'generic') {
    return undefined;
  }
  const minor =
    kubernetesMinor(snapshot.version.info?.gitVersion) ?? checklistVersion;
  const all = certified.products.filter(p =>
    certifiedProductsFor(certified, platform, p.checklist).includes(p),
  );
  if (all.length === 0) return undefined;
  const own = certifiedProductsFor(certified, platform, minor);
  if (own.length === 0) {
    const listed = [...new Set(all.map(p => p.checklist))].sort().join(', ');
    return {
      id: CERTIFIED_PLATFORM_FINDING_ID,
      severity: 'warning',
      summary: `No certified ${platform} submission for Kubernetes ${minor} in the CNCF repository (certified for ${listed}).`,
      details: `Read from ${certified.loadedFrom ?? 'configuration'}.`,
    };
  }
  const p = own[0];
  return {
    id: CERTIFIED_PLATFORM_FINDING_ID,
    severity: 'info',
    summary: `Measured against the certified submission ${p.source}: ${
      p.platformName ?? p.product
    } ${p.platformVersion}${p.vendorName ? ` (${p.vendorName})` : ''}.`,
    details: `Read from ${certified.loadedFrom ?? 'configuration'}.`,
  };
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
