#!/usr/bin/env node
// Benchmark: one kube-sim process serving a fleet of virtual clusters (default 1,000).
// Prints start-up time, memory, and latency of probes against a sample of clusters.
// Usage: node test/bench/kube-sim-fleet.mjs [--count N] [--sample N]
import https from 'node:https';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { startKubeSim } = require('../../packages/kube-sim/src/index.ts');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const count = arg('count', 1000);
const sampleSize = Math.min(arg('sample', 50), count);
const scenarios = [
  'gke-1.34-conformant',
  'gke-1.35-should',
  'gke-1.33',
  'gke-1.34-uncertified',
  'eks-1.35',
  'vanilla-1.36-cpu',
];
const mb = bytes => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const keepAlive = new https.Agent({ keepAlive: true, maxSockets: 16 });

function get(cluster, path, agent = false) {
  const url = new URL(cluster.server + path);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    https
      .get(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          ca: Buffer.from(cluster.caData, 'base64'),
          headers: { authorization: `Bearer ${cluster.token}` },
          agent,
        },
        res => {
          let size = 0;
          res.on('data', c => (size += c.length));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              ms: performance.now() - started,
              size,
            }),
          );
        },
      )
      .on('error', reject);
  });
}

const before = process.memoryUsage();
const t0 = performance.now();
const sim = await startKubeSim({
  clusters: Array.from({ length: count }, (_, i) => ({
    name: `${scenarios[i % scenarios.length]}-${i}`,
    scenario: scenarios[i % scenarios.length],
  })),
  metrics: true,
});
const startupMs = performance.now() - t0;
global.gc?.();
const after = process.memoryUsage();

const t2 = performance.now();
let everyOk = 0;
for (let i = 0; i < sim.clusters.length; i += 50) {
  const batch = await Promise.all(
    sim.clusters.slice(i, i + 50).map(c => get(c, '/version', keepAlive)),
  );
  everyOk += batch.filter(r => r.status === 200).length;
}
const everyMs = performance.now() - t2;
if (everyOk !== count)
  throw new Error(`only ${everyOk} of ${count} clusters answered /version`);

const step = Math.max(1, Math.floor(count / sampleSize));
const sample = sim.clusters
  .filter((_, i) => i % step === 0)
  .slice(0, sampleSize);
const probes = [];
const t1 = performance.now();
for (const cluster of sample) {
  for (const path of ['/version', '/api/v1/nodes', '/apis']) {
    const r = await get(cluster, path);
    if (r.status !== 200)
      throw new Error(`${cluster.name}${path}: HTTP ${r.status}`);
    probes.push(r.ms);
  }
}
const probeMs = performance.now() - t1;
probes.sort((a, b) => a - b);
const pct = p =>
  probes[
    Math.min(probes.length - 1, Math.floor((p / 100) * probes.length))
  ].toFixed(1);
const served = sim.clusters.reduce((n, c) => n + c.requestCount(), 0);
const afterProbes = process.memoryUsage();

console.log(
  `kube-sim fleet benchmark: ${count} clusters (${scenarios.length} scenarios in turn)`,
);
console.log(
  `  start-up:        ${startupMs.toFixed(0)} ms (${(startupMs / count).toFixed(
    2,
  )} ms per cluster)`,
);
console.log(
  `  memory at ready: rss ${mb(after.rss)} (+${mb(
    after.rss - before.rss,
  )}), heap used ${mb(after.heapUsed)} (+${mb(
    after.heapUsed - before.heapUsed,
  )})`,
);
console.log(
  `  every cluster:   ${everyOk}/${count} answered /version in ${everyMs.toFixed(
    0,
  )} ms (keep-alive)`,
);
console.log(
  `  probes:          ${probes.length} requests over ${
    sample.length
  } clusters in ${probeMs.toFixed(0)} ms; p50 ${pct(50)} ms, p95 ${pct(
    95,
  )} ms, max ${pct(100)} ms`,
);
console.log(
  `  memory after:    rss ${mb(afterProbes.rss)}, heap used ${mb(
    afterProbes.heapUsed,
  )}; requests counted ${served}`,
);
console.log(
  `  DCGM targets:    ${sim.clusters.reduce(
    (n, c) => n + c.metricsTargets.length,
    0,
  )}`,
);
keepAlive.destroy();
await sim.stop();
