#!/usr/bin/env node
// Benchmark of the AI Conformance engine against kube-sim scenarios.
// Prints, per scenario: API requests, dependent waves after /version, the
// longest chain of sequential requests (waves plus list pages), wall time
// with injected latency, and the peak memory of the engine process.
// Each scenario runs in its own child process so peak RSS is the engine's.
// Usage: node test/bench/engine-collect.mjs [--latency 50] [--scenarios a,b] [--probes]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');

const SCENARIOS = [
  'gke-1.34-conformant',
  'gke-1.35-should',
  'gke-1.33',
  'gke-1.34-uncertified',
  'eks-1.35',
  'vanilla-1.36-cpu',
  'restricted-rbac',
  'adapter-down',
  'large-5000',
  'hanging',
];

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function child() {
  const spec = JSON.parse(process.env.ENGINE_BENCH_SPEC);
  const engine = require('../../plugins/ai-conformance-node/src/index.ts');
  const connection = await engine.connectToCluster({
    type: 'explicit',
    name: spec.name,
    url: spec.server,
    caData: spec.caData,
    token: spec.token,
  });
  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const started = performance.now();
  const { snapshot, report } = await engine.runConformanceCheck(connection, {
    deadlineMs: spec.deadlineMs,
    dryRunProbes: spec.probes,
  });
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const statuses = {};
  for (const r of report.requirements)
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  process.stdout.write(
    JSON.stringify({
      requests: snapshot.stats.apiRequests,
      waves: snapshot.stats.waves,
      longestChain: snapshot.stats.longestChain,
      wallMs,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      peakHeapMiB: peakHeap / 1024 / 1024,
      nodes: report.cluster.nodeCount ?? 0,
      snapshotMiB: Buffer.byteLength(JSON.stringify(snapshot)) / 1024 / 1024,
      verdict: report.verdict,
      statuses,
    }),
  );
}

async function parent() {
  const { startKubeSim } = require('../../packages/kube-sim/src/index.ts');
  const latencyMs = Number(arg('latency', '50'));
  const names = arg('scenarios', SCENARIOS.join(',')).split(',');
  const probes = process.argv.includes('--probes');
  const sim = await startKubeSim({
    clusters: names.map(scenario => ({
      name: scenario.replace(/\./g, '-'),
      scenario,
    })),
  });
  const rows = [];
  try {
    for (const scenario of names) {
      const cluster = sim.cluster(scenario.replace(/\./g, '-'));
      // setFaults replaces the scenario's own faults: keep the hang of 'hanging'.
      const base =
        scenario === 'hanging'
          ? [
              {
                hang: true,
                except: ['^/version$', '^/healthz$', '^/readyz$', '^/livez$'],
              },
            ]
          : [];
      cluster.setFaults(latencyMs > 0 ? [{ latencyMs }, ...base] : base);
      cluster.resetCounters();
      const spec = {
        name: cluster.name,
        server: cluster.server,
        caData: cluster.caData,
        token: cluster.token,
        probes,
        deadlineMs: scenario === 'hanging' ? 5_000 : 60_000,
      };
      const out = await new Promise((resolve, reject) => {
        const p = spawn(
          process.execPath,
          [fileURLToPath(import.meta.url), '--child'],
          {
            env: { ...process.env, ENGINE_BENCH_SPEC: JSON.stringify(spec) },
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let text = '';
        p.stdout.on('data', c => (text += c));
        p.on('error', reject);
        p.on('close', code =>
          code === 0
            ? resolve(JSON.parse(text))
            : reject(new Error(`${scenario}: child exited ${code}`)),
        );
      });
      rows.push({ scenario, ...out, serverRequests: cluster.requestCount() });
    }
  } finally {
    await sim.stop();
  }
  console.log(
    `engine benchmark: ${latencyMs} ms injected latency per request${
      probes ? ', dry-run probes on' : ''
    }`,
  );
  console.log(
    [
      'scenario'.padEnd(22),
      'requests'.padStart(8),
      'waves'.padStart(6),
      'chain'.padStart(6),
      'wall ms'.padStart(8),
      'rss MiB'.padStart(8),
      'heap MiB'.padStart(9),
      'nodes'.padStart(6),
      'snap MiB'.padStart(9),
      '  verdict',
    ].join(''),
  );
  for (const r of rows) {
    console.log(
      [
        r.scenario.padEnd(22),
        String(r.requests).padStart(8),
        String(r.waves).padStart(6),
        String(r.longestChain).padStart(6),
        r.wallMs.toFixed(0).padStart(8),
        r.peakRssMiB.toFixed(0).padStart(8),
        r.peakHeapMiB.toFixed(0).padStart(9),
        String(r.nodes).padStart(6),
        r.snapshotMiB.toFixed(2).padStart(9),
        `  ${r.verdict} ${JSON.stringify(r.statuses)}`,
      ].join(''),
    );
  }
  console.log(
    'waves: dependent request phases after /version (discovery, reads); chain: waves plus extra list pages.',
  );
}

if (process.argv.includes('--child')) {
  child().catch(e => {
    process.stderr.write(`engine bench child: ${e.stack ?? e}\n`);
    process.exit(1);
  });
} else {
  parent().catch(e => {
    process.stderr.write(`engine bench: ${e.stack ?? e}\n`);
    process.exit(1);
  });
}
