#!/usr/bin/env node
// The demo portal: kube-sim clusters, the backend on :7007 and the app's
// development server on :3000. Stops everything on Ctrl-C.
// Usage: node scripts/demo.mjs start [--config FILE ...]
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const stack = require('../test/support/stack.cjs');
const { ensureDebianPackages } = require('./debian-packages.cjs');

const extraConfigs = [];
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--config') extraConfigs.push(process.argv[++i]);
}

const stateDir = path.join(stack.repoRoot, '.demo');
mkdirSync(stateDir, { recursive: true });
const children = [];

async function stopAll(code) {
  for (const child of children.reverse()) await stack.stopProcess(child);
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

try {
  await stack.assertPortFree(7007);
  await stack.assertPortFree(3000);
  const configs = [];
  let googleCredentials;
  if (stack.kubeSimAvailable()) {
    console.log('Starting the kube-sim demo clusters...');
    const kubeSim = await stack.startKubeSimDemo({
      dir: path.join(stateDir, 'kube-sim'),
      logFile: path.join(stateDir, 'kube-sim.log'),
    });
    children.push(kubeSim.child);
    configs.push(kubeSim.configPath);
    googleCredentials = kubeSim.containerApiKeyFile;
    console.log(
      `  kubeconfigs and generated config in ${path.join(
        stateDir,
        'kube-sim',
      )}`,
    );
    // The accelerator charts need a Prometheus scraping the DCGM endpoints;
    // installed like the test command does (PROMETHEUS_BIN names your own).
    if (!process.env.PROMETHEUS_BIN) {
      const apt = ensureDebianPackages(['prometheus'], {
        log: line => console.log(`  ${line}`),
      });
      if (!apt.ok) console.log(`  ${apt.note}`);
    }
    const prometheus = await stack.startDemoPrometheus({
      kubeSimConfigPath: kubeSim.configPath,
      dir: path.join(stateDir, 'prometheus'),
      logFile: path.join(stateDir, 'prometheus.log'),
    });
    if (prometheus) {
      children.push(prometheus.child);
      configs.push(prometheus.configPath);
      console.log(
        `  Prometheus scraping the DCGM endpoints: ${prometheus.url}`,
      );
    } else {
      console.log(
        '  No prometheus binary: the accelerator charts stay empty (inventory only).',
      );
    }
  }
  configs.push(...extraConfigs);
  console.log('Starting the backend on http://localhost:7007 ...');
  const backend = await stack.startBackend({
    port: 7007,
    configs,
    logFile: path.join(stateDir, 'backend.log'),
    // The simulated Container API's service account is the backend's Google
    // identity: the template's gke-api delivery and the checks of the
    // clusters it creates use it.
    // Its project is named so Google's libraries never look it up online.
    env: googleCredentials
      ? {
          GOOGLE_APPLICATION_CREDENTIALS: googleCredentials,
          GOOGLE_CLOUD_PROJECT: stack.CONTAINER_API_PROJECT,
        }
      : undefined,
  });
  children.push(backend.child);
  console.log(
    `  ready in ${(backend.readyMs / 1000).toFixed(
      0,
    )}s (log: .demo/backend.log)`,
  );
  console.log('Starting the app on http://localhost:3000 ...');
  const app = await stack.startAppDevServer({
    configs,
    logFile: path.join(stateDir, 'app.log'),
  });
  children.push(app.child);
  console.log(
    '\nThe portal is ready: http://localhost:3000 (sign in as guest). Ctrl-C stops it.',
  );
} catch (error) {
  console.error(`\n${error.message}`);
  await stopAll(1);
}
