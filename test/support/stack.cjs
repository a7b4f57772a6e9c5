// Starts and stops the demo stack (kube-sim clusters + Backstage backend) for
// the demo command, the browser tests and the benchmarks. Every process runs
// in its own process group and is stopped by PID; a port already in use is
// refused rather than silently reused.
const { spawn } = require('node:child_process');
const {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');

async function assertPortFree(port) {
  await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', () =>
      reject(
        new Error(
          `Port ${port} is already in use. Stop whatever listens there (e.g. an earlier backend) and try again.`,
        ),
      ),
    );
    server.listen(port, '0.0.0.0', () => server.close(resolve));
  });
}

function startProcess(name, command, args, { cwd, env, logFile }) {
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const child = spawn(command, args, {
    cwd: cwd ?? repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.name = name;
  return child;
}

function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

async function waitFor(check, { timeoutMs, what, child, logFile }) {
  const started = Date.now();
  for (;;) {
    if (child && child.exitCode !== null) {
      const tail =
        logFile && existsSync(logFile)
          ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')
          : '';
      throw new Error(
        `${what}: process exited with code ${child.exitCode}\n${tail}`,
      );
    }
    try {
      if (await check()) return Date.now() - started;
    } catch {
      // not ready yet
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `${what}: not ready after ${timeoutMs / 1000}s${
          logFile ? ` (log: ${logFile})` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/** Starts the kube-sim demo clusters; resolves with the generated config path. */
async function startKubeSimDemo({ dir, logFile }) {
  mkdirSync(dir, { recursive: true });
  const configPath = path.join(dir, 'app-config.kube-sim.yaml');
  const bin = path.join(repoRoot, 'packages/kube-sim/bin/kube-sim');
  // A config or log line left by an earlier start names ports that are gone.
  rmSync(configPath, { force: true });
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const child = startProcess(
    'kube-sim',
    process.execPath,
    // With the GKE Container API double: the template's gke-api delivery
    // creates its clusters there (config in the generated file).
    [bin, 'demo', '--kubeconfig-dir', dir, '--container-api-port', '0'],
    { logFile },
  );
  await waitFor(
    () =>
      existsSync(configPath) &&
      existsSync(logFile) &&
      /kube-sim ready/.test(
        readFileSync(logFile).subarray(logStart).toString('utf8'),
      ),
    { timeoutMs: 60_000, what: 'kube-sim', child, logFile },
  );
  // The double's Google credentials (external_account, its token endpoint in
  // the double): the backend's Google identity in the demo
  // (GOOGLE_APPLICATION_CREDENTIALS), which created clusters accept. A
  // service-account key would send getAccessToken() to Google's own endpoint.
  const containerApiKeyFile = path.join(dir, 'container-api-credentials.json');
  return { child, configPath, containerApiKeyFile };
}

/**
 * The Container API double's project (kube-sim's default): named in
 * GOOGLE_CLOUD_PROJECT so Google's libraries do not look up the project of
 * external_account credentials online.
 */
const CONTAINER_API_PROJECT = 'ai-platform-dev';

/** Starts the Backstage backend with the given extra config files. */
/**
 * Starts the demo backend from its TypeScript sources. Unlike
 * `yarn workspace backend start`, no file watcher restarts it when a source
 * file changes, so a test never meets a backend that is shutting down; pass
 * `watch: true` for the CLI's restart-on-change development server.
 * `sourceMaps: false` and `nodeArgs` (e.g. a heap limit) start it as a
 * production process would run.
 */
async function startBackend({
  port = 7007,
  configs = [],
  logFile,
  env,
  watch = false,
  sourceMaps = true,
  nodeArgs = [],
}) {
  await assertPortFree(port);
  const configArgs = [];
  for (const c of ['app-config.yaml', ...configs]) {
    configArgs.push('--config', path.resolve(repoRoot, c));
  }
  const child = watch
    ? startProcess(
        'backend',
        'yarn',
        ['workspace', 'backend', 'start', ...configArgs],
        { logFile, env: { ...env, NODE_ENV: 'development' } },
      )
    : startProcess(
        'backend',
        process.execPath,
        [
          // Stack traces of the TypeScript sources; a production start has
          // no source maps (pass `sourceMaps: false` to measure it).
          ...(sourceMaps ? ['--enable-source-maps'] : []),
          ...nodeArgs,
          '--require',
          require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
            paths: [repoRoot],
          }),
          'src/index.ts',
          ...configArgs,
        ],
        {
          cwd: path.join(repoRoot, 'packages/backend'),
          logFile,
          env: {
            ...env,
            NODE_ENV: 'development',
            ESBK_TSCONFIG_PATH: path.join(repoRoot, 'tsconfig.json'),
          },
        },
      );
  const ms = await waitFor(
    async () => {
      const res = await fetch(
        `http://localhost:${port}/.backstage/health/v1/readiness`,
      );
      return res.status === 200;
    },
    { timeoutMs: 300_000, what: 'backend', child, logFile },
  );
  return { child, readyMs: ms, baseUrl: `http://localhost:${port}` };
}

/** Starts the app's development server on :3000. */
async function startAppDevServer({ configs = [], logFile }) {
  await assertPortFree(3000);
  const args = ['workspace', 'app', 'start'];
  for (const c of ['app-config.yaml', ...configs]) {
    args.push('--config', path.resolve(repoRoot, c));
  }
  const child = startProcess('app', 'yarn', args, { logFile });
  await waitFor(
    async () => (await fetch('http://localhost:3000')).status === 200,
    { timeoutMs: 240_000, what: 'app dev server', child, logFile },
  );
  return { child };
}

/** A free TCP port (get-port), for a process the caller is about to start. */
async function freePort() {
  const { default: getPort } = await import('get-port');
  return getPort();
}

/**
 * When a `prometheus` binary exists, starts one that scrapes the kube-sim
 * demo clusters' DCGM endpoints and writes a config file pointing
 * `aiConformance.metrics` at it. Resolves undefined without a binary: the
 * portal then shows the accelerator inventory without charts.
 */
async function startDemoPrometheus({ kubeSimConfigPath, dir, logFile }) {
  const bin = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
  if (!existsSync(bin)) return undefined;
  const { parse, stringify } = require('yaml');
  const targets = parse(readFileSync(kubeSimConfigPath, 'utf8'))?.kubeSim
    ?.dcgmTargets;
  const clusters = Object.entries(targets ?? {}).filter(
    ([, urls]) => urls.length > 0,
  );
  if (clusters.length === 0) return undefined;
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  const scrapeConfigs = clusters.map(([name, urls]) => ({
    job_name: `dcgm-${name}`,
    scrape_interval: '5s',
    static_configs: urls.map(url => {
      const u = new URL(url);
      return {
        targets: [u.host],
        labels: { __metrics_path__: u.pathname, ksim_cluster: name },
      };
    }),
  }));
  writeFileSync(
    path.join(dir, 'prometheus.yml'),
    stringify({ scrape_configs: scrapeConfigs }),
  );
  const port = await freePort();
  const child = startProcess(
    'prometheus',
    bin,
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { logFile },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/-/ready`)).status === 200, {
    timeoutMs: 60_000,
    what: 'prometheus',
    child,
    logFile,
  });
  const configPath = path.join(dir, 'app-config.metrics.yaml');
  writeFileSync(
    configPath,
    `# Generated by the demo: a local Prometheus scraping kube-sim's DCGM endpoints.\n${stringify(
      {
        aiConformance: {
          metrics: {
            clusters: clusters.map(([name]) => ({
              name,
              url,
              matchers: { ksim_cluster: name },
            })),
          },
        },
      },
    )}`,
  );
  return { child, configPath, url };
}

function kubeSimAvailable() {
  return existsSync(path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'));
}

module.exports = {
  repoRoot,
  assertPortFree,
  freePort,
  stopProcess,
  startKubeSimDemo,
  CONTAINER_API_PROJECT,
  startDemoPrometheus,
  startBackend,
  startAppDevServer,
  kubeSimAvailable,
};
