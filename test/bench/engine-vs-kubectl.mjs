#!/usr/bin/env node
// Benchmark: one cluster, passive run. The engine (runConformanceCheck in its
// own process, as in engine-collect.mjs) against the reference shell checker
// (reference-kubectl-checker.sh, one kubectl call after another, empty
// discovery cache), on kube-sim `gke-1.34-conformant` with 0 ms and 50 ms of
// injected latency per request. Requests are counted by kube-sim.
// Usage: node test/bench/engine-vs-kubectl.mjs [--latencies 0,50] [--json out.json]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { startKubeSim } = require('../../packages/kube-sim/src/index.ts');
const here = path.dirname(fileURLToPath(import.meta.url));

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const latencies = arg('latencies', '0,50').split(',').map(Number);
const hasKubectl =
  spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status ===
  0;

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const p = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', c => (out += c));
    p.on('error', reject);
    p.on('close', code =>
      code === 0
        ? resolve({ out, wallMs: performance.now() - started })
        : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-kubectl-'));
  const sim = await startKubeSim({
    clusters: [{ name: 'reference', scenario: 'gke-1.34-conformant' }],
    kubeconfigDir: dir,
    metrics: false,
  });
  const cluster = sim.cluster('reference');
  const rows = [];
  try {
    for (const latencyMs of latencies) {
      cluster.setFaults(latencyMs > 0 ? [{ latencyMs }] : []);
      cluster.resetCounters();
      const spec = {
        name: cluster.name,
        server: cluster.server,
        caData: cluster.caData,
        token: cluster.token,
        probes: false,
        deadlineMs: 120_000,
      };
      const engine = await run(
        process.execPath,
        [path.join(here, 'engine-collect.mjs'), '--child'],
        {
          ENGINE_BENCH_SPEC: JSON.stringify(spec),
        },
      );
      const e = JSON.parse(engine.out);
      const row = {
        latencyMs,
        engine: {
          requests: cluster.requestCount(),
          wallMs: e.wallMs,
          processMs: engine.wallMs,
          verdict: e.verdict,
        },
      };
      if (hasKubectl) {
        cluster.resetCounters();
        const ref = await run(
          'bash',
          [
            path.join(here, 'reference-kubectl-checker.sh'),
            '--cache-dir',
            fs.mkdtempSync(path.join(dir, 'cache-')),
          ],
          {
            KUBECONFIG: cluster.kubeconfigPath,
          },
        );
        row.kubectl = {
          requests: cluster.requestCount(),
          wallMs: ref.wallMs,
          facts: ref.out.trim().split('\n').length,
        };
      }
      rows.push(row);
    }
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    'engine vs reference kubectl checker, one cluster (gke-1.34-conformant), passive run',
  );
  console.log(
    [
      'latency'.padEnd(9),
      'engine req'.padStart(11),
      'engine ms'.padStart(10),
      'kubectl req'.padStart(12),
      'kubectl ms'.padStart(11),
      'time ratio'.padStart(11),
    ].join(''),
  );
  for (const r of rows) {
    console.log(
      [
        `${r.latencyMs} ms`.padEnd(9),
        String(r.engine.requests).padStart(11),
        r.engine.wallMs.toFixed(0).padStart(10),
        (r.kubectl ? String(r.kubectl.requests) : 'n/a').padStart(12),
        (r.kubectl ? r.kubectl.wallMs.toFixed(0) : 'n/a').padStart(11),
        (r.kubectl
          ? `${(r.kubectl.wallMs / r.engine.wallMs).toFixed(1)}x`
          : 'n/a'
        ).padStart(11),
      ].join(''),
    );
  }
  console.log(
    'engine ms: runConformanceCheck wall time in its process (connect excluded); kubectl ms: the whole script, process start-ups included.',
  );
  const jsonOut = arg('json');
  if (jsonOut)
    fs.writeFileSync(
      jsonOut,
      JSON.stringify({ rows, kubectl: hasKubectl }, null, 2),
    );
}

main().catch(e => {
  console.error(`engine-vs-kubectl bench: ${e.stack ?? e}`);
  process.exit(1);
});
