#!/usr/bin/env node
// Benchmark: one scheduled pass over N kube-sim clusters shared by 1, 2 and
// 3 backend replicas on one PostgreSQL (started from `initdb`/`postgres`).
// For each replica count a fresh deployment starts, the scheduled task is
// triggered once the catalog lists every cluster, and the run rows give the
// pass throughput (finished runs / (last finish − first start)) and the
// runs each replica executed; peak memory is the highest RSS of each
// replica's process during the pass (sampled every 250 ms) and the CPU
// time (user + system) each replica used during it.
// Each replica starts as production runs it (README, "Running in
// production"): no source maps and the V8 old-space limit `--heap-mib`
// (default 384; 0 leaves V8's default, about 4 GiB on a large host);
// `--source-maps` adds the development start's `--enable-source-maps`.
// Usage: node test/bench/fleet-replicas.mjs [--clusters 1000] [--replicas 1,2,3] [--heap-mib 384] [--source-maps] [--json out.json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  arg,
  cpuSeconds,
  FLEET_SCENARIOS,
  rssMiB,
  sleep,
} from './fleetBench.mjs';
import knexFactory from 'knex';

const require = createRequire(import.meta.url);
const {
  createDeployment,
  waitForIdleTask,
} = require('../support/replicaStack.cjs');
const { startKubeSim } = require('../../packages/kube-sim/src/index.ts');

const N = Number(arg('clusters', '1000'));
const counts = arg('replicas', '1,2,3').split(',').map(Number);
const CONCURRENCY = 8;
const HEAP_MIB = Number(arg('heap-mib', '384'));
const SOURCE_MAPS = process.argv.includes('--source-maps');
const SCENARIOS = FLEET_SCENARIOS;

async function measure(sim, count, dir) {
  const deployment = await createDeployment({
    dir: path.join(dir, `r${count}`),
    clusters: sim.clusters,
    count,
    backend: {
      sourceMaps: SOURCE_MAPS,
      nodeArgs: HEAP_MIB > 0 ? [`--max-old-space-size=${HEAP_MIB}`] : [],
    },
    aiConformance: {
      concurrency: CONCURRENCY,
      schedule: {
        // The first pass, at start-up, meets an empty catalog; the
        // measured pass is triggered once the catalog is complete.
        initialDelay: { seconds: 1 },
        frequency: { hours: 6 },
        timeout: { hours: 1 },
      },
    },
  });
  const db = knexFactory({
    client: 'pg',
    connection: deployment.pluginConnectionString,
    pool: { min: 0, max: 1 },
  });
  try {
    const first = await deployment.start(0);
    for (let i = 1; i < count; i++) await deployment.start(i);
    const { replicas } = deployment;
    const headers = { authorization: `Bearer ${first.token}` };
    const catalogStarted = Date.now();
    for (;;) {
      const r = await fetch(
        `${first.baseUrl}/api/catalog/entities/by-query?filter=kind%3Dresource%2Cspec.type%3Dkubernetes-cluster&limit=1`,
        { headers },
      );
      if (r.ok && (await r.json()).totalItems >= N) break;
      if (Date.now() - catalogStarted > 600_000)
        throw new Error('catalog incomplete after 600 s');
      await sleep(1000);
    }
    await waitForIdleTask(db, 'ai-conformance-checks');
    const before = replicas.map(r => rssMiB(r.child.pid));
    const peak = [...before];
    const cpuBefore = replicas.map(r => cpuSeconds(r.child.pid));
    const sampler = setInterval(() => {
      replicas.forEach((r, i) => {
        peak[i] = Math.max(peak[i], rssMiB(r.child.pid));
      });
    }, 250);
    const since = new Date().toISOString();
    const trigger = await fetch(
      `${first.baseUrl}/api/ai-conformance/.backstage/scheduler/v1/tasks/ai-conformance-checks/trigger`,
      { method: 'POST', headers },
    );
    if (!trigger.ok) throw new Error(`trigger: HTTP ${trigger.status}`);
    let rows;
    const passStarted = Date.now();
    for (;;) {
      rows = await db('ai_conformance_runs')
        .select(['status', 'owner_replica', 'started_at', 'finished_at'])
        .where('created_at', '>=', since)
        .where({ trigger: 'schedule' });
      if (
        rows.length >= N &&
        rows.every(r => r.status !== 'queued' && r.status !== 'running')
      )
        break;
      if (Date.now() - passStarted > 900_000) break;
      await sleep(1000);
    }
    clearInterval(sampler);
    const cpu = replicas.map((r, i) => cpuSeconds(r.child.pid) - cpuBefore[i]);
    const done = rows.filter(r => r.finished_at && r.started_at);
    const firstStart = Math.min(...done.map(r => Date.parse(r.started_at)));
    const lastFinish = Math.max(...done.map(r => Date.parse(r.finished_at)));
    const seconds = (lastFinish - firstStart) / 1000;
    return {
      replicas: count,
      clusters: N,
      finished: done.length,
      succeeded: done.filter(r => r.status === 'succeeded').length,
      passSeconds: seconds,
      clustersPerSecond: done.length / Math.max(0.001, seconds),
      perReplica: replicas.map((r, i) => ({
        runs: rows.filter(x => x.owner_replica === r.replicaId).length,
        rssBeforeMiB: before[i],
        peakRssMiB: peak[i],
        cpuSeconds: cpu[i],
      })),
    };
  } finally {
    await db.destroy();
    await deployment.stop();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-replicas-'));
  const sim = await startKubeSim({
    clusters: Array.from({ length: N }, (_, i) => ({
      name: `fleet-${String(i).padStart(4, '0')}`,
      scenario: SCENARIOS[i % SCENARIOS.length],
    })),
    metrics: false,
  });
  const results = [];
  console.log(
    `backends: ${SOURCE_MAPS ? 'with' : 'without'} source maps, ${
      HEAP_MIB > 0 ? `--max-old-space-size=${HEAP_MIB}` : "V8's default heap"
    }`,
  );
  try {
    for (const count of counts) {
      const r = await measure(sim, count, dir);
      results.push(r);
      console.log(
        `replicas ${count}: ${r.finished}/${N} runs (${
          r.succeeded
        } succeeded) in ${r.passSeconds.toFixed(
          1,
        )} s, ${r.clustersPerSecond.toFixed(
          2,
        )} clusters/s; per replica: ${r.perReplica
          .map(
            p =>
              `${p.runs} runs, peak rss ${p.peakRssMiB.toFixed(
                0,
              )} MiB (${p.rssBeforeMiB.toFixed(
                0,
              )} before), cpu ${p.cpuSeconds.toFixed(1)} s`,
          )
          .join('; ')}`,
      );
    }
    const out = arg('json');
    if (out)
      fs.writeFileSync(
        out,
        JSON.stringify(
          {
            results,
            concurrency: CONCURRENCY,
            heapMiB: HEAP_MIB,
            sourceMaps: SOURCE_MAPS,
          },
          null,
          2,
        ),
      );
  } finally {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error(`fleet-replicas bench: ${e.stack ?? e}`);
  process.exit(1);
});
