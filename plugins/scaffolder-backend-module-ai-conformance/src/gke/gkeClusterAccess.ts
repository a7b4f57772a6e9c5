import { NotFoundError } from '@backstage/errors';
import { ContainerApi } from './containerApi';
import { grpcCodeOf, toContainerApiTaskError } from './containerApiError';

/** How the Kubernetes plugin and the backend reach a GKE cluster. */
export interface GkeClusterAccess {
  /** `https://<endpoint>` as the Container API reports it. */
  server: string;
  /** Base64 PEM of the cluster's CA certificate. */
  caData: string;
  version: string;
}

/**
 * Reads a cluster's API server and CA from the Container API. The URL that
 * the backend sends its Google token to comes from there, never from a
 * template's input.
 */
export async function readGkeClusterAccess(
  api: ContainerApi,
  cluster: { projectId: string; region: string; name: string },
): Promise<GkeClusterAccess> {
  const { projectId, region, name } = cluster;
  try {
    const [found] = await api.client.getCluster({
      name: `projects/${projectId}/locations/${region}/clusters/${name}`,
    });
    if (!found.endpoint || !found.masterAuth?.clusterCaCertificate) {
      throw new NotFoundError(
        `Cluster ${name} in project ${projectId}, region ${region} has no API server endpoint yet; run ai-conformance:gke:create-cluster first`,
      );
    }
    return {
      server: `https://${found.endpoint}`,
      caData: found.masterAuth.clusterCaCertificate,
      version: found.currentMasterVersion ?? '',
    };
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
    if (grpcCodeOf(error) === 5) {
      throw new NotFoundError(
        `No cluster ${name} in project ${projectId}, region ${region}; run ai-conformance:gke:create-cluster first`,
      );
    }
    throw toContainerApiTaskError(error, {
      action: `read cluster ${name}`,
      projectId,
      region,
    });
  }
}
