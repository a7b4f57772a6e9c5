/** Where a cluster's connection settings came from. */
export type ClusterSource =
  | 'aiConformance.clusters'
  | 'kubernetes.clusterLocatorMethods'
  | 'catalog';

/**
 * Everything needed to connect to one cluster. Holds credentials: never
 * returned to clients or logged (use {@link describeClusterTarget}).
 */
export interface ClusterTarget {
  name: string;
  url: string;
  caData?: string;
  token?: string;
  clientCertData?: string;
  clientKeyData?: string;
  skipTLSVerify?: boolean;
  authProvider: string;
  source: ClusterSource;
  /**
   * The address the URL policy checked (catalog clusters): connections go
   * there, never to a second DNS answer for the host.
   */
  address?: string;
}

/** A log- and response-safe description of a target. */
export function describeClusterTarget(target: ClusterTarget): string {
  return `${target.name} (${target.url}, auth ${target.authProvider}, from ${target.source})`;
}
