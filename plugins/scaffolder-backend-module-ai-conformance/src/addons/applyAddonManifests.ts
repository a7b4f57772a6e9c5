import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { loadClientNode } from '@ai-conformance/plugin-ai-conformance-node';
import { parseAllDocuments } from 'yaml';

/** The field manager of every object the add-on install applies. */
export const FIELD_MANAGER = 'backstage-ai-conformance';

/**
 * A cluster the backend reaches with a bearer token.
 *
 * @public
 */
export interface KubeTarget {
  server: string;
  /** Base64 PEM of the cluster's CA. */
  caData: string;
  token: string;
}

/**
 * A Kubernetes object of a manifest file.
 *
 * @public
 */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** Apply order: namespaces and CRDs before what lives in or uses them. */
const FIRST = ['Namespace', 'CustomResourceDefinition'];

/** Parses a multi-document manifest file; skips empty documents. */
export function parseManifests(text: string, source: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new InputError(
        `${source} is not valid YAML: ${doc.errors[0].message}`,
      );
    }
    const value = doc.toJSON() as ManifestObject | null;
    if (!value) continue;
    if (!value.apiVersion || !value.kind || !value.metadata?.name) {
      throw new InputError(
        `${source} holds a document without apiVersion, kind or metadata.name`,
      );
    }
    objects.push(value);
  }
  const rank = (o: ManifestObject) =>
    FIRST.includes(o.kind) ? FIRST.indexOf(o.kind) : FIRST.length;
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .map(({ o }) => o);
}

/** A label for logs: Kind namespace/name. */
export function describeObject(o: ManifestObject): string {
  return `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${
    o.metadata.name
  }`;
}

/**
 * What applying and reading objects needs (client-node's object API).
 *
 * @public
 */
export interface ObjectApi {
  apply(object: ManifestObject): Promise<void>;
  read(object: ManifestObject): Promise<Record<string, any>>;
}

/** client-node's KubernetesObjectApi for a target, with server-side apply. */
export async function objectApiFor(target: KubeTarget): Promise<ObjectApi> {
  const k8s = await loadClientNode();
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'target',
        server: target.server,
        caData: target.caData,
        skipTLSVerify: false,
      },
    ],
    users: [{ name: 'backend', token: target.token }],
    contexts: [{ name: 'target', cluster: 'target', user: 'backend' }],
    currentContext: 'target',
  });
  const api = k8s.KubernetesObjectApi.makeApiClient(kc);
  return {
    async apply(object) {
      await api.patch(
        object,
        undefined,
        undefined,
        FIELD_MANAGER,
        true,
        k8s.PatchStrategy.ServerSideApply,
      );
    },
    async read(object) {
      return (await api.read({
        apiVersion: object.apiVersion,
        kind: object.kind,
        metadata: {
          name: object.metadata.name,
          namespace: object.metadata.namespace,
        },
      })) as unknown as Record<string, any>;
    },
  };
}

function failureOf(error: unknown): string {
  const e = error as { code?: number; body?: unknown; message?: string };
  const body =
    typeof e.body === 'string'
      ? e.body
      : (e.body as { message?: string } | undefined)?.message;
  return `${e.code ? `HTTP ${e.code}: ` : ''}${String(
    body ?? e.message ?? error,
  ).slice(0, 300)}`;
}

/** Applies every object with server-side apply (forcing our field manager). */
export async function applyObjects(
  api: ObjectApi,
  objects: ManifestObject[],
  log: (message: string) => void,
): Promise<void> {
  for (const object of objects) {
    try {
      await api.apply(object);
    } catch (error) {
      const status = (error as { code?: number }).code;
      const message = `Could not apply ${describeObject(object)}: ${failureOf(
        error,
      )}`;
      throw status === 401 || status === 403
        ? new ServiceUnavailableError(
            `${message}. The backend's Google identity needs to create cluster-wide objects (roles/container.admin)`,
          )
        : new ServiceUnavailableError(message);
    }
    log(`Applied ${describeObject(object)}`);
  }
}

/** Why a controller is not ready yet, or undefined when it is. */
export function controllerNotReady(
  kind: string,
  live: Record<string, any>,
): string | undefined {
  const status = live.status ?? {};
  const generation = live.metadata?.generation ?? 0;
  if ((status.observedGeneration ?? 0) < generation) {
    return 'its controller has not observed the latest spec';
  }
  if (kind === 'Deployment') {
    const available = (status.conditions ?? []).find(
      (c: { type?: string }) => c.type === 'Available',
    );
    return available?.status === 'True'
      ? undefined
      : `not Available (${available?.message ?? 'no Available condition yet'})`;
  }
  if (kind === 'DaemonSet') {
    const desired = status.desiredNumberScheduled ?? 0;
    const ready = status.numberReady ?? 0;
    return ready >= desired ? undefined : `${ready} of ${desired} pods ready`;
  }
  return undefined;
}

/** Waits until every Deployment is Available and every DaemonSet ready. */
export async function waitForControllers(
  api: ObjectApi,
  objects: ManifestObject[],
  options: {
    timeoutMs: number;
    pollIntervalMs: number;
    log: (message: string) => void;
  },
): Promise<void> {
  const controllers = objects.filter(
    o => o.kind === 'Deployment' || o.kind === 'DaemonSet',
  );
  const deadline = Date.now() + options.timeoutMs;
  for (const controller of controllers) {
    let reason: string | undefined = 'not read yet';
    while (reason) {
      try {
        reason = controllerNotReady(
          controller.kind,
          await api.read(controller),
        );
      } catch (error) {
        reason = `could not be read (${failureOf(error)})`;
      }
      if (!reason) break;
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError(
          `${describeObject(controller)} is ${reason} after ${Math.round(
            options.timeoutMs / 1000,
          )}s; look at its pods and events on the cluster, then retry the task (applying again is harmless)`,
        );
      }
      await new Promise(r => setTimeout(r, options.pollIntervalMs));
    }
    options.log(`${describeObject(controller)} is ready`);
  }
}
