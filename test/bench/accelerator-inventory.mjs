#!/usr/bin/env node
// Benchmark of the accelerator inventory (nodes, Running pods, ResourceSlices)
// against kube-sim scenarios. Prints, per scenario: nodes, accelerator nodes,
// API requests of the inventory (one paginated pod list) versus the requests a
// per-node pod list would need, wall time with injected latency, and the
// allocated/allocatable figures.
// Usage: node test/bench/accelerator-inventory.mjs [--latency 20] [--scenarios a,b]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const names = arg(
  'scenarios',
  'gke-1.34-conformant,gke-1.35-should,eks-1.35,vanilla-1.36-cpu,large-5000',
).split(',');
const latencyMs = Number(arg('latency', '20'));

const engine = require('../../plugins/ai-conformance-node/src/index.ts');
const { startKubeSim } = require('../../packages/kube-sim/src/index.ts');

const sim = await startKubeSim({
  metrics: false,
  clusters: names.map(scenario => ({
    name: scenario.replace(/\./g, '-'),
    scenario,
  })),
});
const rows = [];
try {
  for (const scenario of names) {
    const cluster = sim.cluster(scenario.replace(/\./g, '-'));
    cluster.setFaults(latencyMs > 0 ? [{ latencyMs }] : []);
    const connection = await engine.connectToCluster({
      type: 'explicit',
      name: cluster.name,
      url: cluster.server,
      caData: cluster.caData,
      token: cluster.token,
    });
    cluster.resetCounters();
    const started = performance.now();
    const inventory = await engine.readAcceleratorInventory(connection);
    const wallMs = performance.now() - started;
    const requests = cluster.requestCount();
    const nodePages = Math.max(1, Math.ceil(inventory.totalNodes / 500));
    const gpu = inventory.totals.find(t => t.resource === 'nvidia.com/gpu');
    rows.push({
      scenario,
      nodes: inventory.totalNodes,
      acceleratorNodes: inventory.acceleratorNodes,
      pools: inventory.pools.length,
      requests,
      perNodePodLists: nodePages + inventory.totalNodes + 1,
      wallMs: Math.round(wallMs),
      'gpu allocated/allocatable': gpu
        ? `${gpu.allocated ?? '?'}/${gpu.allocatable}`
        : '-',
    });
  }
} finally {
  await sim.stop();
}
console.table(rows);
