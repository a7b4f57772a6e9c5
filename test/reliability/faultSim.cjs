#!/usr/bin/env node
/* eslint-disable */
// Serves the kube-sim clusters of the fault matrix and writes, into --dir:
// `kubeconfig` (one context per cluster), `tls-mismatch.kubeconfig` (a real
// cluster with a foreign CA), `catalog.yaml` (one Resource per cluster) and
// `app-config.faults.yaml` (kubernetes clusters, catalog location, short
// deadlines). A control server answers `GET /log/<cluster>` (request log),
// `POST /faults/<cluster>` (JSON FaultSpec[]) and `POST /expire/<cluster>`.
// Prints `fault-sim ready <control url>` once everything is written.
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { stringify, parse } = require('yaml');
const {
  startKubeSim,
  loadScenario,
} = require('../../packages/kube-sim/src/index.ts');
const {
  generateTlsMaterial,
} = require('../../packages/kube-sim/src/server/generateTlsMaterial.ts');

const FAULT_CLUSTERS = require('./faultMatrix.cjs').clusters;

function expiredContinueScenario() {
  // Enough nodes for several list pages, and continue tokens that expire at once.
  const base = structuredClone(loadScenario('gke-1.34-conformant'));
  base.name = 'expired-continue';
  base.continueTokenTtlMs = 0;
  base.nodePools = [
    ...(base.nodePools ?? []),
    {
      name: 'cpu-extra',
      count: 1200,
      namePattern: 'gke-extra-{index}',
      labels: { 'cloud.google.com/gke-nodepool': 'cpu-extra' },
      capacity: { cpu: '8', memory: '32Gi', pods: '110' },
    },
  ];
  return base;
}

async function main() {
  const dirIndex = process.argv.indexOf('--dir');
  if (dirIndex < 0) throw new Error('usage: faultSim.cjs --dir <dir>');
  const dir = path.resolve(process.argv[dirIndex + 1]);
  fs.mkdirSync(dir, { recursive: true });

  const clusters = FAULT_CLUSTERS.filter(c => !c.tlsMismatchOf).map(c => ({
    name: c.name,
    scenario:
      c.scenario === 'expired-continue'
        ? expiredContinueScenario()
        : c.scenario,
    faults: c.faults,
  }));
  const sim = await startKubeSim({
    clusters,
    kubeconfigDir: dir,
    metrics: false,
  });

  // A cluster whose certificate is signed by another CA than the one given.
  const foreignCa = Buffer.from(
    generateTlsMaterial(['localhost']).caCert,
  ).toString('base64');
  const configClusters = [];
  for (const c of FAULT_CLUSTERS) {
    const target = sim.cluster(c.tlsMismatchOf ?? c.name);
    configClusters.push({
      name: c.name,
      url: target.server,
      authProvider: 'serviceAccount',
      serviceAccountToken: target.token,
      caData: c.tlsMismatchOf ? foreignCa : target.caData,
      skipTLSVerify: false,
      skipMetricsLookup: true,
    });
    if (c.tlsMismatchOf) {
      const kc = parse(
        fs.readFileSync(
          path.join(dir, `${c.tlsMismatchOf}.kubeconfig`),
          'utf8',
        ),
      );
      kc.clusters[0].cluster['certificate-authority-data'] = foreignCa;
      fs.writeFileSync(path.join(dir, `${c.name}.kubeconfig`), stringify(kc), {
        mode: 0o600,
      });
    }
  }

  const catalog = FAULT_CLUSTERS.map(c =>
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: c.name, description: `Fault matrix: ${c.fault}` },
      spec: { type: 'kubernetes-cluster', owner: 'group:default/ai-platform' },
    }),
  ).join('---\n');
  fs.writeFileSync(path.join(dir, 'catalog.yaml'), catalog);

  const appConfig = {
    catalog: {
      locations: [
        {
          type: 'file',
          target: path.join(dir, 'catalog.yaml'),
          rules: [{ allow: ['Resource'] }],
        },
      ],
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [{ type: 'config', clusters: configClusters }],
    },
  };
  fs.writeFileSync(
    path.join(dir, 'app-config.faults.yaml'),
    stringify(appConfig),
    { mode: 0o600 },
  );

  const control = http.createServer((req, res) => {
    const [, action, name] = (req.url ?? '').split('/');
    let body = '';
    req.on('data', d => (body += d));
    req.on('end', () => {
      try {
        const cluster = sim.cluster(decodeURIComponent(name ?? ''));
        if (req.method === 'GET' && action === 'log') {
          res.end(JSON.stringify(cluster.requestLog()));
        } else if (req.method === 'POST' && action === 'faults') {
          cluster.setFaults(JSON.parse(body || '[]'));
          res.end('{}');
        } else if (req.method === 'POST' && action === 'reset') {
          cluster.resetCounters();
          res.end('{}');
        } else {
          res.statusCode = 404;
          res.end('{}');
        }
      } catch (e) {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: String(e && e.message) }));
      }
    });
  });
  await new Promise(r => control.listen(0, '127.0.0.1', r));
  const stop = () =>
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(
    `fault-sim ready http://127.0.0.1:${control.address().port}\n`,
  );
}

main().catch(e => {
  process.stderr.write(`fault-sim: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
