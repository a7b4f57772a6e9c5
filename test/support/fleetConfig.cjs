// The catalog and `kubernetes` config of a kube-sim fleet, for the fleet
// benchmarks and the replica suite: one `kubernetes-cluster` Resource and
// one service-account cluster per kube-sim cluster.
const fs = require('node:fs');
const { stringify } = require('yaml');

/** Writes one catalog Resource per cluster to `file`. */
function writeFleetCatalog(file, clusters) {
  fs.writeFileSync(
    file,
    clusters
      .map(c =>
        stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: c.name },
          spec: {
            type: 'kubernetes-cluster',
            owner: 'group:default/ai-platform',
          },
        }),
      )
      .join('---\n'),
  );
}

/** The `kubernetes` config reaching every cluster with its token. */
function fleetKubernetesConfig(clusters) {
  return {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: clusters.map(c => ({
          name: c.name,
          url: c.server,
          authProvider: 'serviceAccount',
          serviceAccountToken: c.token,
          caData: c.caData,
          skipMetricsLookup: true,
        })),
      },
    ],
  };
}

/**
 * The app config of a backend on `port` checking the fleet: the catalog
 * file, the clusters, the given database (default: the app config's) and
 * `aiConformance` settings.
 */
function fleetBackendConfig({
  port,
  catalogFile,
  clusters,
  database,
  aiConformance,
}) {
  return {
    app: { baseUrl: `http://localhost:${port}` },
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port },
      cors: { origin: `http://localhost:${port}` },
      ...(database ? { database } : {}),
    },
    catalog: {
      locations: [
        { type: 'file', target: catalogFile, rules: [{ allow: ['Resource'] }] },
      ],
    },
    kubernetes: fleetKubernetesConfig(clusters),
    aiConformance,
  };
}

module.exports = {
  writeFleetCatalog,
  fleetKubernetesConfig,
  fleetBackendConfig,
};
