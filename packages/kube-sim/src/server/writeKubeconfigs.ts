import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** What a kubeconfig entry needs. */
export interface KubeconfigCluster {
  name: string;
  server: string;
  caData: string;
  token: string;
}

/** A kubeconfig document with one context per cluster; the first is current. */
export function kubeconfigYaml(
  clusters: KubeconfigCluster[],
  current = clusters[0]?.name,
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: clusters.map(c => ({
      name: c.name,
      cluster: { server: c.server, 'certificate-authority-data': c.caData },
    })),
    users: clusters.map(c => ({
      name: `${c.name}-checker`,
      user: { token: c.token },
    })),
    contexts: clusters.map(c => ({
      name: c.name,
      context: { cluster: c.name, user: `${c.name}-checker` },
    })),
    'current-context': current,
  });
}

/** Writes `<dir>/<cluster>.kubeconfig` per cluster and `<dir>/kubeconfig` with every context (mode 0600). */
export function writeKubeconfigs(
  dir: string,
  clusters: KubeconfigCluster[],
): { combined: string; perCluster: Map<string, string> } {
  fs.mkdirSync(dir, { recursive: true });
  const perCluster = new Map<string, string>();
  for (const c of clusters) {
    const file = path.join(dir, `${c.name}.kubeconfig`);
    fs.writeFileSync(file, kubeconfigYaml([c]), { mode: 0o600 });
    perCluster.set(c.name, file);
  }
  const combined = path.join(dir, 'kubeconfig');
  fs.writeFileSync(combined, kubeconfigYaml(clusters), { mode: 0o600 });
  return { combined, perCluster };
}
