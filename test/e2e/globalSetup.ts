import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writePortConfig } from './ai-conformance-support';
// Shared with the demo command and the benchmarks (plain CommonJS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stack = require('../support/stack.cjs');

const root = path.resolve(__dirname, '../..');
const stateDir = path.join(root, '.test-results');

/**
 * Starts kube-sim and a backend serving the built app on E2E_PORT (default
 * 7007); returns teardown.
 */
export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) {
    return async () => {};
  }
  mkdirSync(stateDir, { recursive: true });
  const port = Number(process.env.E2E_PORT ?? 7007);
  const configs = ['test/e2e/app-config.e2e.yaml'];
  if (port !== 7007) configs.push(writePortConfig('e2e-port', port));
  let kubeSim:
    | { child: unknown; configPath: string; containerApiKeyFile: string }
    | undefined;
  let prometheus: { child: unknown; configPath: string } | undefined;
  if (stack.kubeSimAvailable()) {
    kubeSim = await stack.startKubeSimDemo({
      dir: path.join(stateDir, 'kube-sim'),
      logFile: path.join(stateDir, 'e2e-kube-sim.log'),
    });
    configs.push(kubeSim!.configPath);
    prometheus = await stack.startDemoPrometheus({
      kubeSimConfigPath: kubeSim!.configPath,
      dir: path.join(stateDir, 'prometheus'),
      logFile: path.join(stateDir, 'e2e-prometheus.log'),
    });
    if (prometheus) configs.push(prometheus.configPath);
  }
  const backend = await stack.startBackend({
    port,
    configs,
    logFile: path.join(stateDir, 'e2e-backend.log'),
    // The Container API double's service account (the gke-api delivery).
    env: kubeSim
      ? {
          GOOGLE_APPLICATION_CREDENTIALS: kubeSim.containerApiKeyFile,
          GOOGLE_CLOUD_PROJECT: stack.CONTAINER_API_PROJECT,
        }
      : undefined,
  });
  writeFileSync(
    path.join(stateDir, 'e2e-stack.json'),
    JSON.stringify({ configs, baseUrl: backend.baseUrl }, null, 2),
  );
  return async () => {
    await stack.stopProcess(backend.child);
    if (prometheus) await stack.stopProcess(prometheus.child);
    if (kubeSim) await stack.stopProcess(kubeSim.child);
  };
}
