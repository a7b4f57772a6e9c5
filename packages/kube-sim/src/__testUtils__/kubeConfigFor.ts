import https from 'node:https';
import * as k8s from '@kubernetes/client-node';
import type { SimCluster } from '../types';

/** A client-node KubeConfig for one simulated cluster (CA-verified TLS, bearer token). */
export function kubeConfigFor(
  cluster: SimCluster,
  token = cluster.token,
): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.server,
        caData: cluster.caData,
        skipTLSVerify: false,
      },
    ],
    users: [{ name: 'checker', token }],
    contexts: [{ name: cluster.name, cluster: cluster.name, user: 'checker' }],
    currentContext: cluster.name,
  });
  return kc;
}

/** A raw HTTPS request through the KubeConfig's TLS and auth settings. */
export async function rawRequest(
  kc: k8s.KubeConfig,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    anonymous?: boolean;
  } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const server = kc.getCurrentCluster()!.server;
  const url = new URL(server + path);
  const options: https.RequestOptions = {
    method: init.method ?? 'GET',
    hostname: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    headers: { ...init.headers },
  };
  await kc.applyToHTTPSOptions(options);
  if (init.anonymous) {
    const headers = options.headers as Record<string, unknown>;
    for (const name of Object.keys(headers))
      if (name.toLowerCase() === 'authorization') delete headers[name];
  }
  return new Promise((resolve, reject) => {
    const req = https.request(options, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}
