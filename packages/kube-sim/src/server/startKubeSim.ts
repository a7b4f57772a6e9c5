import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import type {
  KubeSim,
  KubeSimOptions,
  Scenario,
  SimClusterOptions,
} from '../types';
import { statusBody } from '../api/StatusError';
import { EXPIRED_MESSAGE } from '../api/continueToken';
import { loadScenario, prepareScenario } from '../scenario/loadScenario';
import { ScenarioModel } from '../scenario/ScenarioModel';
import type { GeneratedNode } from '../scenario/generateNodes';
import { applyBodyFaults, headersFor } from './applyBodyFaults';
import { renderDcgmMetrics } from './renderDcgmMetrics';
import { echoedRequest, streamOversizedBody } from './streamFaults';
import { writeKubeconfigs } from './writeKubeconfigs';
import { generateTlsMaterial } from './generateTlsMaterial';
import { VirtualCluster } from './VirtualCluster';
import { readBody } from './readBody';
import { WorkloadAvailabilityController } from './controllers/WorkloadAvailabilityController';
import { NvidiaDraDriverController } from './controllers/NvidiaDraDriverController';
import { CrdCleanupController } from './controllers/CrdCleanupController';

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz']);
const MAX_BODY = 8 * 1024 * 1024;

const FAULT_MESSAGES: Record<number, [string, string]> = {
  401: ['Unauthorized', 'Unauthorized'],
  403: ['Forbidden', 'forbidden: the request is not allowed'],
  406: [
    'NotAcceptable',
    'only the following media types are accepted: application/json',
  ],
  410: ['Expired', EXPIRED_MESSAGE],
  429: ['TooManyRequests', 'Too many requests, please try again later.'],
  500: [
    'InternalError',
    'Internal error occurred: the server has encountered an unexpected error',
  ],
  502: ['InternalError', 'Internal error occurred: bad gateway'],
  503: [
    'ServiceUnavailable',
    'the server is currently unable to handle the request',
  ],
  504: [
    'Timeout',
    'Timeout: request did not complete within the allotted timeout',
  ],
};

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function modelFor(
  cache: Map<unknown, ScenarioModel>,
  scenario: string | Scenario,
): ScenarioModel {
  let model = cache.get(scenario);
  if (!model) {
    model = new ScenarioModel(
      typeof scenario === 'string'
        ? loadScenario(scenario)
        : prepareScenario(structuredClone(scenario)),
    );
    cache.set(scenario, model);
  }
  return model;
}

function checkName(name: string, names: Set<string>) {
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name))
    throw new Error(`Invalid cluster name "${name}"`);
  if (names.has(name)) throw new Error(`Duplicate cluster name "${name}"`);
}

/** Starts one HTTPS server serving every virtual cluster under `/clusters/<name>`, plus the DCGM metrics server. */
export async function startKubeSim(options: KubeSimOptions): Promise<KubeSim> {
  const host = options.host ?? '127.0.0.1';
  if (!options.clusters.length)
    throw new Error('startKubeSim needs at least one cluster');
  const names = new Set<string>();
  for (const c of options.clusters) {
    checkName(c.name, names);
    names.add(c.name);
  }
  const models = new Map<unknown, ScenarioModel>();
  const prepared = options.clusters.map(c => ({
    ...c,
    model: modelFor(models, c.scenario),
  }));

  const tls = generateTlsMaterial([host]);
  const caData = Buffer.from(tls.caCert).toString('base64');
  const clusters = new Map<string, VirtualCluster>();
  const tokens = new Set<string>();
  const held = new Set<http.ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const sleep = (ms: number) =>
    new Promise<void>(resolve => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    contentType = 'application/json',
    extra: Record<string, string> = {},
  ) => {
    if (res.destroyed || res.writableEnded) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': contentType,
      'cache-control': 'no-cache, private',
      'content-length': Buffer.byteLength(text),
      ...extra,
    });
    res.end(text);
  };

  const server = https.createServer(
    { key: tls.serverKey, cert: tls.serverCert, keepAlive: true },
    (req, res) => {
      handle(req, res).catch(e =>
        send(
          res,
          500,
          statusBody(500, `Internal error occurred: ${(e as Error).message}`),
        ),
      );
    },
  );

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const started = performance.now();
    const at = new Date().toISOString();
    const url = new URL(req.url ?? '/', 'https://kube-sim.local');
    const match = /^\/clusters\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const cluster = match
      ? clusters.get(decodeURIComponent(match[1]))
      : undefined;
    if (!match || !cluster) {
      send(
        res,
        404,
        statusBody(
          404,
          'the server could not find the requested resource',
          'NotFound',
          {},
        ),
      );
      return;
    }
    cluster.countRequest();
    const path = match[2] ?? '/';
    let status = 0;
    res.once('close', () =>
      cluster.record({
        method: req.method ?? 'GET',
        path,
        query: url.search.replace(/^\?/, ''),
        accept: String(req.headers.accept ?? ''),
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        at,
      }),
    );
    const reply = (
      code: number,
      body: unknown,
      contentType?: string,
      extra?: Record<string, string>,
    ) => {
      status = code;
      send(res, code, body, contentType, extra);
    };

    if (!PUBLIC_PATHS.has(path)) {
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      if (token !== cluster.token && !(token && cluster.acceptToken?.(token))) {
        reply(401, statusBody(401, 'Unauthorized', 'Unauthorized'));
        return;
      }
    }
    const body = await readBody(req, MAX_BODY);
    const decision = cluster.faults.decide(path, {
      query: url.search.replace(/^\?/, ''),
      accept: String(req.headers.accept ?? ''),
    });
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (stopped || res.destroyed) return;
    const action = decision.action;
    if (action === 'reset') {
      req.socket.destroy();
      return;
    }
    if (action === 'hang') {
      held.add(res);
      res.once('close', () => held.delete(res));
      return;
    }
    if (action && typeof action === 'object') {
      const [reason, message] = FAULT_MESSAGES[action.status] ?? [
        'InternalError',
        'Internal error occurred: injected fault',
      ];
      reply(
        action.status,
        statusBody(
          action.status,
          message,
          reason,
          action.status === 429 ? { retryAfterSeconds: 1 } : undefined,
        ),
      );
      return;
    }
    if (decision.echoRequest !== undefined) {
      reply(
        decision.echoRequest,
        echoedRequest(req),
        'text/plain; charset=utf-8',
      );
      return;
    }
    if (decision.oversizedBody !== undefined) {
      status = 200;
      held.add(res);
      await streamOversizedBody(res, decision.oversizedBody);
      held.delete(res);
      return;
    }
    const response = applyBodyFaults(
      cluster.handler.handle({
        method: req.method ?? 'GET',
        path,
        query: url.searchParams,
        headers: headersFor(req.headers, decision),
        body,
      }),
      decision,
    );
    if (response.holdMs !== undefined) {
      status = response.status;
      res.writeHead(response.status, {
        'content-type': response.contentType ?? 'application/json',
        'transfer-encoding': 'chunked',
      });
      held.add(res);
      res.once('close', () => held.delete(res));
      await sleep(response.holdMs);
      if (!res.destroyed) res.end();
      return;
    }
    if (action === 'malformed') {
      const text =
        typeof response.body === 'string'
          ? response.body
          : JSON.stringify(response.body);
      reply(
        200,
        text.slice(0, Math.max(1, Math.floor(text.length / 2))),
        'application/json',
      );
      return;
    }
    reply(
      response.status,
      response.body,
      response.contentType,
      response.headers,
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://${hostForUrl(host)}:${port}`;

  let metricsServer: http.Server | undefined;
  let metricsUrl: string | undefined;
  if (options.metrics !== false) {
    metricsServer = http.createServer((req, res) => {
      const m = /^\/clusters\/([^/]+)\/nodes\/([^/]+)\/metrics$/.exec(
        (req.url ?? '').split('?')[0],
      );
      const cluster = m ? clusters.get(decodeURIComponent(m[1])) : undefined;
      const node: GeneratedNode | undefined = cluster?.model.nodes.find(
        n => n.name === decodeURIComponent(m![2]) && n.gpus > 0,
      );
      if (!node) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('404 page not found\n');
        return;
      }
      const text = renderDcgmMetrics(node, Date.now());
      res.writeHead(200, {
        'content-type': 'text/plain; version=0.0.4; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    });
    await new Promise<void>((resolve, reject) => {
      metricsServer!.once('error', reject);
      metricsServer!.listen(options.metricsPort ?? 0, host, () => resolve());
    });
    metricsUrl = `http://${hostForUrl(host)}:${
      (metricsServer.address() as AddressInfo).port
    }`;
  }

  const register = (
    c: SimClusterOptions & { model: ScenarioModel },
  ): VirtualCluster => {
    let token = c.token ?? `ksim.${randomBytes(24).toString('base64url')}`;
    if (tokens.has(token))
      throw new Error(`Cluster "${c.name}" reuses another cluster's token`);
    tokens.add(token);
    const cluster = new VirtualCluster(
      c.name,
      c.model,
      token,
      `${url}/clusters/${c.name}`,
      caData,
      c.faults,
      c.workloads || options.workloads
        ? { ...options.workloads, ...c.workloads }
        : undefined,
    );
    cluster.acceptToken = c.acceptToken;
    cluster.addController(
      new WorkloadAvailabilityController(c.workloadDelayMs),
    );
    cluster.addController(new NvidiaDraDriverController());
    cluster.addController(new CrdCleanupController());
    if (metricsUrl) {
      cluster.metricsTargets = c.model.nodes
        .filter(n => n.gpus > 0)
        .map(n => `${metricsUrl}/clusters/${c.name}/nodes/${n.name}/metrics`);
    }
    clusters.set(c.name, cluster);
    token = '';
    return cluster;
  };
  for (const c of prepared) register(c);

  let kubeconfigPath: string | undefined;
  const writeConfigs = () => {
    if (!options.kubeconfigDir) return;
    const written = writeKubeconfigs(options.kubeconfigDir, [
      ...clusters.values(),
    ]);
    kubeconfigPath = written.combined;
    for (const c of clusters.values())
      c.kubeconfigPath = written.perCluster.get(c.name);
  };
  writeConfigs();

  return {
    url,
    caData,
    metricsUrl,
    get kubeconfigPath() {
      return kubeconfigPath;
    },
    get clusters() {
      return [...clusters.values()];
    },
    addCluster(c: SimClusterOptions) {
      if (stopped) throw new Error('kube-sim is stopped');
      checkName(c.name, names);
      const cluster = register({ ...c, model: modelFor(models, c.scenario) });
      names.add(c.name);
      writeConfigs();
      return cluster;
    },
    removeCluster(name: string) {
      const cluster = clusters.get(name);
      if (!cluster) return false;
      cluster.stop();
      clusters.delete(name);
      names.delete(name);
      tokens.delete(cluster.token);
      if (options.kubeconfigDir && cluster.kubeconfigPath)
        fs.rmSync(cluster.kubeconfigPath, { force: true });
      writeConfigs();
      return true;
    },
    cluster(name: string) {
      const c = clusters.get(name);
      if (!c)
        throw new Error(
          `Unknown kube-sim cluster "${name}"; clusters: ${[...clusters.keys()]
            .slice(0, 20)
            .join(', ')}`,
        );
      return c;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clusters.forEach(c => c.stop());
      timers.forEach(t => clearTimeout(t));
      timers.clear();
      held.forEach(res => res.destroy());
      held.clear();
      const closing = [server, metricsServer]
        .filter((s): s is http.Server => !!s)
        .map(s => new Promise<void>(resolve => s.close(() => resolve())));
      server.closeAllConnections();
      metricsServer?.closeAllConnections();
      await Promise.all(closing);
    },
  };
}

export type { Socket };
