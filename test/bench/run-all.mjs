#!/usr/bin/env node
// `yarn bench`: runs every benchmark, prints one table and writes
// docs/performance.md (method, machine, figures). Each benchmark is its own
// script under test/bench/ and runs as a child process; a benchmark that
// fails or exceeds its time budget is reported as such and the rest go on.
// Usage: node test/bench/run-all.mjs [--sizes 10,100,1000] [--no-write]
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-all-'));
const started = Date.now();

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg('sizes', '10,100,1000');

/** Runs a bench script; resolves with its output (and the child while `keepUntil` matched). */
function bench(script, args, { timeoutMs, keepUntil } = {}) {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [path.join(here, script), ...args], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let done = false;
    const finish = result => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...result, out, err, child });
    };
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
      finish({ ok: false, error: `stopped after ${timeoutMs / 1000} s` });
    }, timeoutMs);
    child.stdout.on('data', d => {
      out += d;
      process.stdout.write(
        `  [${script}] ${d}`.replace(/\n(?=.)/g, `\n  [${script}] `),
      );
      if (keepUntil && keepUntil.test(out)) finish({ ok: true, running: true });
    });
    child.stderr.on('data', d => (err += d));
    child.on('close', code =>
      finish(
        code === 0
          ? { ok: true }
          : {
              ok: false,
              error: `exit ${code}: ${err
                .trim()
                .split('\n')
                .slice(-3)
                .join(' ')}`,
            },
      ),
    );
  });
}

function stop(child) {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
      resolve();
    }, 20_000);
    child.once('close', () => {
      clearTimeout(t);
      resolve();
    });
    process.kill(-child.pid, 'SIGTERM');
  });
}

const readJson = f =>
  fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : undefined;
const rows = []; // [benchmark, case, figure, value]
const add = (b, c, f, v) => rows.push([b, c, f, v]);
const failures = [];
const notes = [];

async function main() {
  console.log(
    'yarn bench: engine vs kubectl, fleet through the scheduler, routes under load, large-5000, fleet page, fleet pass across replicas, GET /clusters at 1,000 and 10,000',
  );

  // 1. One cluster: engine vs the reference kubectl checker.
  const evk = await bench(
    'engine-vs-kubectl.mjs',
    ['--json', path.join(tmp, 'evk.json')],
    { timeoutMs: 420_000 },
  );
  const evkJson = readJson(path.join(tmp, 'evk.json'));
  if (evk.ok && evkJson) {
    for (const r of evkJson.rows) {
      const c = `gke-1.34-conformant, ${r.latencyMs} ms latency`;
      add(
        '1 engine vs kubectl',
        c,
        'engine requests / wall',
        `${r.engine.requests} / ${r.engine.wallMs.toFixed(0)} ms`,
      );
      if (r.kubectl) {
        add(
          '1 engine vs kubectl',
          c,
          'kubectl requests / wall',
          `${r.kubectl.requests} / ${r.kubectl.wallMs.toFixed(0)} ms`,
        );
        add(
          '1 engine vs kubectl',
          c,
          'ratio kubectl/engine (requests, time)',
          `${(r.kubectl.requests / r.engine.requests).toFixed(1)}x, ${(
            r.kubectl.wallMs / r.engine.wallMs
          ).toFixed(1)}x`,
        );
      } else add('1 engine vs kubectl', c, 'kubectl', 'kubectl not installed');
      // Whole processes, median of evkJson.runs: wall / CPU / peak RSS.
      const proc = m =>
        m.cpuMs === undefined
          ? `${m.wallMs.toFixed(0)} ms wall`
          : `${m.wallMs.toFixed(0)} ms wall, ${m.cpuMs.toFixed(
              0,
            )} ms CPU, ${m.rssMiB.toFixed(0)} MiB peak`;
      const p = `1 CLI process (median of ${evkJson.runs})`;
      add(p, c, 'ai-conformance check', proc(r.cli.check));
      add(p, c, 'ai-conformance --version', proc(r.cli.version));
      add(p, c, 'check from sources', proc(r.cli.sources));
      if (r.kubectl?.cpuMs !== undefined)
        add(p, c, 'kubectl script', proc(r.kubectl));
    }
  } else failures.push(`engine vs kubectl: ${evk.error}`);

  // 4. The 5,000-node / 50,000-pod scenario.
  const large = await bench(
    'engine-collect.mjs',
    ['--scenarios', 'large-5000', '--latency', '0'],
    { timeoutMs: 300_000 },
  );
  const line = large.out.split('\n').find(l => l.startsWith('large-5000'));
  if (large.ok && line) {
    const [, requests, , , wall, rss, heap, nodes] = line.trim().split(/\s+/);
    add(
      '4 large-5000',
      '5,000 nodes, 50,000 pods, 0 ms latency',
      'run duration',
      `${wall} ms (${requests} requests, ${nodes} nodes)`,
    );
    add(
      '4 large-5000',
      '5,000 nodes, 50,000 pods, 0 ms latency',
      'peak memory',
      `rss ${rss} MiB, heap ${heap} MiB`,
    );
  } else failures.push(`large-5000: ${large.error ?? 'no result line'}`);

  // 2. Fleet through the scheduler; the last backend stays up for 3 and 5.
  const fleet = await bench(
    'fleet-scheduler.mjs',
    [
      '--sizes',
      sizes,
      '--keep',
      '--cap-seconds',
      '360',
      '--json',
      path.join(tmp, 'fleet.json'),
    ],
    {
      timeoutMs: 600_000,
      keepUntil: /backend kept: (\S+) pid/,
    },
  );
  const fleetJson = readJson(path.join(tmp, 'fleet.json'));
  if (fleet.ok && fleetJson) {
    for (const r of fleetJson.results) {
      const c = `${r.clusters} clusters`;
      add(
        '2 fleet (scheduler)',
        c,
        'clusters/s',
        `${r.clustersPerSecond.toFixed(2)} (${r.finished}/${
          r.clusters
        } finished, ${r.succeeded} succeeded, ${r.passSeconds.toFixed(1)} s${
          r.capped ? ', capped' : ''
        })`,
      );
      add(
        '2 fleet (scheduler)',
        c,
        'p50 / p95 per cluster',
        `${r.p50Ms} / ${r.p95Ms} ms`,
      );
      add(
        '2 fleet (scheduler)',
        c,
        'peak backend memory',
        `rss ${r.peakRssMiB.toFixed(0)} MiB (${r.rssBeforeMiB.toFixed(
          0,
        )} MiB before the pass)`,
      );
    }
  } else failures.push(`fleet: ${fleet.error ?? 'no results'}`);

  const kept = /backend kept: (\S+) pid/.exec(fleet.out);
  if (kept && fleet.running) {
    const baseUrl = kept[1];
    // 3. Routes under load with the stored reports.
    const routes = await bench(
      'routes-load.mjs',
      ['--base-url', baseUrl, '--json', path.join(tmp, 'routes.json')],
      { timeoutMs: 120_000 },
    );
    const routesJson = readJson(path.join(tmp, 'routes.json'));
    if (routes.ok && routesJson) {
      for (const r of routesJson.rows.filter(x => x.statuses?.['413'])) {
        notes.push(
          `${r.route} answered 413 with this many clusters: the permission check of the listed clusters is refused by the permission backend (413 on POST /api/permission/authorize in the backend log), so the route fails instead of listing them.`,
        );
      }
      for (const r of routesJson.rows) {
        add(
          '3 routes under load',
          typeof routesJson.withReports === 'number'
            ? `${r.route}, ${routesJson.withReports} stored reports`
            : `${r.route}, ${
                fleetJson?.results.at(-1)?.succeeded ?? '?'
              } stored reports (fleet pass)`,
          'p50 / p99, req/s',
          `${r.p50Ms.toFixed(1)} / ${r.p99Ms.toFixed(1)} ms, ${r.rps.toFixed(
            1,
          )} req/s, statuses ${JSON.stringify(r.statuses)}`,
        );
      }
    } else failures.push(`routes: ${routes.error}`);
    // 5. Fleet page with 1,000 clusters in Chromium.
    const page = await bench(
      'fleet-page.mjs',
      ['--base-url', baseUrl, '--runs', '3', '--count', '1000'],
      { timeoutMs: 240_000 },
    );
    const m =
      /time to first rendered row \(ms\): median (\d+) \[([^\]]*)\]/.exec(
        page.out,
      );
    if (page.ok && m)
      add(
        '5 fleet page',
        '1,000 clusters, Chromium',
        'time to first row',
        `${m[1]} ms median (${m[2]} ms)`,
      );
    else failures.push(`fleet page: ${page.error ?? 'no result line'}`);
    await stop(fleet.child);
  } else if (fleet.child) {
    await stop(fleet.child);
  }

  // 6. One fleet pass shared by 1, 2 and 3 replicas on PostgreSQL.
  const replicaSizes = sizes.split(',').map(Number);
  const replicaClusters = String(Math.max(...replicaSizes));
  const replicaBench = await bench(
    'fleet-replicas.mjs',
    [
      '--clusters',
      replicaClusters,
      '--replicas',
      '1,2,3',
      '--json',
      path.join(tmp, 'replicas.json'),
    ],
    { timeoutMs: 1_800_000 },
  );
  const replicaJson = readJson(path.join(tmp, 'replicas.json'));
  if (replicaBench.ok && replicaJson) {
    for (const r of replicaJson.results) {
      const c = `${r.clusters} clusters, ${r.replicas} ${
        r.replicas === 1 ? 'replica' : 'replicas'
      } (PostgreSQL)`;
      add(
        '6 fleet pass (replicas)',
        c,
        'clusters/s',
        `${r.clustersPerSecond.toFixed(2)} (${r.finished}/${
          r.clusters
        } finished, ${r.succeeded} succeeded, ${r.passSeconds.toFixed(1)} s)`,
      );
      add(
        '6 fleet pass (replicas)',
        c,
        'runs / peak RSS / CPU per replica',
        r.perReplica
          .map(
            p =>
              `${p.runs} runs, ${p.peakRssMiB.toFixed(
                0,
              )} MiB (${p.rssBeforeMiB.toFixed(0)} before), ${(
                p.cpuSeconds ?? 0
              ).toFixed(0)} s CPU`,
          )
          .join('; '),
      );
    }
  } else failures.push(`fleet replicas: ${replicaBench.error ?? 'no results'}`);

  // 7. GET /clusters over the cluster summaries, 1,000 and 10,000 clusters.
  const list = await bench(
    'clusters-list.mjs',
    ['--sizes', '1000,10000', '--json', path.join(tmp, 'clusters-list.json')],
    { timeoutMs: 2_400_000 },
  );
  const listJson = readJson(path.join(tmp, 'clusters-list.json'));
  if (list.ok && listJson) {
    for (const result of listJson.results) {
      for (const r of result.rows) {
        add(
          '7 GET /clusters (summaries)',
          `${result.clusters} clusters, ${listJson.connections} clients: ${r.case}`,
          'p50 / p99, req/s',
          `${r.p50Ms.toFixed(1)} / ${r.p99Ms.toFixed(1)} ms, ${r.rps.toFixed(
            0,
          )} req/s, statuses ${JSON.stringify(r.statuses)}`,
        );
      }
    }
  } else failures.push(`clusters list: ${list.error ?? 'no results'}`);

  rows.sort((a, b) => a[0].localeCompare(b[0]));
  const totalS = (Date.now() - started) / 1000;
  const widths = [0, 1, 2].map(i =>
    Math.max(...rows.map(r => r[i].length), 10),
  );
  const table = [
    ['benchmark', 'case', 'figure', 'value']
      .map((h, i) => (i < 3 ? h.padEnd(widths[i]) : h))
      .join('  '),
    ...rows.map(r =>
      r.map((v, i) => (i < 3 ? v.padEnd(widths[i]) : v)).join('  '),
    ),
  ].join('\n');
  console.log(`\n${table}`);
  for (const f of failures) console.log(`FAILED ${f}`);
  for (const n of notes) console.log(`NOTE ${n}`);
  console.log(`total: ${totalS.toFixed(0)} s`);

  if (!process.argv.includes('--no-write')) {
    const doc = path.join(repoRoot, 'docs/performance.md');
    fs.writeFileSync(doc, markdown(totalS) + handWrittenSections(doc));
    // Formatted as the repository's prettier check expects.
    execSync(`yarn prettier --write ${JSON.stringify(doc)}`, {
      cwd: repoRoot,
      stdio: 'ignore',
    });
    console.log('wrote docs/performance.md');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(failures.length ? 1 : 0);
}

function sh(cmd) {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return 'n/a';
  }
}

/**
 * The sections after the generated ones (from the first heading after
 * "## Method" on) are written by hand: a rewrite keeps them.
 */
function handWrittenSections(doc) {
  if (!fs.existsSync(doc)) return '';
  const text = fs.readFileSync(doc, 'utf8');
  const method = text.indexOf('\n## Method\n');
  if (method < 0) return '';
  const next = text.indexOf('\n## ', method + 1);
  return next < 0 ? '' : text.slice(next);
}

function markdown(totalS) {
  const load = os
    .loadavg()
    .map(x => x.toFixed(1))
    .join(', ');
  const mdRows = rows.map(r => `| ${r.join(' | ')} |`).join('\n');
  return `# Performance

Figures from \`yarn bench\` (\`node test/bench/run-all.mjs\`), which runs the scripts in
\`test/bench/\` one after another and rewrites this page up to its Method section (the sections
after it are kept). Nothing here is asserted by a test.

## Machine

- Measured: ${new Date().toISOString()}, whole run ${totalS.toFixed(0)} s
- CPUs: ${sh('nproc')} (${os.cpus()[0]?.model ?? 'unknown'})
- Memory: ${sh(
    'free -g | awk \'/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}\'',
  )}
- Node ${process.version}, ${os.type()} ${os.release()}
- Load average at the end: ${load}. The figures include whatever else the machine ran at the time;
  compare runs on the same machine, and repeat a run before reading much into a small difference.

## Figures

| benchmark | case | figure | value |
| --------- | ---- | ------ | ----- |
${mdRows}
${
  notes.length ? `\nFindings:\n\n${notes.map(n => `- ${n}`).join('\n')}\n` : ''
}${
    failures.length
      ? `\nNot measured in this run:\n\n${failures
          .map(f => `- ${f}`)
          .join('\n')}\n`
      : ''
  }
## Method

1. **Engine vs kubectl** (\`engine-vs-kubectl.mjs\`): one kube-sim cluster with the
   \`gke-1.34-conformant\` scenario, 0 ms and 50 ms injected latency per request. The engine runs
   \`runConformanceCheck\` (passive, no dry-run probes) in its own process; its wall time excludes
   process start-up and the connection. The reference is \`reference-kubectl-checker.sh\`: the same
   facts (version, discovery, CRDs, nodes and GPU capacity, deployments, daemonsets, APIServices,
   HPAs, GatewayClasses, DeviceClasses, ResourceSlices, RuntimeClasses, the autoscaler status
   ConfigMap, webhooks, Kueue, KubeRay, monitoring objects, own permissions) gathered by one
   \`kubectl\` call after another with an empty discovery cache; its time includes each kubectl
   start-up, as a shell checker pays it. Requests are counted by kube-sim on the server side.
   Ratio = kubectl / engine. **CLI process** rows: \`bin/ai-conformance check\` (passive, JSON
   output), \`--version\`, the same check from the TypeScript sources
   (\`AI_CONFORMANCE_CLI_SOURCE=1\`) and the kubectl script, each as a whole process under
   \`/usr/bin/time\`, median of 5: wall, CPU (user + system) and peak RSS. One warm-up run first
   (it rebuilds the bundle if a source changed and writes its code cache).
2. **Fleet through the scheduler** (\`fleet-scheduler.mjs\`): one kube-sim process serves N
   clusters (scenarios \`gke-1.34-conformant\`, \`eks-1.35\`, \`vanilla-1.36-cpu\`, \`gke-1.35-should\`
   in turn). For each N a fresh demo backend starts (from source, in-memory SQLite, default
   concurrency 8; started as in production: no \`--enable-source-maps\`,
   \`--max-old-space-size=384\`, see "Replicas and memory") with N catalog Resources and N \`kubernetes\` clusters; once the catalog lists
   all of them, the scheduled task \`ai-conformance-checks\` is triggered through the scheduler's
   trigger route. Clusters/s = finished runs / (last finish − first start); p50/p95 are
   finish − start of each run; peak memory is the highest RSS of the backend process while it ran,
   start-up included. The 10-cluster pass also pays the first runs' warm-up. A pass that does not finish within 360 s is reported as capped.
3. **Routes under load** (\`routes-load.mjs\`): against the 1,000-cluster backend of (2) after its
   pass, 10 concurrent keep-alive clients (Node \`fetch\`, not autocannon) send requests back to
   back for 10 s per route with a guest token; p50/p99 of each request and requests per second.
4. **large-5000** (\`engine-collect.mjs --scenarios large-5000 --latency 0\`): a passive run of the
   engine against the 5,000-node / 50,000-pod scenario in its own process; duration of
   \`runConformanceCheck\` and that process's peak RSS and heap.
5. **Fleet page** (\`fleet-page.mjs\`): the built app served by the backend of (2), Chromium
   headless, \`GET /clusters\` answered with 1,000 generated summaries; time from navigation to the
   first rendered matrix row, median of 3 loads. Needs \`packages/app/dist\` (\`yarn workspace app build\`)
   and \`/usr/bin/chromium\` (or \`CHROMIUM_PATH\`).

6. **Fleet pass across replicas** (\`fleet-replicas.mjs\`): PostgreSQL started from
   \`initdb\`/\`postgres\` and 1, 2, then 3 backends from source sharing it (a fresh deployment
   each time, concurrency 8 per replica, each started as in production: no
   \`--enable-source-maps\`, \`--max-old-space-size=384\`), with the largest size's kube-sim clusters in their
   catalog and \`kubernetes\` config. Once the catalog lists all of them and the start-up pass is
   over, the scheduled task is triggered: it queues a run per cluster and every replica's worker
   claims them. Clusters/s = finished runs / (last finish − first start) from the run rows;
   runs per replica from each row's \`owner_replica\`; peak RSS of each replica's process during
   the pass (sampled every 250 ms), with its RSS just before the pass, and the CPU time (user +
   system) each replica used during the pass.

7. **GET /clusters over the summaries** (\`clusters-list.mjs\`): for 1,000 and 10,000 clusters a
   backend from source (started as in production: no \`--enable-source-maps\`,
   \`--max-old-space-size=384\`) starts on a SQLite directory holding one succeeded run per cluster
   (written through the plugin's store, so each cluster's summary row is written as a finished run
   writes it) and a catalog file with the cluster entities (catalog processing every 60 min, so
   no re-processing pass overlaps the measurement). Once the catalog lists them all, 50 concurrent
   keep-alive clients (Node \`fetch\`) send requests back to back for 10 s per case, after a 10 s
   warm-up of the same case: a page of 50; the fleet page's first request (failures first, with
   facets); a filtered search; the page of 50 revalidated with \`If-None-Match\` (304). Two
   reference routes measured the same way give the floor at that moment: \`GET /health\` (no
   authentication) and \`GET /requirements\` (token check, fixed body). The load runs on the same
   two cores as the backend; the script prints the load's own CPU share.

Run one benchmark alone with \`node test/bench/<script>.mjs\` (each script documents its flags).
`;
}

main().catch(e => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});
