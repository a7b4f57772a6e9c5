/**
 * What `getServerConfig` tells about a location, reduced to what we use.
 *
 * @public
 */
export interface GkeServerConfig {
  defaultClusterVersion?: string;
  validMasterVersions: string[];
  channels: Array<{
    /** RAPID, REGULAR, STABLE or EXTENDED. */
    channel: string;
    defaultVersion?: string;
    validVersions: string[];
  }>;
}

/**
 * Reads the versions GKE offers in a location.
 *
 * @public
 */
export interface GkeServerConfigSource {
  getServerConfig(options: {
    projectId: string;
    region: string;
  }): Promise<GkeServerConfig>;
}
