#!/usr/bin/env node
// Benchmark: a fleet of kube-sim clusters checked by the backend's scheduler.
// For each size (default 10, 100, 1000) a backend starts with that many
// clusters in its catalog and `kubernetes` config, the scheduled task
// `ai-conformance-checks` is triggered once the catalog holds them all, and
// the run records give clusters per second and p50/p95 per cluster; peak
// memory is the highest RSS of the backend process while it ran.
// With --keep, the last backend stays up for the route benchmark and prints
// `backend kept: <url> pid <pid>`; stop it with SIGTERM to its process group.
// The backend starts as production runs it (README, "Running in
// production"): no source maps and the V8 old-space limit `--heap-mib`
// (default 384; 0 leaves V8's default); `--source-maps` adds the
// development start's `--enable-source-maps`.
// Usage: node test/bench/fleet-scheduler.mjs [--sizes 10,100,1000] [--cap-seconds 420] [--heap-mib 384] [--source-maps] [--json out.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { arg, FLEET_SCENARIOS, rssMiB, sleep } from './fleetBench.mjs';
import pLimit from 'p-limit';
import { stringify } from 'yaml';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const { startKubeSim } = require('../../packages/kube-sim/src/index.ts');
const { freePort, startBackend, stopProcess } = require('../support/stack.cjs');
const {
  fleetBackendConfig,
  writeFleetCatalog,
} = require('../support/fleetConfig.cjs');

const sizes = arg('sizes', '10,100,1000').split(',').map(Number);
const capMs = Number(arg('cap-seconds', '420')) * 1000;
const keep = process.argv.includes('--keep');
const HEAP_MIB = Number(arg('heap-mib', '384'));
const SOURCE_MAPS = process.argv.includes('--source-maps');
const SCENARIOS = FLEET_SCENARIOS;

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** `fn` over `items`, at most `n` at a time, results in order. */
function mapLimit(items, n, fn) {
  const limit = pLimit(n);
  return Promise.all(items.map(item => limit(() => fn(item))));
}

async function measure(sim, n, dir, isLast) {
  const clusters = sim.clusters.slice(0, n);
  const catalogFile = path.join(dir, `catalog-${n}.yaml`);
  writeFleetCatalog(catalogFile, clusters);
  const port = await freePort();
  const configFile = path.join(dir, `app-config-${n}.yaml`);
  fs.writeFileSync(
    configFile,
    stringify(
      fleetBackendConfig({
        port,
        catalogFile,
        clusters,
        aiConformance: {
          schedule: {
            initialDelay: { seconds: 1 },
            frequency: { hours: 6 },
            timeout: { hours: 1 },
          },
        },
      }),
    ),
    { mode: 0o600 },
  );
  const backend = await startBackend({
    port,
    sourceMaps: SOURCE_MAPS,
    nodeArgs: HEAP_MIB > 0 ? [`--max-old-space-size=${HEAP_MIB}`] : [],
    configs: [configFile],
    logFile: path.join(dir, `backend-${n}.log`),
  });
  let peak = rssMiB(backend.child.pid);
  const sampler = setInterval(
    () => (peak = Math.max(peak, rssMiB(backend.child.pid))),
    250,
  );
  try {
    const token = (
      await (
        await fetch(`${backend.baseUrl}/api/auth/guest/refresh`, {
          headers: { 'x-requested-with': 'XMLHttpRequest' },
        })
      ).json()
    ).backstageIdentity.token;
    const get = async p => {
      const r = await fetch(`${backend.baseUrl}${p}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return r.ok ? r.json() : undefined;
    };
    // Wait for the catalog to hold every cluster, then trigger the scheduled task.
    const catalogStarted = Date.now();
    for (;;) {
      // Counted in the catalog: GET /clusters also depends on the permission backend.
      const page = await get(
        '/api/catalog/entities/by-query?filter=kind%3Dresource%2Cspec.type%3Dkubernetes-cluster&limit=1',
      );
      if (page && page.totalItems >= n) break;
      if (Date.now() - catalogStarted > 300_000)
        throw new Error(
          `catalog holds ${page?.totalItems} of ${n} clusters after 300 s`,
        );
      await sleep(1000);
    }
    const rssBefore = rssMiB(backend.child.pid);
    // The task's first pass (1 s after start) may have caught part of the
    // catalog; wait for it to end, then trigger the measured pass.
    const taskState = async () =>
      (
        await get('/api/ai-conformance/.backstage/scheduler/v1/tasks')
      )?.tasks?.find(t => t.taskId === 'ai-conformance-checks')?.taskState
        ?.status;
    while ((await taskState()) === 'running') await sleep(1000);
    const triggeredAt = Date.now();
    const trigger = await fetch(
      `${backend.baseUrl}/api/ai-conformance/.backstage/scheduler/v1/tasks/ai-conformance-checks/trigger`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      },
    );
    if (!trigger.ok)
      throw new Error(
        `trigger: HTTP ${trigger.status} ${await trigger.text()}`,
      );
    let seenRunning = false;
    for (;;) {
      const state = await taskState();
      if (state === 'running') seenRunning = true;
      else if (seenRunning || Date.now() - triggeredAt > 60_000) break;
      if (Date.now() - triggeredAt > capMs) break;
      await sleep(1000);
    }
    const runs = (
      await mapLimit(
        clusters,
        8,
        async c =>
          (await get(
            `/api/ai-conformance/clusters/default/${c.name}/runs?limit=1`,
          )) ?? {},
      )
    )
      .flatMap(list => list.items ?? list.runs ?? [])
      .filter(
        r =>
          r.finishedAt &&
          r.startedAt &&
          Date.parse(r.createdAt) >= triggeredAt - 1000,
      );
    const per = runs.map(
      r => Date.parse(r.finishedAt) - Date.parse(r.startedAt),
    );
    const first = Math.min(...runs.map(r => Date.parse(r.startedAt)));
    const last = Math.max(...runs.map(r => Date.parse(r.finishedAt)));
    const result = {
      clusters: n,
      finished: runs.length,
      succeeded: runs.filter(r => r.status === 'succeeded').length,
      passSeconds: (last - first) / 1000,
      clustersPerSecond: runs.length / Math.max(0.001, (last - first) / 1000),
      p50Ms: pct(per, 50),
      p95Ms: pct(per, 95),
      peakRssMiB: Math.max(peak, rssMiB(backend.child.pid)),
      rssBeforeMiB: rssBefore,
      backendReadyMs: backend.readyMs,
      capped: runs.length < n,
    };
    return { result, backend: isLast && keep ? backend : undefined };
  } finally {
    clearInterval(sampler);
    if (!(isLast && keep)) await stopProcess(backend.child);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  const max = Math.max(...sizes);
  const sim = await startKubeSim({
    clusters: Array.from({ length: max }, (_, i) => ({
      name: `fleet-${String(i).padStart(4, '0')}`,
      scenario: SCENARIOS[i % SCENARIOS.length],
    })),
    metrics: false,
  });
  const results = [];
  let kept;
  try {
    for (const [i, n] of sizes.entries()) {
      const { result, backend } = await measure(
        sim,
        n,
        dir,
        i === sizes.length - 1,
      );
      results.push(result);
      kept = backend;
      console.log(
        `fleet ${n}: ${result.finished}/${n} runs (${
          result.succeeded
        } succeeded) in ${result.passSeconds.toFixed(1)} s, ` +
          `${result.clustersPerSecond.toFixed(2)} clusters/s, p50 ${
            result.p50Ms
          } ms, p95 ${result.p95Ms} ms, ` +
          `peak rss ${result.peakRssMiB.toFixed(
            0,
          )} MiB (before the pass ${result.rssBeforeMiB.toFixed(0)} MiB)` +
          (result.capped ? `, stopped at the ${capMs / 1000} s cap` : ''),
      );
    }
    const jsonOut = arg('json');
    if (jsonOut)
      fs.writeFileSync(
        jsonOut,
        JSON.stringify(
          {
            results,
            concurrency: 8,
            heapMiB: HEAP_MIB,
            sourceMaps: SOURCE_MAPS,
          },
          null,
          2,
        ),
      );
    if (kept) {
      console.log(`backend kept: ${kept.baseUrl} pid ${kept.child.pid}`);
      // Stay alive (kube-sim is served from this process) until told to stop.
      await new Promise(resolve => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      await stopProcess(kept.child);
    }
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error(`fleet-scheduler bench: ${e.stack ?? e}`);
  process.exit(1);
});
