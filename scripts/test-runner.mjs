#!/usr/bin/env node
// Runs every part of the test suite in order, keeps going after a failure,
// and ends with one plain line: "N passed, M failed".
// Usage: node scripts/test-runner.mjs [--only step,step] [--skip step,step]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, '.test-results');
mkdirSync(results, { recursive: true });

const argValue = name => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? new Set(process.argv[i + 1].split(',')) : undefined;
};
const only = argValue('--only');
const skip = argValue('--skip') ?? new Set();

const has = cmd => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function run(cmd, args, options = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', FORCE_COLOR: '0', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (options.capture && res.stdout) process.stdout.write(res.stdout);
  return {
    ok: res.status === 0,
    status: res.status,
    stdout: res.stdout ?? '',
    ms: Date.now() - started,
  };
}

/** Installs Debian packages; shared with the start command. */
const { ensureDebianPackages } = createRequire(import.meta.url)(
  './debian-packages.cjs',
);

/** Each step returns { passed, failed } and may note details. */

/** Counts "N passed, M failed" printed by a script step. */
function scriptStep(script, label) {
  if (!existsSync(path.join(root, script))) {
    return { ok: true, passed: 0, failed: 0, note: 'not present' };
  }
  const res = run(process.execPath, [script], { capture: true });
  const m = res.stdout.match(
    new RegExp(`${label}: (\\d+) passed, (\\d+) failed`),
  );
  if (!m)
    return {
      ...res,
      passed: 0,
      failed: res.ok ? 0 : 1,
      note: res.ok ? 'skipped' : '',
    };
  return { ...res, passed: Number(m[1]), failed: Number(m[2]) };
}

const steps = [
  {
    name: 'setup',
    title: 'Debian packages for the integration and browser tests',
    run: () => {
      const started = Date.now();
      const res = ensureDebianPackages(['chromium', 'prometheus']);
      return { ok: res.ok, note: res.note, ms: Date.now() - started };
    },
  },
  {
    name: 'lockfile',
    title: 'one version of every @backstage/* package in yarn.lock',
    run: () => run(process.execPath, ['scripts/check-lockfile.mjs']),
  },
  { name: 'tsc', title: 'type-check (tsc)', run: () => run('yarn', ['tsc']) },
  {
    name: 'api-reports',
    title: 'API reports up to date (yarn build:api-reports)',
    run: () => run('yarn', ['build:api-reports']),
  },
  {
    name: 'lint',
    title: 'lint (eslint)',
    run: () => run('yarn', ['backstage-cli', 'repo', 'lint']),
  },
  {
    name: 'prettier',
    title: 'prettier --check',
    run: () => run('yarn', ['prettier', '--check', '.']),
  },
  {
    name: 'jest',
    title: 'jest suites',
    counts: true,
    run: () => {
      const out = path.join(results, 'jest.json');
      rmSync(out, { force: true });
      const res = run('yarn', [
        'backstage-cli',
        'repo',
        'test',
        '--ci',
        '--json',
        `--outputFile=${out}`,
      ]);
      if (!existsSync(out))
        return { ...res, passed: 0, failed: 1, note: 'jest wrote no results' };
      const j = JSON.parse(readFileSync(out, 'utf8'));
      const suiteErrors = j.testResults.filter(
        s => s.status === 'failed' && s.assertionResults.length === 0,
      ).length;
      return {
        ...res,
        passed: j.numPassedTests,
        failed: j.numFailedTests + suiteErrors,
        skipped: j.numPendingTests + j.numTodoTests,
        note: `${j.numTotalTestSuites} suites`,
      };
    },
  },
  {
    name: 'kubectl',
    title: 'kubectl against kube-sim',
    counts: true,
    run: () =>
      scriptStep(
        'packages/kube-sim/scripts/kubectl-check.mjs',
        'kubectl-check',
      ),
  },
  {
    name: 'reliability',
    title: 'fault matrix, crash recovery and route fuzzing',
    counts: true,
    run: () => scriptStep('test/reliability/run.mjs', 'reliability'),
  },
  {
    name: 'replicas',
    title: 'three backend replicas on one PostgreSQL',
    counts: true,
    run: () => scriptStep('test/replicas/run.mjs', 'replicas'),
  },
  {
    name: 'e2e',
    title: 'browser tests (Playwright, Debian chromium)',
    counts: true,
    run: () => {
      const apt = ensureDebianPackages(['chromium']);
      if (!apt.ok) return { ok: false, passed: 0, failed: 1, note: apt.note };
      const build = run('yarn', ['workspace', 'app', 'build']);
      if (!build.ok)
        return { ...build, passed: 0, failed: 1, note: 'app build failed' };
      const out = path.join(results, 'e2e.json');
      rmSync(out, { force: true });
      const res = run('yarn', ['playwright', 'test']);
      if (!existsSync(out))
        return {
          ...res,
          passed: 0,
          failed: 1,
          note: 'playwright wrote no results',
        };
      const s = JSON.parse(readFileSync(out, 'utf8')).stats;
      return {
        ...res,
        passed: s.expected + (s.flaky ?? 0),
        failed: s.unexpected,
        skipped: s.skipped,
      };
    },
  },
];

const summary = [];
for (const step of steps) {
  if ((only && !only.has(step.name)) || skip.has(step.name)) continue;
  console.log(`\n=== ${step.title} ===`);
  const r = step.run();
  const passed = step.counts ? r.passed : r.ok ? 1 : 0;
  // A step whose process failed without a failing test still counts once.
  const failed = step.counts ? r.failed || (r.ok ? 0 : 1) : r.ok ? 0 : 1;
  summary.push({
    step: step.name,
    passed,
    failed,
    skipped: r.skipped ?? 0,
    ms: r.ms ?? 0,
    note: r.note ?? '',
  });
}

console.log('\n=== summary ===');
for (const s of summary) {
  console.log(
    `${s.failed ? 'FAIL' : 'ok  '} ${s.step.padEnd(11)} ${String(
      s.passed,
    ).padStart(5)} passed ${String(s.failed).padStart(3)} failed` +
      `${s.skipped ? ` ${s.skipped} skipped` : ''}  ${(s.ms / 1000).toFixed(
        0,
      )}s ${s.note}`,
  );
}
const passed = summary.reduce((n, s) => n + s.passed, 0);
let failed = summary.reduce((n, s) => n + s.failed, 0);
const jest = summary.find(s => s.step === 'jest');
if (jest && jest.passed === 0) {
  console.log('No jest test ran: that is a failure.');
  failed += 1;
}
if (passed === 0) failed = Math.max(failed, 1);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
