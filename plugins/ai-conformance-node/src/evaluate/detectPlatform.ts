import type { Platform } from '@ai-conformance/plugin-ai-conformance-common';
import { parseKubernetesVersion } from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterSnapshot, KubeObject } from '../snapshot/types';

function nodesOf(snapshot: ClusterSnapshot): KubeObject[] {
  const r = snapshot.reads.nodes;
  return r?.outcome === 'ok' ? r.items ?? [] : [];
}

function anyNode(
  nodes: KubeObject[],
  test: (n: KubeObject) => boolean,
): boolean {
  return nodes.some(test);
}

const hasLabelPrefix = (n: KubeObject, prefix: string) =>
  Object.keys(n.metadata.labels ?? {}).some(k => k.startsWith(prefix));
const providerId = (n: KubeObject): string => String(n.spec?.providerID ?? '');

/**
 * The platform a snapshot comes from, from the server version, the API
 * groups served and node labels / provider IDs. OpenShift wins over the
 * cloud it runs on; `generic` when nothing points anywhere.
 *
 * @public
 */
export function detectPlatform(snapshot: ClusterSnapshot): Platform {
  const served = new Set(snapshot.discovery.groups.map(g => g.name));
  if (served.has('config.openshift.io') || served.has('route.openshift.io')) {
    return 'openshift';
  }
  const version = parseKubernetesVersion(snapshot.version.info?.gitVersion);
  const nodes = nodesOf(snapshot);
  if (
    version?.distribution === 'gke' ||
    anyNode(nodes, n => hasLabelPrefix(n, 'cloud.google.com/gke-'))
  ) {
    return 'gke';
  }
  if (
    version?.distribution === 'eks' ||
    anyNode(nodes, n => hasLabelPrefix(n, 'eks.amazonaws.com/'))
  ) {
    return 'eks';
  }
  if (
    anyNode(
      nodes,
      n =>
        hasLabelPrefix(n, 'kubernetes.azure.com/') ||
        providerId(n).startsWith('azure://'),
    )
  ) {
    return 'aks';
  }
  return 'generic';
}
