import type { VersionInfo } from '../snapshot/types';
import type { ClusterConnection } from './ClusterConnection';
import { ConnectionError } from './ConnectionError';
import { KubeApiClient, RequestFailure } from './KubeApiClient';

/**
 * Maps a failed request to a ConnectionError, or undefined when not a connection problem.
 *
 * @public
 */
export function connectionErrorOf(
  connection: { name: string; server: string },
  failure: unknown,
  status?: number,
): ConnectionError | undefined {
  const where = `${connection.name} (${connection.server})`;
  if (status === 401) {
    return new ConnectionError(
      'unauthorized',
      `The API server of ${where} rejected the credentials (401 Unauthorized)`,
    );
  }
  if (failure instanceof RequestFailure) {
    switch (failure.kind) {
      case 'tls':
        return new ConnectionError(
          'tls',
          `TLS verification against ${where} failed: ${failure.message}`,
        );
      case 'unreachable':
      case 'network':
        return new ConnectionError(
          'unreachable',
          `Cannot reach ${where}: ${failure.message}`,
        );
      case 'timeout':
        return new ConnectionError(
          'timeout',
          `${where} did not answer: ${failure.message}`,
        );
      default:
        return undefined;
    }
  }
  return undefined;
}

/**
 * Calls `/version` once. Resolves with the server's version info or throws
 * ConnectionError (unauthorized, tls, unreachable, timeout).
 *
 * @public
 */
export async function verifyConnection(
  connection: ClusterConnection,
  options: { timeoutMs?: number } = {},
): Promise<VersionInfo> {
  const client = await KubeApiClient.create(connection, { maxSockets: 1 });
  try {
    const res = await client.request({
      path: '/version',
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    const err = connectionErrorOf(connection, undefined, res.status);
    if (err) throw err;
    if (res.status !== 200) {
      throw new ConnectionError(
        'unreachable',
        `${connection.name} answered /version with HTTP ${res.status}`,
      );
    }
    return JSON.parse(res.body) as VersionInfo;
  } catch (e) {
    throw connectionErrorOf(connection, e) ?? e;
  } finally {
    client.close();
  }
}
