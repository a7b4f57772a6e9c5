import {
  RequestFailure,
  type KubeRequest,
  type KubeResponse,
} from '../../cluster/KubeApiClient';
import type { ActiveObject } from '../KubeOps';
import type { ActiveClient } from '../types';

type Key = {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  sub?: string;
};

function parse(path: string): Key | undefined {
  let m =
    /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?(?:\/([a-z]+))?$/.exec(
      path,
    );
  if (m) {
    // /api/v1/namespaces/x is the namespace x
    if (!m[2] && !m[1]) return undefined;
    return {
      group: '',
      version: 'v1',
      namespace: m[1],
      resource: m[2],
      name: m[3],
      sub: m[4],
    };
  }
  m =
    /^\/apis\/([^/]+)\/([^/]+)\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?$/.exec(
      path,
    );
  if (m)
    return {
      group: m[1],
      version: m[2],
      namespace: m[3],
      resource: m[4],
      name: m[5],
    };
  return undefined;
}

function matches(
  selector: string | undefined,
  labels: Record<string, string> = {},
): boolean {
  if (!selector) return true;
  return selector.split(',').every(part => {
    const [k, v] = part.split('=');
    return v === undefined ? k in labels : labels[k] === v;
  });
}

/**
 * An in-memory API for unit tests of the active checks: create, get, list
 * (label and spec.nodeName selectors), delete (a namespace takes its
 * objects), pod logs, discovery, SelfSubjectAccessReview, and a `tick`
 * hook that plays the cluster's controllers before every request.
 */
export class FakeCluster implements ActiveClient {
  readonly objects = new Map<string, ActiveObject & { __key: Key }>();
  readonly log: Array<{ method: string; path: string }> = [];
  /** Served groups: group → preferred version and resources. */
  groups: Record<string, { version: string; resources: string[] }> = {};
  /** Logs per `ns/pod/container`. */
  logs = new Map<string, string>();
  allow: (attrs: Record<string, string>) => boolean = () => true;
  /** Answer to a create, when it should not be stored (e.g. a webhook denial). */
  admit: (
    obj: ActiveObject,
  ) => { status: number; message: string } | undefined = () => undefined;
  tick: (cluster: FakeCluster) => void = () => {};
  /** Delay every request (to reach deadlines). */
  latencyMs = 0;

  private keyOf(k: Key): string {
    return `${k.group}|${k.resource}|${k.namespace ?? ''}|${k.name ?? ''}`;
  }

  add(apiPath: string, obj: ActiveObject): void {
    const k = parse(apiPath)!;
    const key = {
      ...k,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace ?? k.namespace,
    };
    this.objects.set(this.keyOf(key), { ...obj, __key: key });
  }

  list(resource: string, namespace?: string): ActiveObject[] {
    return [...this.objects.values()].filter(
      o =>
        o.__key.resource === resource &&
        (namespace === undefined || o.__key.namespace === namespace),
    );
  }

  find(resource: string, name: string): ActiveObject | undefined {
    return [...this.objects.values()].find(
      o => o.__key.resource === resource && o.metadata.name === name,
    );
  }

  writes(): Array<{ method: string; path: string }> {
    return this.log.filter(
      r => r.method !== 'GET' && !r.path.endsWith('/selfsubjectaccessreviews'),
    );
  }

  async request(req: KubeRequest): Promise<KubeResponse> {
    if (req.signal?.aborted) {
      throw new RequestFailure('aborted', 'request aborted');
    }
    if (this.latencyMs) await new Promise(r => setTimeout(r, this.latencyMs));
    const method = req.method ?? 'GET';
    this.log.push({ method, path: req.path });
    this.tick(this);
    const json = (status: number, body: unknown): KubeResponse => ({
      status,
      contentType: 'application/json',
      body: JSON.stringify(body),
    });
    const status = (code: number, message: string) =>
      json(code, { kind: 'Status', status: 'Failure', code, message });

    if (req.path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
      const attrs = (req.body as any).spec.resourceAttributes;
      return json(201, { status: { allowed: this.allow(attrs) } });
    }
    const g = /^\/apis\/([^/]+)(?:\/([^/]+))?$/.exec(req.path);
    if (g && method === 'GET') {
      const served = this.groups[g[1]];
      if (!served || (g[2] && g[2] !== served.version))
        return status(404, 'the server could not find the requested resource');
      return g[2]
        ? json(200, { resources: served.resources.map(name => ({ name })) })
        : json(200, {
            name: g[1],
            preferredVersion: { version: served.version },
          });
    }
    const k = parse(req.path);
    if (!k) return status(404, `no route ${req.path}`);
    if (k.sub === 'log') {
      const pod = this.objects.get(
        this.keyOf({ ...k, resource: 'pods', sub: undefined }),
      );
      if (!pod) return status(404, `pods "${k.name}" not found`);
      const text = this.logs.get(
        `${k.namespace}/${k.name}/${req.query?.container}`,
      );
      if (text === undefined)
        return status(
          400,
          `container "${req.query?.container}" in pod "${k.name}" is waiting to start: ContainerCreating`,
        );
      return { status: 200, contentType: 'text/plain', body: text };
    }
    if (method === 'POST') {
      const obj = req.body as ActiveObject;
      const denial = this.admit(obj);
      if (denial) return status(denial.status, denial.message);
      const key = { ...k, name: obj.metadata.name };
      if (
        k.namespace &&
        k.resource !== 'namespaces' &&
        !this.objects.has(
          this.keyOf({
            group: '',
            version: 'v1',
            resource: 'namespaces',
            name: k.namespace,
          }),
        )
      ) {
        return status(404, `namespaces "${k.namespace}" not found`);
      }
      if (this.objects.has(this.keyOf(key)))
        return status(
          409,
          `${k.resource} "${obj.metadata.name}" already exists`,
        );
      const stored = {
        ...structuredClone(obj),
        metadata: {
          ...obj.metadata,
          creationTimestamp: new Date().toISOString(),
        },
        __key: key,
      };
      this.objects.set(this.keyOf(key), stored);
      return json(201, stored);
    }
    if (method === 'DELETE') {
      const key = this.keyOf(k);
      if (!this.objects.has(key))
        return status(404, `${k.resource} "${k.name}" not found`);
      this.objects.delete(key);
      if (k.resource === 'namespaces') {
        for (const [ok, o] of this.objects)
          if (o.__key.namespace === k.name) this.objects.delete(ok);
      }
      return json(200, { kind: 'Status', status: 'Success' });
    }
    if (k.name) {
      const o = this.objects.get(this.keyOf(k));
      if (!o) return status(404, `${k.resource} "${k.name}" not found`);
      const { __key: _key, ...rest } = o;
      return json(200, rest);
    }
    const onNode = /^spec\.nodeName=(.*)$/.exec(
      req.query?.fieldSelector ?? '',
    )?.[1];
    const items = [...this.objects.values()]
      .filter(
        o =>
          o.__key.group === k.group &&
          o.__key.resource === k.resource &&
          (k.namespace === undefined || o.__key.namespace === k.namespace) &&
          matches(req.query?.labelSelector, o.metadata.labels) &&
          (onNode === undefined || o.spec?.nodeName === onNode),
      )
      .map(({ __key, ...rest }) => rest);
    return json(200, { items });
  }
}

/** A Ready node. */
export function node(
  name: string,
  labels: Record<string, string> = {},
  allocatable: Record<string, string> = {},
): ActiveObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: {},
    status: {
      allocatable: { cpu: '8', memory: '32Gi', ...allocatable },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

/** Finishes every pending pod: bound to `nodeOf(pod)`, containers ended with `exit(pod, container)`. */
export function finishPods(
  cluster: FakeCluster,
  behaviour: (
    pod: ActiveObject,
    container: string,
  ) => { log: string; exitCode: number },
  nodeOf: (pod: ActiveObject) => string = pod =>
    pod.spec.nodeSelector?.['kubernetes.io/hostname'] ?? 'node-a',
): void {
  for (const pod of cluster.list('pods')) {
    if (pod.status?.phase) continue;
    pod.spec.nodeName = nodeOf(pod);
    const statuses = pod.spec.containers.map((c: any) => {
      const { log, exitCode } = behaviour(pod, c.name);
      cluster.logs.set(
        `${pod.metadata.namespace}/${pod.metadata.name}/${c.name}`,
        log,
      );
      return {
        name: c.name,
        state: {
          terminated: { exitCode, reason: exitCode ? 'Error' : 'Completed' },
        },
      };
    });
    pod.status = {
      phase: statuses.every((s: any) => s.state.terminated.exitCode === 0)
        ? 'Succeeded'
        : 'Failed',
      containerStatuses: statuses,
    };
  }
}

/** The status of a pod the scheduler could not place. */
export function unschedulable(message: string) {
  return {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
      },
    ],
  };
}
