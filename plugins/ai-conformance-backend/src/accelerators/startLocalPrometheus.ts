import { spawn } from 'node:child_process';
import fs from 'node:fs';
import getPort from 'get-port';
import os from 'node:os';
import path from 'node:path';

/** One scrape target: a full metrics URL and extra labels for its series. */
export interface LocalScrapeTarget {
  url: string;
  labels?: Record<string, string>;
}

/** Options of {@link startLocalPrometheus}. */
export interface LocalPrometheusOptions {
  targets: LocalScrapeTarget[];
  /** Default `$PROMETHEUS_BIN` or `/usr/bin/prometheus`. */
  bin?: string;
  /** Default 1 s. */
  scrapeIntervalSeconds?: number;
  /** Default a free port on 127.0.0.1. */
  port?: number;
}

/** A running Prometheus; `stop()` ends it and removes its data. */
export interface LocalPrometheus {
  url: string;
  pid: number;
  /** What Prometheus printed so far (for error messages). */
  log(): string;
  stop(): Promise<void>;
}

/** The Prometheus binary this machine has, if any. */
export function findPrometheusBinary(bin?: string): string | undefined {
  const candidate = bin ?? process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
  return fs.existsSync(candidate) ? candidate : undefined;
}

/**
 * Starts a throw-away Prometheus on 127.0.0.1 that scrapes the given
 * metrics URLs (e.g. kube-sim's DCGM endpoints) into a temporary directory.
 * For tests and the demo. Resolves once the server answers `/-/ready`.
 */
export async function startLocalPrometheus(
  options: LocalPrometheusOptions,
): Promise<LocalPrometheus> {
  const bin = findPrometheusBinary(options.bin);
  if (!bin) {
    throw new Error(
      `Prometheus not found at ${
        options.bin ?? process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus'
      }. Install it (Debian: apt-get install -y prometheus) or set PROMETHEUS_BIN.`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-prom-'));
  const interval = options.scrapeIntervalSeconds ?? 1;
  const staticConfigs = options.targets.map(t => {
    const url = new URL(t.url);
    return {
      targets: [url.host],
      labels: {
        __metrics_path__: url.pathname,
        __scheme__: url.protocol.replace(':', ''),
        ...t.labels,
      },
    };
  });
  fs.writeFileSync(
    path.join(dir, 'prometheus.yml'),
    JSON.stringify({
      global: {
        scrape_interval: `${interval}s`,
        evaluation_interval: `${interval}s`,
      },
      scrape_configs: [
        {
          job_name: 'dcgm',
          scrape_timeout: `${Math.max(500, Math.round(interval * 900))}ms`,
          static_configs: staticConfigs,
        },
      ],
    }),
  );
  const port = options.port ?? (await getPort({ host: '127.0.0.1' }));
  const child = spawn(
    bin,
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', d => (output += d));
  child.stderr!.on('data', d => (output += d));
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(
        `Prometheus exited with ${child.exitCode}: ${output.slice(-500)}`,
      );
    }
    try {
      const res = await fetch(`${url}/-/ready`, {
        signal: AbortSignal.timeout(1000),
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prometheus did not become ready: ${output.slice(-500)}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, log: () => output, stop };
}
