#!/usr/bin/env node
// Reliability suite: the fault matrix × (CLI, backend run), a backend killed
// with SIGKILL mid-run and restarted, and the routes fuzzed with random refs,
// bodies and uploads. Prints one line per named test and a final
// `reliability: N passed, M failed` line; exits 1 when a test failed.
//
//   node test/reliability/run.mjs            # everything
//   node test/reliability/run.mjs --only cli # one part: cli, backend
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { parse as parseYaml, stringify } from 'yaml';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const { freePort, startBackend, stopProcess } = require('../support/stack.cjs');
const { clusters: MATRIX } = require('./faultMatrix.cjs');
const expect = require('./expectations.cjs');
const { fuzzRequests } = require('./routeFuzz.cjs');
const { createScriptTests } = require('../support/scriptTests.cjs');

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : undefined;
const dir = fs.mkdtempSync(
  path.join(os.tmpdir(), 'ai-conformance-reliability-'),
);
const children = [];

const { test, fail, summary } = createScriptTests('reliability');

async function startFaultSim() {
  const child = spawn(
    process.execPath,
    [path.join(here, 'faultSim.cjs'), '--dir', dir],
    {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let out = '';
  child.stderr.on('data', d => (out += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', d => {
      out += d;
      const m = /fault-sim ready (\S+)/.exec(out);
      if (m) resolve({ child, control: m[1] });
    });
    child.once('exit', code =>
      reject(new Error(`fault-sim exited with ${code}: ${out}`)),
    );
  });
}

function runCli(cluster) {
  const outFile = path.join(dir, `${cluster}.report.json`);
  const args = [
    path.join(repoRoot, 'packages/cli/bin/ai-conformance'),
    'check',
    '--kubeconfig',
    path.join(dir, `${cluster}.kubeconfig`),
    '--timeout',
    '15s',
    '-o',
    'json',
    '--out',
    outFile,
    '-q',
  ];
  return new Promise(resolve => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', d => (stderr += d));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const report = fs.existsSync(outFile)
        ? JSON.parse(fs.readFileSync(outFile, 'utf8'))
        : undefined;
      resolve({ code, signal, stderr, report });
    });
  });
}

/** The bearer token the kubeconfig of a fault-matrix cluster holds. */
function tokenOf(cluster) {
  const kc = parseYaml(
    fs.readFileSync(path.join(dir, `${cluster}.kubeconfig`), 'utf8'),
  );
  const token = kc.users?.[0]?.user?.token;
  assert.ok(token && token.length > 16, `a token for ${cluster}`);
  return token;
}

/** Throws when a credential appears in any of the named texts. */
function assertNoToken(token, texts) {
  for (const [what, text] of Object.entries(texts)) {
    assert.ok(!String(text).includes(token), `the token appears in ${what}`);
  }
}

/** Resident memory of a process (Linux /proc), in bytes. */
function rssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

/** `fn` over `items`, at most `n` at a time, results in order. */
function mapLimit(items, n, fn) {
  const limit = pLimit(n);
  return Promise.all(items.map(item => limit(() => fn(item))));
}

const cliClusters = MATRIX.filter(c => c.name !== 'f-slow');

async function cliColumn() {
  const runs = await mapLimit(cliClusters, 2, async c => [
    c,
    await runCli(c.name),
  ]);
  for (const [c, r] of runs) {
    await test(`cli: ${c.fault} (${c.name})`, async () => {
      const want = expect.cli[c.name];
      assert.equal(r.signal, null, 'the CLI was not killed');
      assert.ok(
        want.exit.includes(r.code),
        `exit ${r.code}, expected ${want.exit.join(
          ' or ',
        )}; stderr: ${r.stderr.slice(0, 400)}`,
      );
      assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
      if (want.stderr) assert.match(r.stderr, want.stderr);
      if (want.report) {
        assert.ok(r.report, 'a JSON report was written');
        want.report(r.report);
      }
      // Whatever the server answered, its credential is in neither output.
      assertNoToken(tokenOf(c.name), {
        stderr: r.stderr,
        'the report': JSON.stringify(r.report ?? {}),
      });
    });
  }
}

// ---- backend -------------------------------------------------------------

function backendConfig(port, { schedule }) {
  const file = path.join(
    dir,
    `app-config.backend-${schedule ? 'scheduled' : 'manual'}.yaml`,
  );
  fs.mkdirSync(path.join(dir, 'sqlite'), { recursive: true });
  fs.writeFileSync(
    file,
    stringify({
      app: { baseUrl: `http://localhost:${port}` },
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
        database: {
          client: 'better-sqlite3',
          connection: { directory: path.join(dir, 'sqlite') },
        },
      },
      aiConformance: {
        clusterDeadline: { seconds: 15 },
        requestTimeout: { seconds: 5 },
        // A short lease: the run of the killed backend has expired by the
        // time the restarted one is ready.
        runs: { lease: { seconds: 4 }, heartbeat: { seconds: 1 } },
        schedule: schedule
          ? {
              enabled: true,
              initialDelay: { seconds: 5 },
              frequency: { minutes: 30 },
            }
          : { enabled: false },
      },
    }),
  );
  return file;
}

async function bootBackend(port, opts) {
  const logFile = path.join(dir, `backend-${opts.schedule ? 2 : 1}.log`);
  const backend = await startBackend({
    port,
    configs: [
      path.join(dir, 'app-config.faults.yaml'),
      backendConfig(port, opts),
    ],
    logFile,
  });
  children.push(backend.child);
  const res = await fetch(`${backend.baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  assert.equal(res.status, 200, 'guest token');
  const token = (await res.json()).backstageIdentity.token;
  const api = async (method, p, body, headers = {}) => {
    const r = await fetch(`${backend.baseUrl}/api/ai-conformance${p}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && !headers['content-type']
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || Buffer.isBuffer(body)
          ? body
          : JSON.stringify(body),
    });
    const text = await r.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: r.status, json, text };
  };
  // Wait until the catalog holds the fault-matrix clusters.
  const started = Date.now();
  for (;;) {
    const r = await api('GET', '/clusters/default/f-slow');
    if (r.status === 200) break;
    if (Date.now() - started > 180_000)
      throw new Error(`catalog not ready: ${r.status} ${r.text.slice(0, 200)}`);
    await new Promise(res => setTimeout(res, 2000));
  }
  return { ...backend, api, logFile };
}

async function waitRun(
  api,
  runId,
  {
    timeoutMs = 120_000,
    until = r => ['succeeded', 'failed'].includes(r.status),
  } = {},
) {
  const started = Date.now();
  for (;;) {
    const r = await api('GET', `/runs/${runId}`);
    if (r.status === 200 && until(r.json)) return r.json;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `run ${runId}: still ${r.json?.status} after ${timeoutMs} ms`,
      );
    await new Promise(res => setTimeout(res, 1000));
  }
}

async function backendColumn(control) {
  const port = await freePort();
  let backend;
  await test('backend: starts with the fault-matrix clusters in the catalog', async () => {
    backend = await bootBackend(port, { schedule: false });
  });
  if (!backend) return;
  const { api } = backend;

  const runIds = {};
  for (const c of cliClusters) {
    const r = await api('POST', `/clusters/default/${c.name}/runs`, {});
    runIds[c.name] =
      r.status === 202 ? r.json.runId : `error ${r.status} ${r.text}`;
  }
  for (const c of cliClusters) {
    await test(`backend run: ${c.fault} (${c.name})`, async () => {
      assert.doesNotMatch(runIds[c.name], /^error/, runIds[c.name]);
      const run = await waitRun(api, runIds[c.name]);
      expect.backendRun(c.name, run);
    });
  }
  await test('backend: a 700 MB answer ends at the cap, memory grows < 100 MiB (f-oversized run and accelerators)', async () => {
    const pid = backend.child.pid;
    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssOf(pid));
      } catch {
        // the process is gone: the assertions below say so
      }
    }, 50);
    try {
      const acc = await api(
        'GET',
        '/clusters/default/f-oversized/accelerators?range=1h',
      );
      assert.equal(acc.status, 200, acc.text.slice(0, 300));
      assert.match(
        JSON.stringify(acc.json.errors),
        /response exceeded 33554432 bytes/,
      );
      const r = await api('POST', '/clusters/default/f-oversized/runs', {});
      assert.equal(r.status, 202, r.text);
      const run = await waitRun(api, r.json.runId);
      expect.backendRun('f-oversized', run);
      const took = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
      assert.ok(took < 15_000, `ended before the deadline (took ${took} ms)`);
    } finally {
      clearInterval(sampler);
    }
    const growth = peak - before;
    console.log(
      `  backend RSS ${Math.round(before / 2 ** 20)} MiB → peak ${Math.round(
        peak / 2 ** 20,
      )} MiB (+${Math.round(growth / 2 ** 20)} MiB)`,
    );
    assert.ok(growth < 100 * 2 ** 20, `RSS grew ${growth} bytes`);
    assert.equal(backend.child.exitCode, null, 'no crash');
    assert.doesNotMatch(
      fs.readFileSync(backend.logFile, 'utf8'),
      /ERR_STRING_TOO_LONG|uncaught|unhandled rejection/i,
      'no uncaught error in the backend log',
    );
  });
  await test("backend: an echoing server's token is in no report, response, log or database (f-echo)", async () => {
    const token = tokenOf('f-echo');
    const run = await api('GET', `/runs/${runIds['f-echo']}`);
    assert.equal(run.status, 200, run.text.slice(0, 300));
    assert.match(
      run.text,
      /Authorization: \[redacted\]/,
      'the echo reached the report, redacted',
    );
    const acc = await api(
      'GET',
      '/clusters/default/f-echo/accelerators?range=1h',
    );
    assert.match(acc.text, /\[redacted\]/, 'the inventory error was redacted');
    const db = fs
      .readdirSync(path.join(dir, 'sqlite'))
      .map(f => fs.readFileSync(path.join(dir, 'sqlite', f)).toString('latin1'))
      .join('\n');
    assertNoToken(token, {
      'the run and its report': run.text,
      'the accelerators answer': acc.text,
      'the run history': (await api('GET', '/clusters/default/f-echo/runs'))
        .text,
      'the cluster answer': (await api('GET', '/clusters/default/f-echo')).text,
      'the backend log': fs.readFileSync(backend.logFile, 'utf8'),
      'the database': db,
    });
  });
  await test('backend: still ready after the fault matrix (no crash)', async () => {
    assert.equal(backend.child.exitCode, null);
    const r = await fetch(`${backend.baseUrl}/.backstage/health/v1/readiness`);
    assert.equal(r.status, 200);
  });

  // SIGKILL mid-run, then restart.
  const historyBefore = {};
  for (const c of ['f-healthy', 'f-5xx', 'f-403']) {
    historyBefore[c] = (await api('GET', `/clusters/default/${c}/runs`)).json;
  }
  let killedRunId;
  await test('backend: SIGKILL while a run is in progress', async () => {
    const r = await api('POST', '/clusters/default/f-slow/runs', {});
    assert.equal(r.status, 202, r.text);
    killedRunId = r.json.runId;
    await waitRun(api, killedRunId, {
      timeoutMs: 60_000,
      until: x => x.status === 'running',
    });
    process.kill(-backend.child.pid, 'SIGKILL');
    await new Promise(res =>
      backend.child.exitCode !== null || backend.child.signalCode !== null
        ? res()
        : backend.child.once('exit', res),
    );
  });
  await fetch(`${control}/faults/f-slow`, { method: 'POST', body: '[]' });
  let again;
  await test('backend: restarts on the same database after SIGKILL', async () => {
    again = await bootBackend(port, { schedule: true });
  });
  if (!again) return;
  await test('backend: the killed run is marked failed after the restart', async () => {
    assert.ok(killedRunId);
    const r = await again.api('GET', `/runs/${killedRunId}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'failed');
    assert.ok(r.json.error, 'the failed run says why');
  });
  await test('backend: run history intact after SIGKILL', async () => {
    for (const [c, before] of Object.entries(historyBefore)) {
      const after = (await again.api('GET', `/clusters/default/${c}/runs`))
        .json;
      assert.deepEqual(JSON.stringify(after), JSON.stringify(before), c);
      assert.ok(
        JSON.stringify(before).includes('succeeded'),
        `${c} had a finished run`,
      );
    }
  });
  await test('backend: the next scheduled run after the restart succeeds', async () => {
    const started = Date.now();
    for (;;) {
      const list = (await again.api('GET', '/clusters/default/f-slow/runs'))
        .json;
      const items = list.items ?? list.runs ?? list;
      const next = items.find(
        x => x.runId !== killedRunId && x.trigger === 'schedule',
      );
      if (next && ['succeeded', 'failed'].includes(next.status)) {
        assert.equal(next.status, 'succeeded', next.error);
        assert.equal(next.verdict, 'conformant');
        return;
      }
      if (Date.now() - started > 180_000)
        throw new Error(
          `no finished scheduled run: ${JSON.stringify(items).slice(0, 300)}`,
        );
      await new Promise(res => setTimeout(res, 2000));
    }
  });

  // Fuzz.
  const snapshot = async () => {
    const out = {};
    for (const c of cliClusters)
      out[c.name] = (
        await again.api('GET', `/clusters/default/${c.name}/runs`)
      ).text;
    out.clusters = (await again.api('GET', '/clusters')).text;
    return out;
  };
  // The restarted backend's scheduled pass must be over before the baseline.
  for (let i = 0; i < 120; i++) {
    const tasks = (await again.api('GET', '/.backstage/scheduler/v1/tasks'))
      .json?.tasks;
    const pass = tasks?.find(t => t.taskId === 'ai-conformance-checks');
    const busy = Object.values(await snapshot()).some(text =>
      /"status": "(queued|running)"/.test(text),
    );
    if (!busy && pass?.taskState?.status !== 'running') break;
    await new Promise(res => setTimeout(res, 1000));
  }
  const before = await snapshot();
  const answers = [];
  await test('routes fuzz: 300 random refs, bodies and uploads answer 4xx, never 5xx', async () => {
    const reqs = fuzzRequests({
      seed: 20261129,
      count: 300,
      existing: cliClusters.map(c => c.name),
    });
    await mapLimit(reqs, 4, async q => {
      const r = await again.api(q.method, q.path, q.body, q.headers);
      answers.push({ ...q, status: r.status, text: r.text.slice(0, 200) });
    });
    // fetch resolves `..` and `%2e%2e` segments before sending, so such a
    // request may land on another, valid route: it must still not be a 5xx.
    const resolvedElsewhere = a =>
      new URL(`http://host/api/ai-conformance${a.path}`).pathname !==
      `/api/ai-conformance${a.path.split('?')[0]}`;
    const bad = answers.filter(
      a =>
        a.status >= 500 ||
        (a.status < 400 && a.expect4xx && !resolvedElsewhere(a)),
    );
    assert.equal(
      bad.length,
      0,
      `${bad.length} unexpected answers:\n` +
        bad
          .slice(0, 5)
          .map(
            a => `${a.method} ${a.path.slice(0, 80)} → ${a.status} ${a.text}`,
          )
          .join('\n'),
    );
  });
  await test('routes fuzz: nothing stored', async () => {
    const after = await snapshot();
    for (const k of Object.keys(before)) assert.equal(after[k], before[k], k);
  });
  await test('routes fuzz: the backend is still ready', async () => {
    const r = await fetch(`${again.baseUrl}/.backstage/health/v1/readiness`);
    assert.equal(r.status, 200);
  });
}

async function main() {
  let sim;
  await test('fault-sim: serves the fault-matrix clusters', async () => {
    sim = await startFaultSim();
  });
  if (sim) {
    if (!only || only === 'cli') await cliColumn();
    if (!only || only === 'backend') await backendColumn(sim.control);
  }
}

const cleanup = async () => {
  for (const c of children.reverse()) await stopProcess(c);
};
main()
  .catch(e => fail(`suite: ${e.message}`))
  .finally(async () => {
    await cleanup();
    const failed = summary();
    if (failed === 0) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`logs and generated files: ${dir}`);
    process.exit(failed ? 1 : 0);
  });
