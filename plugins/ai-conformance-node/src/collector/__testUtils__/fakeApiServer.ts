import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A resource the fake server serves. */
export interface FakeResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced?: boolean;
  items?: any[];
  /** Answer every request for this resource with this status. */
  status?: number;
}

export interface FakeApiServerOptions {
  gitVersion?: string;
  resources: FakeResource[];
  /** Serve aggregated discovery (default) or only legacy discovery. */
  aggregated?: boolean;
  /** Group versions whose discovery is stale / answers 503. */
  staleGroupVersions?: string[];
  /** Delay every response by this many ms. */
  latencyMs?: number;
  /** Never answer requests whose path matches. */
  hang?: RegExp;
  /** Fixed status for paths matching, e.g. 401 on /version. */
  statusFor?: Array<{ path: RegExp; status: number }>;
  /** Expire the first continue token once with 410 Gone. */
  expireFirstContinue?: boolean;
  /** Refuse metadata-only lists with 406. */
  refuseMetadata?: boolean;
  /** Answer the first `times` requests matching `path` with `status`. */
  failFirst?: { path: RegExp; status: number; times: number };
  /** POST handler (dry-run probes, access reviews). */
  onPost?(path: string, body: any): { status: number; body: unknown };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string;
  authorization?: string;
}

/** A minimal Kubernetes API server double for collector tests (plain HTTP). */
export async function startFakeApiServer(options: FakeApiServerOptions) {
  const requests: RecordedRequest[] = [];
  let expired = false;
  const sockets = new Set<import('node:net').Socket>();

  const groups = () => {
    const map = new Map<string, Map<string, FakeResource[]>>();
    for (const r of options.resources) {
      const versions = map.get(r.group) ?? new Map();
      versions.set(r.version, [...(versions.get(r.version) ?? []), r]);
      map.set(r.group, versions);
    }
    return map;
  };
  const gvOf = (group: string, version: string) =>
    group ? `${group}/${version}` : version;

  const aggregated = (core: boolean) => ({
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    items: [...groups().entries()]
      .filter(([g]) => (core ? g === '' : g !== ''))
      .map(([g, versions]) => ({
        metadata: { name: g },
        versions: [...versions.entries()].map(([v, rs]) => ({
          version: v,
          freshness: options.staleGroupVersions?.includes(gvOf(g, v))
            ? 'Stale'
            : 'Current',
          resources: rs.map(r => ({
            resource: r.resource,
            responseKind: { group: g, version: v, kind: r.kind },
            scope: r.namespaced ? 'Namespaced' : 'Cluster',
            verbs: ['get', 'list'],
          })),
        })),
      })),
  });

  const handle = (
    req: http.IncomingMessage,
    body: string,
  ): { status: number; body: unknown } => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const accept = String(req.headers.accept ?? '');
    const ff = options.failFirst;
    if (ff && ff.times > 0 && ff.path.test(path)) {
      ff.times--;
      return {
        status: ff.status,
        body: { kind: 'Status', message: `status ${ff.status}` },
      };
    }
    for (const s of options.statusFor ?? []) {
      if (s.path.test(path))
        return {
          status: s.status,
          body: { kind: 'Status', message: `status ${s.status}` },
        };
    }
    if (req.method === 'POST') {
      return (
        options.onPost?.(path, JSON.parse(body || '{}')) ?? {
          status: 405,
          body: {},
        }
      );
    }
    if (path === '/version') {
      const gv = options.gitVersion ?? 'v1.34.1';
      const [, minor] = /^v\d+\.(\d+)/.exec(gv) ?? [];
      return {
        status: 200,
        body: { major: '1', minor, gitVersion: gv, platform: 'linux/amd64' },
      };
    }
    if (path === '/api' || path === '/apis') {
      if (
        options.aggregated !== false &&
        accept.includes('as=APIGroupDiscoveryList')
      ) {
        return { status: 200, body: aggregated(path === '/api') };
      }
      if (path === '/api')
        return { status: 200, body: { kind: 'APIVersions', versions: ['v1'] } };
      return {
        status: 200,
        body: {
          kind: 'APIGroupList',
          groups: [...groups().entries()]
            .filter(([g]) => g !== '')
            .map(([g, versions]) => ({
              name: g,
              versions: [...versions.keys()].map(v => ({
                groupVersion: `${g}/${v}`,
                version: v,
              })),
              preferredVersion: {
                groupVersion: `${g}/${[...versions.keys()][0]}`,
                version: [...versions.keys()][0],
              },
            })),
        },
      };
    }
    const gvMatch = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (gvMatch) {
      const group = gvMatch[1] ? '' : gvMatch[2];
      const version = gvMatch[1] ?? gvMatch[3];
      if (options.staleGroupVersions?.includes(gvOf(group, version))) {
        return {
          status: 503,
          body: { kind: 'Status', message: 'service unavailable' },
        };
      }
      const rs = groups().get(group)?.get(version);
      if (!rs) return { status: 404, body: {} };
      return {
        status: 200,
        body: {
          kind: 'APIResourceList',
          groupVersion: gvOf(group, version),
          resources: rs.flatMap(r => [
            {
              name: r.resource,
              kind: r.kind,
              namespaced: Boolean(r.namespaced),
              verbs: ['get', 'list'],
            },
            {
              name: `${r.resource}/status`,
              kind: r.kind,
              namespaced: Boolean(r.namespaced),
              verbs: ['get'],
            },
          ]),
        },
      };
    }
    const m =
      /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(
        path,
      );
    if (!m)
      return { status: 404, body: { kind: 'Status', message: 'not found' } };
    const group = m[1] ? '' : m[2];
    const version = m[1] ?? m[3];
    const [namespace, resource, name] = [m[4], m[5], m[6]];
    const r = options.resources.find(
      x =>
        x.group === group && x.version === version && x.resource === resource,
    );
    if (!r)
      return { status: 404, body: { kind: 'Status', message: 'not found' } };
    if (options.staleGroupVersions?.includes(gvOf(group, version))) {
      return {
        status: 503,
        body: { kind: 'Status', message: 'service unavailable' },
      };
    }
    if (r.status)
      return {
        status: r.status,
        body: { kind: 'Status', message: `status ${r.status}` },
      };
    let items = (r.items ?? []).filter(
      i => !namespace || i.metadata?.namespace === namespace,
    );
    if (name) {
      const obj = items.find(i => i.metadata?.name === name);
      return obj
        ? { status: 200, body: obj }
        : {
            status: 404,
            body: { kind: 'Status', message: `${name} not found` },
          };
    }
    const selector = url.searchParams.get('labelSelector');
    if (selector) {
      const [k, v] = selector.split('=');
      items = items.filter(i => i.metadata?.labels?.[k] === v);
    }
    const metadataOnly = accept.includes('as=PartialObjectMetadataList');
    if (metadataOnly && options.refuseMetadata)
      return { status: 406, body: {} };
    const limit =
      Number(url.searchParams.get('limit') ?? 0) || items.length || 1;
    const cont = url.searchParams.get('continue');
    if (cont && options.expireFirstContinue && !expired) {
      expired = true;
      return {
        status: 410,
        body: { kind: 'Status', message: 'continue token expired' },
      };
    }
    const start = cont ? Number(cont) : 0;
    const page = items.slice(start, start + limit);
    const next =
      start + limit < items.length ? String(start + limit) : undefined;
    return {
      status: 200,
      body: {
        kind: metadataOnly ? 'PartialObjectMetadataList' : `${r.kind}List`,
        apiVersion: metadataOnly ? 'meta.k8s.io/v1' : gvOf(group, version),
        metadata: next ? { continue: next } : {},
        items: metadataOnly
          ? page.map(i => ({
              kind: 'PartialObjectMetadata',
              apiVersion: 'meta.k8s.io/v1',
              metadata: i.metadata,
            }))
          : page,
      },
    };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        accept: String(req.headers.accept ?? ''),
        authorization: req.headers.authorization,
      });
      if (options.hang?.test(url.pathname)) return;
      const out = handle(req, Buffer.concat(chunks).toString('utf8'));
      setTimeout(() => {
        const aggregatedBody =
          (out.body as { kind?: string } | undefined)?.kind ===
          'APIGroupDiscoveryList';
        res.writeHead(out.status, {
          'Content-Type': aggregatedBody
            ? 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'
            : 'application/json',
        });
        res.end(JSON.stringify(out.body));
      }, options.latencyMs ?? 0);
    });
  });
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
