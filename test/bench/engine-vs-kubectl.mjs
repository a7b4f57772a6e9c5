#!/usr/bin/env node
// Benchmark: one cluster, passive run. The engine (runConformanceCheck in its
// own process, as in engine-collect.mjs) against the reference shell checker
// (reference-kubectl-checker.sh, one kubectl call after another, empty
// discovery cache), on kube-sim `gke-1.34-conformant` with 0 ms and 50 ms of
// injected latency per request. Requests are counted by kube-sim.
// Whole processes, median of --runs: the CLI (`ai-conformance check`, passive,
// and `ai-conformance --version`, as bin/ai-conformance runs them: the bundle,
// built and its code cache written by one warm-up run) and the kubectl script;
// wall time, CPU (user + system) and peak RSS from /usr/bin/time.
// Usage: node test/bench/engine-vs-kubectl.mjs [--latencies 0,50] [--runs 5] [--json out.json]
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
const runs = Number(arg('runs', '5'));
const cliBin = path.resolve(here, '../../packages/cli/bin/ai-conformance');
const hasTime =
  spawnSync('/usr/bin/time', ['-f', '%e', 'true'], { stdio: 'ignore' })
    .status === 0;
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

/**
 * Runs a whole process under /usr/bin/time: wall (ms, measured here), CPU
 * (user + system, ms) and peak RSS (MiB) of the process and its children.
 */
async function measure(command, args, env) {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
  const { out, wallMs } = hasTime
    ? await run(
        '/usr/bin/time',
        ['-f', '%U %S %M', '-o', timeFile, command, ...args],
        env,
      )
    : await run(command, args, env);
  if (!hasTime) return { out, wallMs };
  const [user, sys, rssKiB] = fs
    .readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)
    .split(' ')
    .map(Number);
  fs.rmSync(timeFile, { force: true });
  return { out, wallMs, cpuMs: (user + sys) * 1000, rssMiB: rssKiB / 1024 };
}

const median = xs => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `runs` whole-process runs; the median of each figure and every run's wall time. */
async function medianOf(measureOnce) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await measureOnce());
  const figure = key =>
    all.every(m => m[key] !== undefined)
      ? median(all.map(m => m[key]))
      : undefined;
  return {
    wallMs: figure('wallMs'),
    cpuMs: figure('cpuMs'),
    rssMiB: figure('rssMiB'),
    walls: all.map(m => Math.round(m.wallMs)),
    last: all.at(-1),
  };
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
      const cliArgs = [
        cliBin,
        'check',
        '--kubeconfig',
        cluster.kubeconfigPath,
        '--quiet',
        '--output',
        'json',
        '--fail-on',
        'none',
      ];
      // Warm-up: builds the bundle if a source changed, writes the code cache.
      await run(process.execPath, cliArgs, {});
      cluster.resetCounters();
      const check = await medianOf(() =>
        measure(process.execPath, cliArgs, {}),
      );
      const checkRequests = cluster.requestCount() / runs;
      const report = JSON.parse(check.last.out);
      // The same command from the TypeScript sources, compiled on require.
      const sources = await medianOf(() =>
        measure(process.execPath, cliArgs, { AI_CONFORMANCE_CLI_SOURCE: '1' }),
      );
      const version = await medianOf(() =>
        measure(process.execPath, [cliBin, '--version'], {}),
      );
      row.cli = {
        check: {
          ...check,
          last: undefined,
          requests: checkRequests,
          verdict: report.verdict,
        },
        version: { ...version, last: undefined },
        sources: { ...sources, last: undefined },
      };
      if (hasKubectl) {
        cluster.resetCounters();
        const ref = await medianOf(() =>
          measure(
            'bash',
            [
              path.join(here, 'reference-kubectl-checker.sh'),
              '--cache-dir',
              fs.mkdtempSync(path.join(dir, 'cache-')),
            ],
            { KUBECONFIG: cluster.kubeconfigPath },
          ),
        );
        row.kubectl = {
          requests: cluster.requestCount() / runs,
          wallMs: ref.wallMs,
          cpuMs: ref.cpuMs,
          rssMiB: ref.rssMiB,
          walls: ref.walls,
          facts: ref.last.out.trim().split('\n').length,
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
    `engine ms: runConformanceCheck wall time in its process (connect excluded); kubectl ms: the whole script, process start-ups included (median of ${runs}).`,
  );
  const fmt = (x, digits = 0) => (x === undefined ? 'n/a' : x.toFixed(digits));
  console.log(
    `\nwhole processes, median of ${runs}: wall ms / CPU ms / peak RSS MiB`,
  );
  console.log(
    [
      'latency'.padEnd(9),
      'process'.padEnd(24),
      'wall'.padStart(7),
      'CPU'.padStart(7),
      'RSS'.padStart(7),
      '  runs (wall ms)',
    ].join(''),
  );
  for (const r of rows) {
    const lines = [
      ['ai-conformance check', r.cli.check],
      ['ai-conformance --version', r.cli.version],
      ['check from sources', r.cli.sources],
      ['kubectl script', r.kubectl],
      ['engine in-process', { wallMs: r.engine.wallMs }],
    ];
    for (const [name, m] of lines) {
      if (!m) continue;
      console.log(
        [
          `${r.latencyMs} ms`.padEnd(9),
          name.padEnd(24),
          fmt(m.wallMs).padStart(7),
          fmt(m.cpuMs).padStart(7),
          fmt(m.rssMiB).padStart(7),
          m.walls ? `  ${m.walls.join(', ')}` : '',
        ].join(''),
      );
    }
  }
  const load = os.loadavg().map(x => x.toFixed(1));
  console.log(
    `load average at the end: ${load.join(', ')} (${os.cpus().length} CPUs)`,
  );
  const jsonOut = arg('json');
  if (jsonOut)
    fs.writeFileSync(
      jsonOut,
      JSON.stringify({ rows, kubectl: hasKubectl, runs, load }, null, 2),
    );
}

main().catch(e => {
  console.error(`engine-vs-kubectl bench: ${e.stack ?? e}`);
  process.exit(1);
});
