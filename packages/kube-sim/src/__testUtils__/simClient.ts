import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim, SimCluster, WorkloadRuntimeSpec } from '../types';
import { kubeConfigFor, rawRequest } from './kubeConfigFor';

/**
 * Two clusters of one scenario, `healthy` and `broken` (with the `broken` switches), both with
 * namespace `namespace` and the shared `workloads` settings (short delays).
 */
export async function startHealthyAndBroken(
  scenario: string,
  broken: WorkloadRuntimeSpec,
  workloads: WorkloadRuntimeSpec,
  namespace: string,
): Promise<KubeSim> {
  const sim = await startKubeSim({
    clusters: [
      { name: 'healthy', scenario },
      { name: 'broken', scenario, workloads: broken },
    ],
    metrics: false,
    workloads,
  });
  for (const c of sim.clusters) await simClient(c).namespace(namespace);
  return sim;
}

/** A small JSON client of one simulated cluster, for tests. */
export function simClient(cluster: SimCluster) {
  const kc = kubeConfigFor(cluster);
  const parse = (text: string): any => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const request = async (method: string, path: string, body?: unknown) => {
    const r = await rawRequest(kc, path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: r.body, json: parse(r.body) };
  };
  const client = {
    get: (path: string) => request('GET', path),
    post: (path: string, body: unknown) => request('POST', path, body),
    put: (path: string, body: unknown) => request('PUT', path, body),
    del: (path: string) => request('DELETE', path),
    /**
     * Polls `path` until `until` holds for its JSON (or throws after
     * `timeoutMs`). Simulated controllers act within a second alone; the
     * budget is for a full test run sharing two cores with every suite.
     */
    async waitFor(
      path: string,
      until: (json: any, status: number) => boolean,
      timeoutMs = 20_000,
    ): Promise<any> {
      const end = Date.now() + timeoutMs;
      let last: { status: number; json: any } | undefined;
      while (Date.now() < end) {
        last = await request('GET', path);
        if (until(last.json, last.status)) return last.json;
        await new Promise(r => setTimeout(r, 25));
      }
      throw new Error(
        `timed out waiting on ${path}; last answer ${
          last?.status
        }: ${JSON.stringify(last?.json).slice(0, 600)}`,
      );
    },
    /** Creates a namespace and returns its name. */
    async namespace(name: string): Promise<string> {
      const r = await request('POST', '/api/v1/namespaces', {
        metadata: { name },
      });
      if (r.status !== 201) throw new Error(`namespace ${name}: ${r.body}`);
      return name;
    },
    /** Events about one object of a namespace. */
    async events(namespace: string, name: string): Promise<any[]> {
      const r = await request(
        'GET',
        `/api/v1/namespaces/${namespace}/events?fieldSelector=involvedObject.name=${name}`,
      );
      return r.json.items;
    },
  };
  return client;
}

/** A pod whose containers run `argv`s, tolerating the GPU taint. */
export function podManifest(
  name: string,
  containers: Array<{
    name: string;
    command: string[];
    gpus?: number;
    claims?: string[];
  }>,
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      restartPolicy: 'Never',
      tolerations: [
        { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      ],
      containers: containers.map(c => ({
        name: c.name,
        image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
        command: c.command,
        resources: {
          ...(c.gpus ? { limits: { 'nvidia.com/gpu': String(c.gpus) } } : {}),
          ...(c.claims ? { claims: c.claims.map(n => ({ name: n })) } : {}),
        },
      })),
      ...extra,
    },
  };
}
