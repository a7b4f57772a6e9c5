#!/usr/bin/env node
// Benchmark: AI Conformance routes under load. A fixed number of concurrent
// keep-alive clients (Node's fetch) send requests back to back for a fixed
// time against a running backend that already holds the reports (run it
// after fleet-scheduler.mjs --keep); prints p50/p99 latency and requests per
// second per route.
// Usage: node test/bench/routes-load.mjs --base-url http://localhost:PORT [--duration 10] [--connections 10] [--cluster fleet-0000] [--json out.json]
import fs from 'node:fs';
import { keepAliveLoad } from './keepAliveLoad.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const baseUrl = arg('base-url', process.env.BENCH_BASE_URL);
const durationMs = Number(arg('duration', '10')) * 1000;
const connections = Number(arg('connections', '10'));
const cluster = arg('cluster', 'fleet-0000');
if (!baseUrl) {
  console.error('routes-load bench: --base-url is required');
  process.exit(2);
}

const load = (url, token) =>
  keepAliveLoad(
    url,
    { authorization: `Bearer ${token}` },
    { connections, durationMs },
  );

async function main() {
  const token = (
    await (
      await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      })
    ).json()
  ).backstageIdentity.token;
  const stored = await (
    await fetch(
      `${baseUrl}/api/ai-conformance/clusters?verdict=conformant,not-conformant,incomplete&limit=1`,
      { headers: { authorization: `Bearer ${token}` } },
    )
  ).json();
  // Clusters with a stored report, as GET /clusters counts them.
  const withReports =
    typeof stored?.totalCount === 'number'
      ? stored.totalCount
      : `unknown (GET /clusters: ${stored?.error?.name ?? 'error'})`;
  const routes = [
    // The first page (100 clusters, the default page size).
    ['GET /clusters', `${baseUrl}/api/ai-conformance/clusters`],
    [
      'GET /clusters/:namespace/:name',
      `${baseUrl}/api/ai-conformance/clusters/default/${cluster}`,
    ],
  ];
  const rows = [];
  for (const [name, url] of routes)
    rows.push({ route: name, ...(await load(url, token)) });
  console.log(
    `routes under load: ${connections} concurrent clients, ${
      durationMs / 1000
    } s per route, ${withReports} clusters with stored reports`,
  );
  console.log(
    [
      'route'.padEnd(32),
      'requests'.padStart(9),
      'errors'.padStart(7),
      'req/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
    ].join(''),
  );
  for (const r of rows) {
    console.log(
      [
        r.route.padEnd(32),
        String(r.requests).padStart(9),
        String(r.errors).padStart(7),
        r.rps.toFixed(1).padStart(8),
        r.p50Ms.toFixed(1).padStart(8),
        r.p99Ms.toFixed(1).padStart(8),
      ].join(''),
    );
  }
  const jsonOut = arg('json');
  if (jsonOut)
    fs.writeFileSync(
      jsonOut,
      JSON.stringify({ rows, withReports, connections, durationMs }, null, 2),
    );
}

main().catch(e => {
  console.error(`routes-load bench: ${e.stack ?? e}`);
  process.exit(1);
});
