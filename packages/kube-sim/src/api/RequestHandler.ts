import type { KubeObject, Scenario } from '../types';
import type { ClusterStore } from '../store/ClusterStore';
import { suffixOf } from '../scenario/objectIds';
import type { ResourceInfo } from './builtinResources';
import type { AdmissionController } from './AdmissionController';
import type { ApiCatalog, ServedGroup } from './ApiCatalog';
import { decodeContinue, encodeContinue } from './continueToken';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  groupDiscoveryList,
} from './discoveryDocuments';
import { parseFieldSelector } from './parseFieldSelector';
import { parseLabelSelector } from './parseLabelSelector';
import { negotiate, type Representation } from './negotiate';
import { applyPatch } from './applyPatch';
import { checkPatchOptions, serverSideApply } from './serverSideApply';
import { decodeProtobufReview } from './decodeProtobufReview';
import type { RbacAuthorizer, RequestAttributes } from './RbacAuthorizer';
import type { ReviewResponder } from './ReviewResponder';
import {
  StatusError,
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  notFound,
  pathNotFound,
} from './StatusError';
import { metadataOf, renderTable } from './renderTable';
import {
  CUSTOM_METRICS_GROUP,
  type CustomMetricQuery,
} from '../workloads/customMetrics';

/** One API request, after the cluster prefix was removed. */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What to answer. `body` objects are written as JSON; `holdMs` keeps a watch open. */
export interface ApiResponse {
  status: number;
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  holdMs?: number;
}

/** What the handler needs from its virtual cluster. */
export interface HandlerContext {
  scenario: Scenario;
  store: ClusterStore;
  catalog: ApiCatalog;
  authorizer: RbacAuthorizer;
  admission: AdmissionController;
  reviews: ReviewResponder;
  continueTtlMs: number;
  continueEpoch(): number;
  /** Mutating admission (e.g. Kueue's Job webhook): the object to store. */
  mutate?(
    operation: 'CREATE' | 'UPDATE',
    group: string,
    resource: string,
    object: KubeObject,
  ): KubeObject;
  /** The output of a container the simulated kubelet ran. */
  podLog?(pod: KubeObject, container: string): PodLogAnswer;
  /** The scenario's custom-metrics adapter: a `MetricValueList` (or a thrown StatusError). */
  customMetrics?(query: CustomMetricQuery): Record<string, unknown>;
}

/** What the kubelet knows of a container's log. */
export type PodLogAnswer =
  | { kind: 'text'; text: string }
  | { kind: 'waiting'; reason: string }
  | { kind: 'unknown' };

type Target = {
  group: string;
  version: string;
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
};

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz']);

function json(
  status: number,
  body: unknown,
  contentType = 'application/json',
): ApiResponse {
  return { status, body, contentType };
}

function gv(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** A path segment as kube-apiserver reads it (percent-decoded; malformed stays as sent). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function header(req: ApiRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** Serves the Kubernetes API of one virtual cluster. */
export class RequestHandler {
  constructor(private readonly ctx: HandlerContext) {}

  handle(req: ApiRequest): ApiResponse {
    try {
      return this.route(req);
    } catch (e) {
      if (e instanceof StatusError) return json(e.code, e.toStatus());
      return json(
        500,
        new StatusError(
          500,
          `Internal error occurred: ${(e as Error).message}`,
        ).toStatus(),
      );
    }
  }

  private route(req: ApiRequest): ApiResponse {
    const path = req.path.replace(/\/+$/, '') || '/';
    if (PUBLIC_PATHS.has(path))
      return {
        status: 200,
        body: 'ok',
        contentType: 'text/plain; charset=utf-8',
      };
    const segments = path.split('/').filter(Boolean);
    const isApi =
      segments[0] === 'api' && (segments.length === 1 || segments[1] === 'v1');
    const isApis = segments[0] === 'apis';
    const isResourcePath =
      (isApi && segments.length > 2) || (isApis && segments.length > 3);
    if (!isResourcePath) {
      this.authorize({
        resourceRequest: false,
        verb:
          req.method === 'GET' || req.method === 'HEAD'
            ? 'get'
            : req.method.toLowerCase(),
        path,
      });
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new StatusError(
          405,
          `the server does not allow this method on the requested resource`,
          'MethodNotAllowed',
        );
      return this.nonResource(req, path, segments);
    }
    const [group, version, rest] = isApi
      ? ['', 'v1', segments.slice(2)]
      : [segments[1], segments[2], segments.slice(3)];
    return this.resource(req, group, version, rest);
  }

  private authorize(a: RequestAttributes) {
    if (!this.ctx.authorizer.allows(a)) throw this.ctx.authorizer.forbidden(a);
  }

  private nonResource(
    req: ApiRequest,
    path: string,
    segments: string[],
  ): ApiResponse {
    const accept = header(req, 'accept');
    if (path === '/version') return json(200, this.version());
    if (path === '/api' || path === '/apis') {
      const rep = negotiate(accept, { discovery: true });
      if (!rep)
        throw new StatusError(
          406,
          'only the following media types are accepted: application/json, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
          'NotAcceptable',
        );
      const groups = this.ctx.catalog.groups();
      if (rep.as === 'APIGroupDiscoveryList') {
        return {
          ...json(
            200,
            groupDiscoveryList(groups, path === '/api', rep.version),
            `application/json;g=apidiscovery.k8s.io;v=${rep.version};as=APIGroupDiscoveryList`,
          ),
          headers: { vary: 'Accept' },
        };
      }
      return {
        ...json(200, path === '/api' ? apiVersions() : apiGroupList(groups)),
        headers: { vary: 'Accept' },
      };
    }
    if (path === '/api/v1')
      return json(200, apiResourceList(this.ctx.catalog.group('')!, 'v1'));
    if (segments[0] === 'apis' && segments.length <= 3) {
      const group = this.ctx.catalog.group(segments[1]);
      if (!group || group.group === '') throw pathNotFound();
      if (segments.length === 2) return json(200, apiGroup(group));
      if (!group.versions.includes(segments[2])) throw pathNotFound();
      this.requireAvailable(group);
      return json(200, apiResourceList(group, segments[2]));
    }
    throw pathNotFound();
  }

  private version() {
    const v = this.ctx.scenario.version;
    const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.gitVersion) ?? [
      '',
      '1',
      '0',
      '0',
    ];
    return {
      major: m[1],
      minor: m[2],
      emulationMajor: m[1],
      emulationMinor: m[2],
      minCompatibilityMajor: m[1],
      minCompatibilityMinor: String(Number(m[2]) - 1),
      gitVersion: v.gitVersion,
      gitCommit: suffixOf(v.gitVersion, 40).replace(/[^0-9a-f]/g, 'a'),
      gitTreeState: 'clean',
      buildDate: v.buildDate ?? '2025-10-14T09:12:44Z',
      goVersion: v.goVersion ?? 'go1.24.6 X:boringcrypto',
      compiler: 'gc',
      platform: v.platform ?? 'linux/amd64',
    };
  }

  private requireAvailable(group: ServedGroup) {
    if (group.aggregated && !group.aggregated.available) {
      throw new StatusError(503, 'service unavailable', 'ServiceUnavailable');
    }
  }

  private resource(
    req: ApiRequest,
    group: string,
    version: string,
    rest: string[],
  ): ApiResponse {
    const served = this.ctx.catalog.group(group);
    if (!served || !served.versions.includes(version)) throw pathNotFound();
    let namespace: string | undefined;
    let parts = rest;
    if (
      rest[0] === 'namespaces' &&
      rest.length >= 3 &&
      !(rest.length === 3 && ['status', 'finalize'].includes(rest[2]))
    ) {
      namespace = rest[1];
      parts = rest.slice(2);
    }
    const [resource, name, subresource, ...extra] = parts;
    if (
      group === CUSTOM_METRICS_GROUP &&
      served.aggregated &&
      this.ctx.customMetrics &&
      name &&
      subresource &&
      !extra.length
    ) {
      // /{resource}/{name|*}/{metric}: the adapter's object and pod metric reads; `*` is a list
      // (custom-metrics-apiserver's request info resolver)
      const all = name === '*';
      this.authorize({
        resourceRequest: true,
        verb: all
          ? 'list'
          : this.verbOf(req, {
              group,
              version,
              info: { resource } as ResourceInfo,
              namespace,
              name,
              subresource,
            }),
        group,
        resource,
        subresource,
        name: all ? undefined : name,
        namespace,
      });
      this.requireAvailable(served);
      if (req.method !== 'GET')
        throw new StatusError(
          405,
          'the server does not allow this method on the requested resource',
          'MethodNotAllowed',
          { kind: resource },
        );
      return json(
        200,
        this.ctx.customMetrics({
          version,
          namespace,
          resource,
          name,
          metric: decodeSegment(subresource),
          labelSelector: req.query.get('labelSelector') ?? undefined,
        }),
      );
    }
    const info = this.ctx.catalog.find(group, version, resource);
    if (!info || extra.length || (namespace && !info.namespaced))
      throw pathNotFound();
    const target: Target = {
      group,
      version,
      info,
      namespace,
      name,
      subresource,
    };
    const verb = this.verbOf(req, target);
    this.authorize({
      resourceRequest: true,
      verb,
      group,
      resource,
      subresource,
      name,
      namespace,
    });
    if (info.aggregated) {
      this.requireAvailable(served);
      return this.aggregated(target);
    }
    if (
      !info.verbs.includes(verb) &&
      !(subresource && ['get', 'update', 'patch'].includes(verb))
    ) {
      throw new StatusError(
        405,
        `the server does not allow this method on the requested resource`,
        'MethodNotAllowed',
        { kind: resource },
      );
    }
    this.checkDryRun(req);
    if (this.ctx.reviews.handles(group, resource) && verb === 'create') {
      const protobuf = (header(req, 'content-type') ?? '').startsWith(
        'application/vnd.kubernetes.protobuf',
      );
      return json(
        201,
        this.ctx.reviews.respond(
          resource,
          protobuf ? decodeProtobufReview(req.body) : this.parseBody(req),
        ),
      );
    }
    switch (verb) {
      case 'list':
        return this.list(req, target);
      case 'watch':
        return this.watch(req);
      case 'get':
        return this.get(req, target);
      case 'create':
        return this.create(req, target);
      case 'update':
        return this.update(req, target);
      case 'patch':
        return this.patch(req, target);
      case 'delete':
        return this.delete(req, target);
      case 'deletecollection':
        return this.deleteCollection(req, target);
      default:
        throw new StatusError(
          405,
          `the server does not allow this method on the requested resource`,
          'MethodNotAllowed',
        );
    }
  }

  private verbOf(req: ApiRequest, t: Target): string {
    switch (req.method) {
      case 'GET':
      case 'HEAD':
        if (t.name)
          return req.query.get('watch') === 'true' ||
            req.query.get('watch') === '1'
            ? 'watch'
            : 'get';
        return req.query.get('watch') === 'true' ||
          req.query.get('watch') === '1'
          ? 'watch'
          : 'list';
      case 'POST':
        return 'create';
      case 'PUT':
        return 'update';
      case 'PATCH':
        return 'patch';
      case 'DELETE':
        return t.name ? 'delete' : 'deletecollection';
      default:
        return req.method.toLowerCase();
    }
  }

  private checkDryRun(req: ApiRequest) {
    for (const value of req.query.getAll('dryRun')) {
      if (value !== 'All') {
        throw badRequest(
          `dryRun: Unsupported value: "${value}": supported values: "All"`,
        );
      }
    }
  }

  private isDryRun(req: ApiRequest) {
    return req.query.getAll('dryRun').includes('All');
  }

  private aggregated(t: Target): ApiResponse {
    const listKind = t.info.kind.endsWith('List')
      ? t.info.kind
      : `${t.info.kind}List`;
    return json(200, {
      kind: listKind,
      apiVersion: gv(t.group, t.version),
      metadata: {},
      items: [],
    });
  }

  private served(o: KubeObject, t: Target): KubeObject {
    return o.apiVersion === gv(t.group, t.version)
      ? o
      : { ...o, apiVersion: gv(t.group, t.version) };
  }

  private representation(req: ApiRequest): Representation {
    const rep = negotiate(header(req, 'accept'), {
      table: true,
      metadata: true,
    });
    if (!rep) {
      throw new StatusError(
        406,
        'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
        'NotAcceptable',
      );
    }
    return rep;
  }

  private list(req: ApiRequest, t: Target): ApiResponse {
    const rep = this.representation(req);
    const q = req.query;
    const labels = parseLabelSelector(q.get('labelSelector') ?? undefined);
    const fields = parseFieldSelector(
      q.get('fieldSelector') ?? undefined,
      t.info.resource,
    );
    const limitText = q.get('limit');
    const limit = limitText ? Number.parseInt(limitText, 10) : 0;
    if (limitText && (!Number.isFinite(limit) || limit < 0))
      throw badRequest(`invalid limit: ${limitText}`);
    const token = q.get('continue');
    const store = this.ctx.store;
    const start = token
      ? decodeContinue(token, this.ctx.continueTtlMs, this.ctx.continueEpoch())
          .start
      : 0;
    const rv = Number(store.resourceVersion);
    const items: KubeObject[] = [];
    let nextStart: number | undefined;
    for (const [position, o] of store.iterate(
      t.group,
      t.info.resource,
      start,
    )) {
      if (t.namespace && o.metadata.namespace !== t.namespace) continue;
      if (!labels(o.metadata.labels) || !fields(o)) continue;
      if (limit > 0 && items.length >= limit) {
        nextStart = position;
        break;
      }
      items.push(o);
    }
    const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
    if (nextStart !== undefined) {
      metadata.continue = encodeContinue({
        rv,
        start: nextStart,
        at: Date.now(),
        epoch: this.ctx.continueEpoch(),
      });
      if (!t.namespace && !q.get('labelSelector') && !q.get('fieldSelector')) {
        metadata.remainingItemCount = Math.max(
          0,
          store.count(t.group, t.info.resource) - nextStart,
        );
      }
    }
    if (rep.as === 'Table') {
      return json(
        200,
        renderTable(t.group, t.info.resource, items, metadata, {
          version: rep.version,
          includeObject: q.get('includeObject') ?? undefined,
          printerColumns: this.ctx.catalog.printerColumns(
            t.group,
            t.info.resource,
            t.version,
          ),
        }),
      );
    }
    if (rep.as === 'PartialObjectMetadata') {
      return json(200, {
        kind: 'PartialObjectMetadataList',
        apiVersion: `meta.k8s.io/${rep.version}`,
        metadata,
        items: items.map(metadataOf),
      });
    }
    return json(200, {
      kind: `${t.info.kind}List`,
      apiVersion: gv(t.group, t.version),
      metadata,
      items: items.map(o => this.served(o, t)),
    });
  }

  private watch(req: ApiRequest): ApiResponse {
    const timeout = Number(req.query.get('timeoutSeconds') ?? 30);
    return {
      status: 200,
      body: '',
      contentType: 'application/json',
      holdMs: Math.min(Math.max(timeout, 0), 30) * 1000,
    };
  }

  private existing(t: Target): KubeObject {
    const o = this.ctx.store.get(
      t.group,
      t.info.resource,
      t.namespace,
      t.name!,
    );
    if (!o) throw notFound(t.info.resource, t.group, t.name!);
    return o;
  }

  private get(req: ApiRequest, t: Target): ApiResponse {
    const o = this.existing(t);
    if (t.subresource === 'log' && t.info.resource === 'pods')
      return this.podLog(req, o);
    if (t.subresource && t.subresource !== 'status') throw pathNotFound();
    const rep = this.representation(req);
    if (rep.as === 'Table') {
      return json(
        200,
        renderTable(
          t.group,
          t.info.resource,
          [o],
          { resourceVersion: o.metadata.resourceVersion },
          {
            version: rep.version,
            includeObject: req.query.get('includeObject') ?? undefined,
            printerColumns: this.ctx.catalog.printerColumns(
              t.group,
              t.info.resource,
              t.version,
            ),
          },
        ),
      );
    }
    if (rep.as === 'PartialObjectMetadata')
      return json(200, {
        ...metadataOf(o),
        apiVersion: `meta.k8s.io/${rep.version}`,
      });
    return json(200, this.served(o, t));
  }

  /** `pods/log`: the container's output, with kube-apiserver's answers for a wrong or waiting container. */
  private podLog(req: ApiRequest, pod: KubeObject): ApiResponse {
    const name = pod.metadata.name;
    const spec = pod.spec as { containers?: Array<{ name: string }> };
    const names = (spec?.containers ?? []).map(c => c.name);
    let container = req.query.get('container') ?? '';
    if (!container) {
      if (names.length !== 1)
        throw badRequest(
          `a container name must be specified for pod ${name}, choose one of: [${names.join(
            ' ',
          )}]`,
        );
      container = names[0];
    }
    if (!names.includes(container))
      throw badRequest(`container ${container} is not valid for pod ${name}`);
    const answer = this.ctx.podLog?.(pod, container) ?? { kind: 'unknown' };
    const statuses = ((pod.status as { containerStatuses?: unknown[] })
      ?.containerStatuses ?? []) as Array<{
      name: string;
      state?: { waiting?: { reason?: string } };
    }>;
    const waiting =
      answer.kind === 'waiting'
        ? answer.reason
        : statuses.find(c => c.name === container)?.state?.waiting?.reason;
    if (answer.kind !== 'text' && (waiting || !statuses.length)) {
      throw badRequest(
        `container "${container}" in pod "${name}" is waiting to start: ${
          waiting ?? 'ContainerCreating'
        }`,
      );
    }
    let text: string;
    if (answer.kind === 'text') text = answer.text;
    else {
      const at = new Date().toISOString();
      text = `${at} I started\n${at} I serving\n`;
    }
    const tail = Number(req.query.get('tailLines') ?? NaN);
    if (Number.isInteger(tail) && tail >= 0) {
      const lines = text.split('\n');
      const last = lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
      text = last
        .slice(Math.max(0, last.length - tail))
        .map(l => `${l}\n`)
        .join('');
    }
    const limit = Number(req.query.get('limitBytes') ?? NaN);
    if (Number.isInteger(limit) && limit > 0)
      text = Buffer.from(text).subarray(0, limit).toString('utf8');
    return { status: 200, body: text, contentType: 'text/plain' };
  }

  private parseBody(req: ApiRequest): KubeObject | undefined {
    if (!req.body.length) return undefined;
    if (
      (header(req, 'content-type') ?? '').startsWith(
        'application/vnd.kubernetes.protobuf',
      )
    ) {
      throw new StatusError(
        415,
        'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/merge-patch+json',
        'UnsupportedMediaType',
      );
    }
    try {
      return JSON.parse(req.body.toString('utf8')) as KubeObject;
    } catch (e) {
      throw badRequest(
        `the object provided is unrecognized: ${(e as Error).message}`,
      );
    }
  }

  private checkBody(body: KubeObject | undefined, t: Target): KubeObject {
    if (!body || typeof body !== 'object')
      throw badRequest('the body of the request was empty');
    if (body.kind && body.kind !== t.info.kind) {
      throw badRequest(
        `the kind in the data (${body.kind}) does not match the expected kind (${t.info.kind})`,
      );
    }
    if (
      body.apiVersion &&
      !body.apiVersion.startsWith(t.group ? `${t.group}/` : 'v')
    ) {
      throw badRequest(
        `the API version in the data (${
          body.apiVersion
        }) does not match the expected API version (${gv(t.group, t.version)})`,
      );
    }
    const metadata = { ...(body.metadata ?? {}) } as KubeObject['metadata'];
    if (t.info.namespaced) {
      if (
        metadata.namespace &&
        t.namespace &&
        metadata.namespace !== t.namespace
      ) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      metadata.namespace = t.namespace ?? metadata.namespace;
      if (!metadata.namespace)
        throw badRequest('the server could not find the requested resource');
    } else {
      delete metadata.namespace;
    }
    const object: KubeObject = {
      ...body,
      apiVersion: gv(t.group, t.version),
      kind: t.info.kind,
      metadata,
    };
    if (t.info.resource === 'secrets') {
      delete object.data;
      delete object.stringData;
    }
    return object;
  }

  private requireNamespace(namespace: string | undefined) {
    if (!namespace) return;
    const ns = this.ctx.store.get('', 'namespaces', undefined, namespace);
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.metadata.deletionTimestamp)
      throw new StatusError(
        403,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
        'Forbidden',
        {
          name: namespace,
          kind: 'namespaces',
          causes: [
            {
              reason: 'NamespaceTerminating',
              message: `namespace ${namespace} is being terminated`,
              field: 'metadata.namespace',
            },
          ],
        },
      );
  }

  private withDefaults(o: KubeObject, t: Target): KubeObject {
    if (t.group === '' && t.info.resource === 'namespaces') {
      return {
        ...o,
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
        metadata: {
          ...o.metadata,
          labels: {
            ...o.metadata.labels,
            'kubernetes.io/metadata.name': o.metadata.name,
          },
        },
      };
    }
    if (
      t.group === 'apiextensions.k8s.io' &&
      t.info.resource === 'customresourcedefinitions'
    ) {
      const spec = o.spec as
        | {
            names?: Record<string, unknown>;
            versions?: Array<{ name: string; storage?: boolean }>;
          }
        | undefined;
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        ...o,
        status: {
          acceptedNames: spec?.names ?? {},
          conditions: [
            {
              type: 'NamesAccepted',
              status: 'True',
              reason: 'NoConflicts',
              message: 'no conflicts found',
              lastTransitionTime: now,
            },
            {
              type: 'Established',
              status: 'True',
              reason: 'InitialNamesAccepted',
              message: 'the initial names have been accepted',
              lastTransitionTime: now,
            },
          ],
          storedVersions: (spec?.versions ?? [])
            .filter(v => v.storage)
            .map(v => v.name),
        },
      };
    }
    return o;
  }

  private create(req: ApiRequest, t: Target): ApiResponse {
    if (t.name)
      throw new StatusError(
        405,
        'the server does not allow this method on the requested resource',
        'MethodNotAllowed',
      );
    const object = this.checkBody(this.parseBody(req), t);
    if (!object.metadata.name) {
      const prefix = object.metadata.generateName as string | undefined;
      if (!prefix) {
        throw invalid(t.info.kind, t.group, '', [
          {
            field: 'metadata.name',
            message: 'Required value: name or generateName is required',
          },
        ]);
      }
      object.metadata.name = `${prefix}${suffixOf(
        `${prefix}${Date.now()}${Math.random()}`,
        5,
      )}`;
    }
    if (
      !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(object.metadata.name) ||
      object.metadata.name.length > 253
    ) {
      throw invalid(t.info.kind, t.group, object.metadata.name, [
        {
          field: 'metadata.name',
          message: `Invalid value: "${object.metadata.name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
        },
      ]);
    }
    if (t.info.namespaced) this.requireNamespace(object.metadata.namespace);
    if (
      this.ctx.store.get(
        t.group,
        t.info.resource,
        object.metadata.namespace,
        object.metadata.name,
      )
    ) {
      throw alreadyExists(t.info.resource, t.group, object.metadata.name);
    }
    return this.admitAndCreate(req, t, object);
  }

  /** Mutating then validating admission, defaults, and the create (or its dry run). */
  private admitAndCreate(
    req: ApiRequest,
    t: Target,
    object: KubeObject,
  ): ApiResponse {
    const mutated = this.ctx.mutate
      ? this.ctx.mutate('CREATE', t.group, t.info.resource, object)
      : object;
    this.ctx.admission.admit(
      'CREATE',
      t.group,
      t.info.resource,
      t.info.kind,
      mutated,
    );
    const prepared = this.withDefaults(mutated, t);
    const stored = this.isDryRun(req)
      ? this.ctx.store.preview(prepared, true)
      : this.ctx.store.create(t.group, t.info.resource, prepared);
    return json(201, stored);
  }

  private update(req: ApiRequest, t: Target): ApiResponse {
    const object = this.checkBody(this.parseBody(req), t);
    if (object.metadata.name !== t.name) {
      throw badRequest(
        `the name of the object (${object.metadata.name}) does not match the name on the URL (${t.name})`,
      );
    }
    return this.replace(req, t, object);
  }

  private replace(req: ApiRequest, t: Target, object: KubeObject): ApiResponse {
    const current = this.existing(t);
    const rv = object.metadata.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion)
      throw conflict(t.info.resource, t.group, t.name!);
    const merged: KubeObject = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        generation: current.metadata.generation,
      },
    };
    if (t.subresource === 'status') merged.spec = current.spec;
    else if (
      current.status !== undefined &&
      t.subresource === undefined &&
      this.hasStatusSubresource(t)
    )
      merged.status = current.status;
    this.ctx.admission.admit(
      'UPDATE',
      t.group,
      t.info.resource,
      t.info.kind,
      merged,
    );
    if (current.metadata.deletionTimestamp)
      merged.metadata.deletionTimestamp = current.metadata.deletionTimestamp;
    if (this.isDryRun(req))
      return json(200, this.ctx.store.preview(merged, false));
    const stored = this.ctx.store.update(t.group, t.info.resource, merged);
    if (
      stored.metadata.deletionTimestamp &&
      !(stored.metadata.finalizers as string[] | undefined)?.length &&
      !(t.group === '' && t.info.resource === 'namespaces')
    )
      this.ctx.store.delete(t.group, t.info.resource, t.namespace, t.name!);
    return json(200, stored);
  }

  private hasStatusSubresource(t: Target) {
    return (t.info.subresources ?? []).includes('status');
  }

  private patch(req: ApiRequest, t: Target): ApiResponse {
    const contentType = header(req, 'content-type') ?? '';
    const isApply = contentType.startsWith('application/apply-patch+yaml');
    checkPatchOptions(isApply, req.query);
    const current = this.ctx.store.get(
      t.group,
      t.info.resource,
      t.namespace,
      t.name!,
    );
    const apply = (base: KubeObject | undefined) =>
      serverSideApply(
        base,
        applyPatch(undefined, contentType, req.body),
        req.query.get('fieldManager')!,
        req.query.get('force') === 'true',
        gv(t.group, t.version),
      );
    if (!current) {
      if (!isApply) throw notFound(t.info.resource, t.group, t.name!);
      const object = this.checkBody(apply(undefined), t);
      object.metadata.name = t.name!;
      if (t.info.namespaced) this.requireNamespace(object.metadata.namespace);
      return this.admitAndCreate(req, t, object);
    }
    const patched = isApply
      ? apply(current)
      : applyPatch(current, contentType, req.body);
    const object = this.checkBody(patched, t);
    object.metadata.name = t.name!;
    object.metadata.resourceVersion =
      (patched.metadata?.resourceVersion as string | undefined) ??
      current.metadata.resourceVersion;
    return this.replace(req, t, object);
  }

  /**
   * Deletes one object, or marks it for deletion when something must finish it first (a namespace:
   * its controller; finalizers: whoever owns them). Returns the marked object, or undefined once
   * deleted.
   */
  private deleteOne(
    req: ApiRequest,
    t: Target,
    current: KubeObject,
  ): KubeObject | undefined {
    const isNamespace = t.group === '' && t.info.resource === 'namespaces';
    const finalizers = (current.metadata.finalizers as string[] | undefined)
      ?.length;
    const { namespace, name } = current.metadata;
    if (!isNamespace && !finalizers) {
      if (!this.isDryRun(req))
        this.ctx.store.delete(t.group, t.info.resource, namespace, name);
      return undefined;
    }
    if (current.metadata.deletionTimestamp) return current;
    const marked: KubeObject = {
      ...current,
      metadata: {
        ...current.metadata,
        deletionTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        deletionGracePeriodSeconds: 0,
      },
      ...(isNamespace
        ? { status: { ...(current.status as object), phase: 'Terminating' } }
        : {}),
    };
    return this.isDryRun(req)
      ? this.ctx.store.preview(marked, false)
      : this.ctx.store.update(t.group, t.info.resource, marked);
  }

  private delete(req: ApiRequest, t: Target): ApiResponse {
    const current = this.existing(t);
    const marked = this.deleteOne(req, t, current);
    if (marked)
      return json(
        t.group === '' && t.info.resource === 'namespaces' ? 200 : 202,
        marked,
      );
    return json(200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: {
        name: t.name,
        ...(t.group ? { group: t.group } : {}),
        kind: t.info.resource,
        uid: current.metadata.uid,
      },
    });
  }

  private deleteCollection(req: ApiRequest, t: Target): ApiResponse {
    const labels = parseLabelSelector(
      req.query.get('labelSelector') ?? undefined,
    );
    const fields = parseFieldSelector(
      req.query.get('fieldSelector') ?? undefined,
      t.info.resource,
    );
    const doomed: KubeObject[] = [];
    for (const [, o] of this.ctx.store.iterate(t.group, t.info.resource)) {
      if (t.namespace && o.metadata.namespace !== t.namespace) continue;
      if (labels(o.metadata.labels) && fields(o)) doomed.push(o);
    }
    doomed.forEach(o => this.deleteOne(req, t, o));
    return json(200, {
      kind: `${t.info.kind}List`,
      apiVersion: gv(t.group, t.version),
      metadata: { resourceVersion: this.ctx.store.resourceVersion },
      items: doomed.map(o => this.served(o, t)),
    });
  }
}
