#!/usr/bin/env node
// Benchmark: GET /clusters over N stored clusters (default 1,000 and
// 10,000). For each N a demo backend starts on a SQLite directory that
// already holds one succeeded run per cluster (written through the plugin's
// store, so the cluster summaries are written as a finished run writes
// them) and a catalog file with the N cluster entities. Once the catalog
// lists them all, C concurrent keep-alive clients (Node's fetch) send
// requests back to back for D seconds per case: a page of 50, the fleet
// page's first request (failures first, with facets), a filtered search,
// and a page revalidated with If-None-Match (304). Prints p50/p99 and req/s.
// Usage: node test/bench/clusters-list.mjs [--sizes 1000,10000] [--connections 50] [--duration 10] [--only <case prefix>] [--json out.json]
// BENCH_KEEP=1 keeps the temporary directory (backend logs, databases) and prints it.
// The backend runs as production runs Node (no source maps, a 384 MiB heap);
// --cpu-prof <dir> writes its CPU profile there, BENCH_BACKEND_NODE_ARGS adds
// Node options (e.g. --trace-gc).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { stringify } from 'yaml';
import { keepAliveLoad } from './keepAliveLoad.mjs';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const knexFactory = require('knex');
const {
  DatabaseConformanceStore,
} = require('../../plugins/ai-conformance-backend/src/database/DatabaseConformanceStore.ts');
const {
  getChecklist,
} = require('../../plugins/ai-conformance-common/src/index.ts');
const { freePort, startBackend, stopProcess } = require('../support/stack.cjs');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const connections = Number(arg('connections', '50'));
const durationMs = Number(arg('duration', '10')) * 1000;

const sleep = ms => new Promise(r => setTimeout(r, ms));
const name = i => `fleet-${String(i).padStart(5, '0')}`;

/** A report of cluster i: the 1.35 checklist with a mix of outcomes. */
function reportOf(i, checklist) {
  const kind = i % 4;
  const requirements = checklist.requirements.map((r, j) => ({
    id: r.id,
    category: r.category,
    level: r.level,
    conditional: false,
    title: r.title,
    status:
      kind === 0 && j === 0
        ? 'fail'
        : kind === 1 && r.level === 'SHOULD'
        ? 'unknown'
        : 'pass',
    method: 'passive',
    summary: 'generated for the benchmark',
    evidence: [],
    remediation: [],
    errors: [],
  }));
  return {
    schemaVersion: 1,
    requirementsVersion: checklist.version,
    generatedAt: new Date().toISOString(),
    cluster: {
      name: name(i),
      platform: kind === 3 ? 'eks' : 'gke',
      kubernetesVersion:
        kind === 3 ? 'v1.35.1-eks-3cfe0ce' : 'v1.35.0-gke.2232000',
      accelerators: [
        {
          resource: 'nvidia.com/gpu',
          nodes: 2,
          capacity: 8,
          allocatable: 8,
        },
      ],
    },
    verdict: kind === 0 ? 'not-conformant' : 'conformant',
    requirements,
    findings: [],
    stats: { apiRequests: 20, durationMs: 100 },
  };
}

async function populate(dbDir, n) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dbDir, 'ai-conformance.sqlite') },
    useNullAsDefault: true,
  });
  try {
    const store = await DatabaseConformanceStore.create({
      database: { getClient: async () => knex },
    });
    const checklist = getChecklist('1.35');
    const started = Date.now();
    for (let i = 0; i < n; i++) {
      const runId = `bench-${i}`;
      const at = new Date(Date.now() - (n - i) * 1000).toISOString();
      await store.createRun({
        runId,
        entityRef: `resource:default/${name(i)}`,
        trigger: 'schedule',
        createdAt: at,
      });
      await store.completeRun(runId, reportOf(i, checklist), at);
    }
    return (Date.now() - started) / 1000;
  } finally {
    await knex.destroy();
  }
}

const load = (url, headers) =>
  keepAliveLoad(url, headers, { connections, durationMs });

async function measure(n, dir) {
  const dbDir = path.join(dir, `db-${n}`);
  fs.mkdirSync(dbDir, { recursive: true });
  const populateSeconds = await populate(dbDir, n);
  const catalogFile = path.join(dir, `catalog-${n}.yaml`);
  fs.writeFileSync(
    catalogFile,
    Array.from({ length: n }, (_, i) =>
      stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: name(i) },
        spec: {
          type: 'kubernetes-cluster',
          owner: `group:default/team-${i % 7}`,
        },
      }),
    ).join('---\n'),
  );
  const port = await freePort();
  const configFile = path.join(dir, `app-config-${n}.yaml`);
  fs.writeFileSync(
    configFile,
    stringify({
      app: { baseUrl: `http://localhost:${port}` },
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
        cors: { origin: `http://localhost:${port}` },
        database: {
          client: 'better-sqlite3',
          connection: { directory: dbDir },
        },
      },
      catalog: {
        processingInterval: { minutes: 60 },
        locations: [
          {
            type: 'file',
            target: catalogFile,
            rules: [{ allow: ['Resource'] }],
          },
        ],
      },
      aiConformance: { schedule: { enabled: false } },
    }),
    { mode: 0o600 },
  );
  const backend = await startBackend({
    port,
    configs: [configFile],
    logFile: path.join(dir, `backend-${n}.log`),
    // As production runs Node: no source maps, a bounded heap.
    sourceMaps: false,
    nodeArgs: [
      '--max-old-space-size=384',
      ...(arg('cpu-prof')
        ? ['--cpu-prof', `--cpu-prof-dir=${arg('cpu-prof')}`]
        : []),
      ...(process.env.BENCH_BACKEND_NODE_ARGS?.split(' ').filter(Boolean) ??
        []),
    ],
  });
  try {
    const token = (
      await (
        await fetch(`${backend.baseUrl}/api/auth/guest/refresh`, {
          headers: { 'x-requested-with': 'XMLHttpRequest' },
        })
      ).json()
    ).backstageIdentity.token;
    const headers = { authorization: `Bearer ${token}` };
    const base = `${backend.baseUrl}/api/ai-conformance/clusters`;
    const catalogStarted = Date.now();
    for (;;) {
      const res = await fetch(
        `${backend.baseUrl}/api/catalog/entities/by-query?filter=kind%3Dresource%2Cspec.type%3Dkubernetes-cluster&limit=1`,
        { headers },
      );
      const page = res.ok ? await res.json() : undefined;
      if (page && page.totalItems >= n) break;
      if (Date.now() - catalogStarted > 600_000)
        throw new Error(`catalog holds ${page?.totalItems} of ${n} clusters`);
      await sleep(1000);
    }
    // The first request reads the catalog into the summaries; wait for all.
    let listed;
    for (let i = 0; i < 60; i++) {
      listed = await (await fetch(`${base}?limit=1`, { headers })).json();
      if (listed.totalCount >= n) break;
      await sleep(1000);
    }
    const page = `${base}?limit=50`;
    const etag = (await fetch(page, { headers })).headers.get('etag');
    const cases = [
      ['page of 50', page, headers],
      [
        'fleet page (failures first, facets)',
        `${base}?sort=failures&order=desc&offset=0&limit=50&facets=true`,
        headers,
      ],
      [
        'filtered (level=gold, q=fleet-01)',
        `${base}?level=gold&q=fleet-01&limit=50`,
        headers,
      ],
      [
        'page of 50, If-None-Match',
        page,
        { ...headers, 'if-none-match': etag },
      ],
    ];
    // The floor at the same moment: a route with no authentication, and
    // one that authenticates the token and answers a fixed body.
    cases.push(
      [
        'reference: GET /health',
        `${backend.baseUrl}/api/ai-conformance/health`,
        {},
      ],
      [
        'reference: GET /requirements',
        `${backend.baseUrl}/api/ai-conformance/requirements`,
        headers,
      ],
    );
    const only = arg('only');
    const rows = [];
    for (const [label, url, h] of cases) {
      if (only && !label.startsWith(only)) continue;
      await load(url, h); // warm-up pass is not counted
      rows.push({ clusters: n, case: label, ...(await load(url, h)) });
      const r = rows[rows.length - 1];
      console.log(
        `${String(n).padStart(6)} ${label.padEnd(40)} p50 ${r.p50Ms.toFixed(
          1,
        )} ms  p99 ${r.p99Ms.toFixed(1)} ms  ${r.rps.toFixed(
          0,
        )} req/s  ${JSON.stringify(r.statuses)}  client CPU ${(
          r.clientCpu * 100
        ).toFixed(0)} %, loop delay max ${r.clientLoopDelayMaxMs.toFixed(
          0,
        )} ms`,
      );
    }
    return { clusters: n, populateSeconds, listed: listed.totalCount, rows };
  } finally {
    await stopProcess(backend.child);
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-clusters-'));
  console.log(
    `GET /clusters: ${connections} concurrent keep-alive clients, ${
      durationMs / 1000
    } s per case (after a warm-up pass of the same length)`,
  );
  const results = [];
  try {
    for (const n of sizes) results.push(await measure(n, dir));
  } finally {
    if (!process.env.BENCH_KEEP)
      fs.rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
  const jsonOut = arg('json');
  if (jsonOut)
    fs.writeFileSync(
      jsonOut,
      JSON.stringify({ connections, durationMs, results }, null, 2),
    );
}

main().catch(e => {
  console.error(`clusters-list bench: ${e.stack ?? e}`);
  process.exit(1);
});
