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

module.exports = { writeFleetCatalog, fleetKubernetesConfig };
