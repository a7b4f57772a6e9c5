import {
  connectToCluster,
  type ClusterConnection,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ClusterTarget } from './ClusterTarget';

/**
 * Connects to a resolved cluster: its URL and credentials, the address its
 * URL policy checked (so DNS cannot move it between check and connect) and
 * the cap on the bytes of each API response.
 */
export function connectToTarget(
  target: ClusterTarget,
  options: { maxResponseBytes?: number } = {},
): Promise<ClusterConnection> {
  return connectToCluster(
    {
      type: 'explicit',
      name: target.name,
      url: target.url,
      caData: target.caData,
      token: target.token,
      clientCertData: target.clientCertData,
      clientKeyData: target.clientKeyData,
      skipTLSVerify: target.skipTLSVerify,
    },
    {
      maxResponseBytes: options.maxResponseBytes,
      pinnedAddress: target.address,
    },
  );
}
