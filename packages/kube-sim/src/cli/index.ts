import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { listScenarios, loadScenario } from '../scenario/loadScenario';
import { kubeconfigYaml } from '../server/writeKubeconfigs';
import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { DEMO_CLUSTERS, demoAppConfig } from './demoClusters';
import {
  startContainerApiSim,
  type ContainerApiSim,
} from '../gcp/startContainerApiSim';

function int(value: string): number {
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n < 0 || String(n) !== value.trim())
    throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function stopOnSignals(sim: KubeSim, containerApi?: ContainerApiSim) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`kube-sim: ${signal}, stopping\n`);
    Promise.resolve(containerApi?.stop())
      .then(() => sim.stop())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function defaultDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-'));
}

/** Runs the `kube-sim` command line. */
export async function runCli(argv: string[]): Promise<void> {
  const program = new Command('kube-sim').description(
    'A Kubernetes API server double with AI-platform scenarios',
  );

  program
    .command('list')
    .description('List the bundled scenarios and the platform corpus')
    .action(() => {
      for (const name of [...listScenarios(), ...listScenarios('platforms')]) {
        const s = loadScenario(name);
        process.stdout.write(
          `${name.padEnd(46)} ${s.version.gitVersion.padEnd(22)} ${
            s.description ?? ''
          }\n`,
        );
      }
    });

  program
    .command('serve')
    .description('Serve one virtual cluster')
    .requiredOption(
      '--scenario <name|file>',
      'bundled scenario name or scenario file',
    )
    .option('--name <name>', 'cluster name (default: the scenario name)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'HTTPS port (0 = random)', int, 0)
    .option('--metrics-port <n>', 'DCGM metrics port (0 = random)', int, 0)
    .option('--kubeconfig <file>', 'where to write the kubeconfig')
    .action(
      async (opts: {
        scenario: string;
        name?: string;
        host: string;
        port: number;
        metricsPort: number;
        kubeconfig?: string;
      }) => {
        const scenario = loadScenario(opts.scenario);
        const name = opts.name ?? scenario.name.replace(/[^a-z0-9.-]/g, '-');
        const sim = await startKubeSim({
          clusters: [{ name, scenario }],
          host: opts.host,
          port: opts.port,
          metricsPort: opts.metricsPort,
        });
        const cluster = sim.clusters[0];
        const file = path.resolve(
          opts.kubeconfig ?? path.join(defaultDir(), `${name}.kubeconfig`),
        );
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, kubeconfigYaml([cluster]), { mode: 0o600 });
        stopOnSignals(sim);
        process.stdout.write(
          [
            `kube-sim ready: 1 cluster`,
            `  cluster:    ${name} (scenario ${scenario.name}, ${scenario.version.gitVersion})`,
            `  server:     ${cluster.server}`,
            `  kubeconfig: ${file}`,
            ...(sim.metricsUrl
              ? [
                  `  metrics:    ${cluster.metricsTargets.length} DCGM endpoint(s) under ${sim.metricsUrl}/clusters/${name}/nodes/`,
                ]
              : []),
            `  try:        kubectl --kubeconfig ${file} get nodes`,
            '',
          ].join('\n'),
        );
      },
    );

  program
    .command('fleet')
    .description('Serve many virtual clusters from one process')
    .requiredOption('--count <n>', 'number of clusters', int)
    .option(
      '--scenarios <list>',
      'comma-separated scenarios, used in turn',
      DEMO_CLUSTERS.map(c => c.scenario).join(','),
    )
    .option('--kubeconfig-dir <dir>', 'where to write the kubeconfigs')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'HTTPS port (0 = random)', int, 0)
    .action(
      async (opts: {
        count: number;
        scenarios: string;
        kubeconfigDir?: string;
        host: string;
        port: number;
      }) => {
        const scenarios = opts.scenarios
          .split(',')
          .map(s => s.trim())
          .filter(Boolean);
        if (!opts.count || !scenarios.length)
          throw new InvalidArgumentError(
            '--count must be at least 1 and --scenarios must name a scenario',
          );
        const started = Date.now();
        const dir = path.resolve(opts.kubeconfigDir ?? defaultDir());
        const loaded = new Map(scenarios.map(s => [s, loadScenario(s)]));
        const clusters = Array.from({ length: opts.count }, (_, i) => {
          const scenario = loaded.get(scenarios[i % scenarios.length])!;
          return { name: `${scenario.name}-${i}`, scenario };
        });
        const sim = await startKubeSim({
          clusters,
          host: opts.host,
          port: opts.port,
          kubeconfigDir: dir,
        });
        stopOnSignals(sim);
        process.stdout.write(
          [
            `kube-sim ready: ${sim.clusters.length} clusters in ${
              Date.now() - started
            } ms`,
            `  server:      ${sim.url}/clusters/<name>`,
            `  kubeconfigs: ${dir}/<name>.kubeconfig`,
            `  combined:    ${sim.kubeconfigPath} (one context per cluster)`,
            '',
          ].join('\n'),
        );
      },
    );

  program
    .command('demo')
    .description(
      'Serve the six demo clusters and write app-config.kube-sim.yaml for the portal',
    )
    .option(
      '--dir <dir>',
      'where to write app-config.kube-sim.yaml and the kubeconfigs',
    )
    .option('--kubeconfig-dir <dir>', 'same as --dir')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'HTTPS port (0 = random)', int, 0)
    .option('--metrics-port <n>', 'DCGM metrics port (0 = random)', int, 0)
    .option(
      '--container-api-port <n>',
      'also serve the GKE Container API double on this HTTP port (0 = random); clusters created there join this kube-sim',
      int,
    )
    .option(
      '--container-api-create-ms <n>',
      'how long a cluster creation runs in the Container API double',
      int,
      8000,
    )
    .action(
      async (opts: {
        dir?: string;
        kubeconfigDir?: string;
        host: string;
        port: number;
        metricsPort: number;
        containerApiPort?: number;
        containerApiCreateMs: number;
      }) => {
        const dir = path.resolve(
          opts.dir ?? opts.kubeconfigDir ?? defaultDir(),
        );
        const sim = await startKubeSim({
          clusters: DEMO_CLUSTERS,
          host: opts.host,
          port: opts.port,
          metricsPort: opts.metricsPort,
          kubeconfigDir: dir,
        });
        const containerApi =
          opts.containerApiPort === undefined
            ? undefined
            : await startContainerApiSim({
                kubeSim: sim,
                host: opts.host,
                port: opts.containerApiPort,
                keyFile: path.join(dir, 'container-api-service-account.json'),
                credentialsFile: path.join(
                  dir,
                  'container-api-credentials.json',
                ),
                delays: { createMs: opts.containerApiCreateMs },
              });
        const configFile = path.join(dir, 'app-config.kube-sim.yaml');
        // the external_account credentials: Google's libraries get access tokens from the
        // double with them (a service-account key would ask Google's token endpoint)
        const gke = containerApi && {
          url: containerApi.url,
          keyFile: containerApi.credentialsFile,
        };
        fs.writeFileSync(configFile, demoAppConfig(sim, gke), {
          mode: 0o600,
        });
        stopOnSignals(sim, containerApi);
        process.stdout.write(
          [
            `kube-sim ready: ${sim.clusters.length} clusters`,
            ...sim.clusters.map(
              c =>
                `  ${c.name.padEnd(18)} ${c.scenario.padEnd(22)} ${c.server}`,
            ),
            ...(containerApi
              ? [
                  `  Container API: ${containerApi.url} (credentials ${containerApi.credentialsFile}, service-account key ${containerApi.keyFile})`,
                ]
              : []),
            `  app-config:  ${configFile}`,
            `  kubeconfig:  ${sim.kubeconfigPath}`,
            '',
          ].join('\n'),
        );
      },
    );

  await program.parseAsync(argv);
}
