import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { KubeSim } from '../types';
import { readBody } from '../server/readBody';
import { convertEnums } from './convertEnums';
import {
  CLUSTER_ENUM_FIELDS,
  DEFAULT_SERVER_CONFIG,
  NODE_POOL_ENUM_FIELDS,
  OPERATION_ENUM_FIELDS,
  SERVER_CONFIG_ENUM_FIELDS,
  type EnumName,
  type GkeServerConfig,
} from './gkeFacts';
import type { GkeCluster, GkeNodePool } from './gkeTypes';
import {
  ContainerApiService,
  type OperationDelays,
} from './ContainerApiService';
import {
  ContainerApiFaults,
  type ContainerApiFault,
} from './ContainerApiFaults';
import { GoogleApiError, invalidArgument } from './GoogleApiError';
import {
  ServiceAccountIssuer,
  type ServiceAccountKey,
} from './ServiceAccountIssuer';

const MAX_BODY = 1024 * 1024;
const SEGMENT = '([a-z0-9][-a-z0-9_.]*)';

/** Options of startContainerApiSim. */
export interface ContainerApiSimOptions {
  /** The running kube-sim whose HTTPS server serves the clusters it creates. */
  kubeSim: KubeSim;
  host?: string;
  /** 0 = random (default). */
  port?: number;
  /** The service account's project (default `ai-platform-dev`). */
  projectId?: string;
  /** Projects the service account may use; others answer 403 (default: any). */
  projects?: string[];
  /** Where to write the service-account key (default: a new temporary directory). */
  keyFile?: string;
  /**
   * Where to write `external_account` credentials for the same account (default: beside the key,
   * `external-account.json`, with its subject token in `external-account.token`).
   */
  credentialsFile?: string;
  delays?: OperationDelays;
  /** How long workloads applied to created clusters take to become available (default 1000 ms). */
  workloadDelayMs?: number;
  serverConfig?: GkeServerConfig;
  faults?: ContainerApiFault[];
}

/** One request the double answered. */
export interface ContainerApiRequest {
  method: string;
  path: string;
  status: number;
}

/** A running Container API double. */
export interface ContainerApiSim {
  /** `http://HOST:PORT`: the endpoint (`aiConformance.gke.containerApi.endpoint`). */
  url: string;
  /** The service-account key file clients authenticate with. */
  keyFile: string;
  /** Its content (the private key included: a test credential of the double only). */
  key: ServiceAccountKey;
  /**
   * `external_account` credentials of the same account whose token endpoint is this double: as
   * `GOOGLE_APPLICATION_CREDENTIALS` or a key file, `GoogleAuth.getAccessToken()` gets an access
   * token that the API and the created clusters accept, without reaching Google.
   */
  credentialsFile: string;
  /**
   * Options for `new v1.ClusterManagerClient(...)` of `@google-cloud/container`: the REST
   * transport to this endpoint with the key file.
   */
  clientOptions(): {
    apiEndpoint: string;
    port: number;
    protocol: 'http';
    fallback: true;
    keyFilename: string;
  };
  /**
   * A bearer token of the service account (a self-signed JWT, as Google's client libraries make
   * from the key file), for callers without them.
   */
  accessToken(): string;
  /** Whether a bearer token is one of this double's service account (for virtual clusters too). */
  acceptsToken(token: string): boolean;
  /** Replaces the injected faults. */
  setFaults(faults: ContainerApiFault[]): void;
  requests(): ContainerApiRequest[];
  /** Stops the server, its operations and removes the virtual clusters it created. */
  stop(): Promise<void>;
}

type Route = {
  method: string;
  pattern: RegExp;
  permission: string;
  run: (m: string[], body: Record<string, unknown>) => unknown;
  fields: Record<string, EnumName>;
};

const UNAUTHENTICATED =
  'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const INVALID_CREDENTIALS =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

/**
 * Starts a double of the Google Kubernetes Engine API (Container API v1, REST) on plain HTTP:
 * `getServerConfig`, clusters list/create/get/delete, node pool creation and operations, with
 * operations that go PENDING → RUNNING → DONE, Google's JSON errors, injectable faults and a
 * service account of its own. A cluster whose creation finishes becomes a virtual cluster of
 * `kubeSim`, built from the requested spec, that accepts the service account's tokens.
 */
export async function startContainerApiSim(
  options: ContainerApiSimOptions,
): Promise<ContainerApiSim> {
  const host = options.host ?? '127.0.0.1';
  const projectId = options.projectId ?? 'ai-platform-dev';
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostInUrl}:${port}`;

  const issuer = new ServiceAccountIssuer(projectId, `${url}/token`);
  const keyFile =
    options.keyFile ??
    path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'container-api-sim-')),
      'service-account.json',
    );
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  fs.writeFileSync(keyFile, JSON.stringify(issuer.key, null, 2), {
    mode: 0o600,
  });
  const credentialsFile =
    options.credentialsFile ??
    path.join(path.dirname(keyFile), 'external-account.json');
  const subjectTokenFile = credentialsFile.replace(/(\.json)?$/, '.token');
  fs.mkdirSync(path.dirname(credentialsFile), { recursive: true });
  fs.writeFileSync(subjectTokenFile, issuer.subjectToken, { mode: 0o600 });
  fs.writeFileSync(
    credentialsFile,
    JSON.stringify(issuer.externalAccount(subjectTokenFile), null, 2),
    { mode: 0o600 },
  );
  const accepts = (token: string) => issuer.accepts(token);
  const service = new ContainerApiService(
    options.kubeSim,
    options.serverConfig ?? DEFAULT_SERVER_CONFIG,
    options.delays ?? {},
    accepts,
    options.workloadDelayMs,
  );
  const faults = new ContainerApiFaults(options.faults ?? []);
  const log: ContainerApiRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', s => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });

  const base = `^/v1/projects/${SEGMENT}/locations/${SEGMENT}`;
  const routes: Route[] = [
    {
      method: 'GET',
      pattern: new RegExp(`${base}/serverConfig$`),
      permission: 'container.clusters.list',
      run: () => service.serverConfig(),
      fields: SERVER_CONFIG_ENUM_FIELDS,
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/clusters$`),
      permission: 'container.clusters.list',
      run: ([p, l]) => {
        const list = service.listClusters(p, l);
        return {
          ...list,
          clusters: list.clusters.map(c =>
            convertEnums(c, CLUSTER_ENUM_FIELDS, 'number'),
          ),
        };
      },
      fields: {},
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}/clusters$`),
      permission: 'container.clusters.create',
      run: ([p, l], body) =>
        service.createCluster(
          p,
          l,
          convertEnums(body.cluster as GkeCluster, CLUSTER_ENUM_FIELDS, 'name'),
        ),
      fields: OPERATION_ENUM_FIELDS,
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/clusters/${SEGMENT}$`),
      permission: 'container.clusters.get',
      run: ([p, l, c]) => service.getCluster(p, l, c),
      fields: CLUSTER_ENUM_FIELDS,
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`${base}/clusters/${SEGMENT}$`),
      permission: 'container.clusters.delete',
      run: ([p, l, c]) => service.deleteCluster(p, l, c),
      fields: OPERATION_ENUM_FIELDS,
    },
    {
      method: 'POST',
      pattern: new RegExp(`${base}/clusters/${SEGMENT}/nodePools$`),
      permission: 'container.clusters.update',
      run: ([p, l, c], body) =>
        service.createNodePool(
          p,
          l,
          c,
          convertEnums(
            body.nodePool as GkeNodePool,
            NODE_POOL_ENUM_FIELDS,
            'name',
          ),
        ),
      fields: OPERATION_ENUM_FIELDS,
    },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/operations/${SEGMENT}$`),
      permission: 'container.operations.get',
      run: ([p, l, o]) => service.getOperation(p, l, o),
      fields: OPERATION_ENUM_FIELDS,
    },
  ];

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  const handle = async (
    req: http.IncomingMessage,
    reqUrl: URL,
  ): Promise<[number, unknown]> => {
    const method = req.method ?? 'GET';
    const body = await readBody(
      req,
      MAX_BODY,
      () =>
        new GoogleApiError(
          413,
          'Request payload too large.',
          'INVALID_ARGUMENT',
        ),
    );
    if (reqUrl.pathname === '/token' && method === 'POST') {
      const granted = issuer.exchange(
        new URLSearchParams(body.toString('utf8')),
      );
      return granted
        ? [200, granted]
        : [
            400,
            {
              error: 'invalid_grant',
              error_description: 'Invalid JWT Signature.',
            },
          ];
    }
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!token) throw new GoogleApiError(401, UNAUTHENTICATED);
    if (!issuer.accepts(token))
      throw new GoogleApiError(401, INVALID_CREDENTIALS);

    const match = routes.find(
      r => r.method === method && r.pattern.test(reqUrl.pathname),
    );
    if (!match)
      throw new GoogleApiError(
        404,
        `The requested URL ${reqUrl.pathname} was not found on this server.`,
        'NOT_FOUND',
      );
    const parts = match.pattern.exec(reqUrl.pathname)!.slice(1);
    const project = parts[0];
    const fault = faults.decide(method, reqUrl.pathname);
    if (fault.delayMs) await new Promise(r => setTimeout(r, fault.delayMs));
    if (fault.error) throw fault.error(match.permission, project);
    if (options.projects && !options.projects.includes(project))
      throw new GoogleApiError(
        403,
        `Required "${match.permission}" permission(s) for "projects/${project}".`,
      );
    let parsed: Record<string, unknown> = {};
    if (body.length) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw invalidArgument('Invalid JSON payload received.');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw invalidArgument('Invalid JSON payload received.');
    }
    let result: unknown;
    service.failNextOperation(fault.operationError);
    try {
      result = match.run(parts, parsed);
    } finally {
      service.failNextOperation(undefined);
    }
    const numeric = /enum-encoding=int/.test(
      reqUrl.searchParams.get('$alt') ?? '',
    );
    return [
      200,
      numeric ? convertEnums(result, match.fields, 'number') : result,
    ];
  };

  server.on('request', (req, res) => {
    const reqUrl = new URL(req.url ?? '/', 'http://container-api.local');
    const entry: ContainerApiRequest = {
      method: req.method ?? 'GET',
      path: reqUrl.pathname,
      status: 0,
    };
    handle(req, reqUrl)
      .then(
        ([status, body]) => {
          entry.status = status;
          send(res, status, body);
        },
        e => {
          const error =
            e instanceof GoogleApiError
              ? e
              : new GoogleApiError(500, 'Internal error encountered.');
          entry.status = error.code;
          send(res, error.code, error.body());
        },
      )
      .finally(() => {
        log.push(entry);
        if (log.length > 10_000) log.splice(0, log.length - 10_000);
      });
  });

  let stopped = false;
  return {
    url,
    keyFile,
    key: issuer.key,
    credentialsFile,
    clientOptions: () => ({
      apiEndpoint: host,
      port,
      protocol: 'http',
      fallback: true,
      keyFilename: keyFile,
    }),
    accessToken: () => issuer.selfSignedJwt(),
    acceptsToken: accepts,
    setFaults: f => faults.set(f),
    requests: () => [...log],
    async stop() {
      if (stopped) return;
      stopped = true;
      service.stop();
      const closed = new Promise<void>(resolve =>
        server.close(() => resolve()),
      );
      sockets.forEach(s => s.destroy());
      await closed;
    },
  };
}
