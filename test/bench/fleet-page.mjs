#!/usr/bin/env node
// Benchmark: the AI Conformance fleet page with 1,000 clusters in Chromium.
// Serves the built app from a Backstage backend, answers
// GET /api/ai-conformance/clusters with N generated cluster summaries
// (Playwright route interception), and prints the time from navigation to
// the first rendered matrix row, plus the time to re-sort and filter.
//
// Usage:
//   yarn build:all   # or: yarn workspace app build (the backend serves packages/app/dist)
//   node test/bench/fleet-page.mjs [--count 1000] [--runs 5] [--base-url http://localhost:7007]
// Without --base-url (or BENCH_BASE_URL) a backend is started on a free port
// and stopped at the end.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('@playwright/test');
const stack = require('../support/stack.cjs');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const count = Number(arg('count', 1000));
const runs = Number(arg('runs', 5));
let baseUrl = arg('base-url', process.env.BENCH_BASE_URL);

const REQUIREMENTS = [
  'dra_support',
  'driver_runtime_management',
  'gpu_sharing',
  'virtualized_accelerator',
  'ai_inference',
  'advanced_inference_ingress',
  'high_performance_networking',
  'disaggregated_inference',
  'gang_scheduling',
  'cluster_autoscaling',
  'pod_autoscaling',
  'accelerator_metrics',
  'ai_service_metrics',
  'secure_accelerator_access',
  'workload_sandboxing',
  'robust_controller',
];
const STATUSES = [
  'pass',
  'pass',
  'pass',
  'fail',
  'partial',
  'unknown',
  'not-applicable',
];
const PLATFORMS = ['gke', 'eks', 'aks', 'openshift', 'generic'];
const VERDICTS = ['conformant', 'not-conformant', 'incomplete', null];

/** Deterministic cluster summaries. */
function summaries(n) {
  return Array.from({ length: n }, (_, i) => {
    const verdict = VERDICTS[i % VERDICTS.length];
    const statuses = verdict
      ? Object.fromEntries(
          REQUIREMENTS.map((id, j) => [
            id,
            STATUSES[(i * 7 + j * 3) % STATUSES.length],
          ]),
        )
      : undefined;
    return {
      entityRef: `resource:default/bench-cluster-${String(i).padStart(4, '0')}`,
      verdict,
      requirementsVersion: verdict ? `1.3${3 + (i % 5)}` : null,
      mustPassed: verdict ? 6 + (i % 4) : 0,
      mustTotal: verdict ? 9 : 0,
      shouldPassed: verdict ? i % 3 : 0,
      shouldTotal: verdict ? 4 : 0,
      platform: verdict ? PLATFORMS[i % PLATFORMS.length] : null,
      kubernetesVersion: verdict ? `v1.3${3 + (i % 5)}.1` : null,
      lastRunAt: verdict
        ? new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString()
        : null,
      ...(statuses ? { statuses } : {}),
    };
  });
}

async function startOwnBackend() {
  const dir = path.join(stack.repoRoot, '.test-results');
  mkdirSync(dir, { recursive: true });
  const port = await stack.freePort();
  const url = `http://localhost:${port}`;
  const config = path.join(dir, 'bench-fleet-page.yaml');
  writeFileSync(
    config,
    `app:\n  baseUrl: ${url}\nbackend:\n  baseUrl: ${url}\n  listen:\n    port: ${port}\n  cors:\n    origin: ${url}\n`,
  );
  const started = Date.now();
  const backend = await stack.startBackend({
    port,
    configs: [config],
    logFile: path.join(dir, 'bench-fleet-page-backend.log'),
  });
  console.log(
    `backend ready on ${url} in ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s`,
  );
  return backend;
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  let backend;
  if (!baseUrl) {
    backend = await startOwnBackend();
    baseUrl = backend.baseUrl;
  }
  const all = summaries(count);
  const tally = pick =>
    all.reduce((acc, s) => {
      acc[pick(s)] = (acc[pick(s)] ?? 0) + 1;
      return acc;
    }, {});
  const distinct = pick => [...new Set(all.map(pick).filter(Boolean))].sort();
  const facets = {
    verdicts: tally(s => s.verdict ?? 'unchecked'),
    levels: tally(s => s.level ?? 'unchecked'),
    owners: distinct(s => s.owner),
    platforms: distinct(s => s.platform),
    requirementsVersions: distinct(s => s.requirementsVersion),
  };
  // GET /clusters pages on the server: answer the page asked for.
  const body = url => {
    const q = new URL(url).searchParams;
    const offset = Number(q.get('offset') ?? 0);
    const limit = Number(q.get('limit') ?? 100);
    // By name when asked (ascending is the generated order); any other
    // order is stood in for by the reverse, so a re-sort changes the page.
    const byName = q.get('sort') === 'name' && q.get('order') !== 'desc';
    const ordered = byName ? all : [...all].reverse();
    return JSON.stringify({
      items: ordered.slice(offset, offset + limit),
      totalCount: all.length,
      offset,
      limit,
      ...(q.get('facets') === 'true' ? { facets } : {}),
    });
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
    });
    await context.route(/\/api\/ai-conformance\/clusters(\?.*)?$/, route =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: body(route.request().url()),
      }),
    );
    // Records when the first matrix row appears, relative to navigation start.
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('tr[data-entity-ref]')) {
          window.__firstRowMs = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('link', { name: 'Catalog', exact: true })
      .first()
      .waitFor();

    const firstRow = [];
    const resort = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${baseUrl}/ai-conformance`);
      await page
        .locator('tr[data-entity-ref]')
        .first()
        .waitFor({ timeout: 60_000 });
      firstRow.push(await page.evaluate(() => window.__firstRowMs));
      const total = await page.locator('text=/^\\d+ clusters/').textContent();
      if (i === 0) console.log(`page shows: ${total}`);
      const started = Date.now();
      await page.getByRole('button', { name: 'Cluster', exact: true }).click();
      await page
        .locator('tr[data-entity-ref]')
        .first()
        .and(
          page.locator(
            '[data-entity-ref="resource:default/bench-cluster-0000"]',
          ),
        )
        .waitFor();
      resort.push(Date.now() - started);
    }
    const fmt = xs => xs.map(x => Math.round(x)).join(', ');
    console.log(`clusters: ${count}, runs: ${runs}`);
    console.log(
      `time to first rendered row (ms): median ${Math.round(
        median(firstRow),
      )} [${fmt(firstRow)}]`,
    );
    console.log(
      `re-sort by name until the first row changes (ms): median ${Math.round(
        median(resort),
      )} [${fmt(resort)}]`,
    );
  } finally {
    await browser.close();
    if (backend) await stack.stopProcess(backend.child);
  }
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
