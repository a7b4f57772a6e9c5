import type { KubeObject } from '../types';

interface Column {
  name: string;
  type: string;
  format?: string;
  description: string;
  priority: number;
  cell: (o: KubeObject, now: number) => unknown;
}

/** Human duration the way kubectl and the API server print ages (`5d`, `3h12m`, `45s`). */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (h < 8 * 24) return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

function get(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.replace(/^\./, '').split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const age = (o: KubeObject, now: number) =>
  humanDuration(
    now -
      Date.parse(
        String(o.metadata.creationTimestamp ?? new Date(now).toISOString()),
      ),
  );
const NAME: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
  cell: o => o.metadata.name,
};
const AGE: Column = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  priority: 0,
  cell: age,
};
const CREATED_AT: Column = {
  name: 'Created At',
  type: 'date',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  priority: 0,
  cell: o => o.metadata.creationTimestamp,
};

function col(
  name: string,
  cell: Column['cell'],
  priority = 0,
  type = 'string',
): Column {
  return { name, type, description: name, priority, cell };
}

type Cond = { type: string; status: string };
const conditions = (o: KubeObject): Cond[] =>
  (get(o, 'status.conditions') as Cond[] | undefined) ?? [];

const nodeColumns: Column[] = [
  NAME,
  col('Status', o => {
    const ready = conditions(o).find(c => c.type === 'Ready');
    let status = 'Unknown';
    if (ready) status = ready.status === 'True' ? 'Ready' : 'NotReady';
    return get(o, 'spec.unschedulable')
      ? `${status},SchedulingDisabled`
      : status;
  }),
  col('Roles', o => {
    const roles = Object.keys(o.metadata.labels ?? {})
      .filter(k => k.startsWith('node-role.kubernetes.io/'))
      .map(k => k.slice('node-role.kubernetes.io/'.length));
    return roles.length ? roles.sort().join(',') : '<none>';
  }),
  AGE,
  col('Version', o => get(o, 'status.nodeInfo.kubeletVersion')),
  col(
    'Internal-IP',
    o =>
      (
        (get(o, 'status.addresses') as Array<{
          type: string;
          address: string;
        }>) ?? []
      ).find(a => a.type === 'InternalIP')?.address ?? '<none>',
    1,
  ),
  col(
    'External-IP',
    o =>
      (
        (get(o, 'status.addresses') as Array<{
          type: string;
          address: string;
        }>) ?? []
      ).find(a => a.type === 'ExternalIP')?.address ?? '<none>',
    1,
  ),
  col('OS-Image', o => get(o, 'status.nodeInfo.osImage'), 1),
  col('Kernel-Version', o => get(o, 'status.nodeInfo.kernelVersion'), 1),
  col(
    'Container-Runtime',
    o => get(o, 'status.nodeInfo.containerRuntimeVersion'),
    1,
  ),
];

type ContainerStatus = { ready?: boolean; restartCount?: number };
const podColumns: Column[] = [
  NAME,
  col('Ready', o => {
    const cs = (get(o, 'status.containerStatuses') as ContainerStatus[]) ?? [];
    const containers = (get(o, 'spec.containers') as unknown[]) ?? [];
    return `${cs.filter(c => c.ready).length}/${containers.length}`;
  }),
  col('Status', o => String(get(o, 'status.phase') ?? 'Pending')),
  col(
    'Restarts',
    o =>
      ((get(o, 'status.containerStatuses') as ContainerStatus[]) ?? []).reduce(
        (n, c) => n + (c.restartCount ?? 0),
        0,
      ),
    0,
    'integer',
  ),
  AGE,
  col('IP', o => get(o, 'status.podIP') ?? '<none>', 1),
  col('Node', o => get(o, 'spec.nodeName') ?? '<none>', 1),
  col('Nominated Node', () => '<none>', 1),
  col('Readiness Gates', () => '<none>', 1),
];

const COLUMNS: Record<string, Column[]> = {
  '/nodes': nodeColumns,
  '/pods': podColumns,
  '/namespaces': [
    NAME,
    col('Status', o => get(o, 'status.phase') ?? 'Active'),
    AGE,
  ],
  'apps/deployments': [
    NAME,
    col(
      'Ready',
      o =>
        `${get(o, 'status.readyReplicas') ?? 0}/${
          get(o, 'spec.replicas') ?? 0
        }`,
    ),
    col('Up-to-date', o => get(o, 'status.updatedReplicas') ?? 0, 0, 'integer'),
    col(
      'Available',
      o => get(o, 'status.availableReplicas') ?? 0,
      0,
      'integer',
    ),
    AGE,
  ],
  'apps/daemonsets': [
    NAME,
    col(
      'Desired',
      o => get(o, 'status.desiredNumberScheduled') ?? 0,
      0,
      'integer',
    ),
    col(
      'Current',
      o => get(o, 'status.currentNumberScheduled') ?? 0,
      0,
      'integer',
    ),
    col('Ready', o => get(o, 'status.numberReady') ?? 0, 0, 'integer'),
    col(
      'Up-to-date',
      o => get(o, 'status.updatedNumberScheduled') ?? 0,
      0,
      'integer',
    ),
    col('Available', o => get(o, 'status.numberAvailable') ?? 0, 0, 'integer'),
    col(
      'Node Selector',
      o =>
        Object.entries(
          (get(o, 'spec.template.spec.nodeSelector') as Record<
            string,
            string
          >) ?? {},
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    ),
    AGE,
  ],
  'apiextensions.k8s.io/customresourcedefinitions': [NAME, CREATED_AT],
  'autoscaling/horizontalpodautoscalers': [
    NAME,
    col('Reference', o => {
      const ref = get(o, 'spec.scaleTargetRef') as
        | { kind?: string; name?: string }
        | undefined;
      return ref ? `${ref.kind}/${ref.name}` : '';
    }),
    col('MinPods', o => get(o, 'spec.minReplicas') ?? 1, 0, 'integer'),
    col('MaxPods', o => get(o, 'spec.maxReplicas') ?? 0, 0, 'integer'),
    col('Replicas', o => get(o, 'status.currentReplicas') ?? 0, 0, 'integer'),
    AGE,
  ],
  'apps/statefulsets': [
    NAME,
    col(
      'Ready',
      o =>
        `${get(o, 'status.readyReplicas') ?? 0}/${
          get(o, 'spec.replicas') ?? 0
        }`,
    ),
    AGE,
  ],
  'apiregistration.k8s.io/apiservices': [
    NAME,
    col('Service', o => {
      const svc = get(o, 'spec.service') as {
        namespace?: string;
        name?: string;
      } | null;
      return svc ? `${svc.namespace}/${svc.name}` : 'Local';
    }),
    col('Available', o => {
      const c = conditions(o).find(x => x.type === 'Available') as
        | (Cond & { reason?: string })
        | undefined;
      if (!c) return 'Unknown';
      return c.status === 'True' ? 'True' : `${c.status} (${c.reason ?? ''})`;
    }),
    AGE,
  ],
  '/configmaps': [
    NAME,
    col(
      'Data',
      o => Object.keys((o.data as object) ?? {}).length,
      0,
      'integer',
    ),
    AGE,
  ],
  '/services': [
    NAME,
    col('Type', o => get(o, 'spec.type') ?? 'ClusterIP'),
    col('Cluster-IP', o => get(o, 'spec.clusterIP') ?? '<none>'),
    col('External-IP', () => '<none>'),
    col(
      'Port(s)',
      o =>
        (
          (get(o, 'spec.ports') as Array<{
            port: number;
            protocol?: string;
          }>) ?? []
        )
          .map(p => `${p.port}/${p.protocol ?? 'TCP'}`)
          .join(',') || '<none>',
    ),
    AGE,
  ],
};

/** Column set of a resource: built-in printers, a CRD's printer columns, or NAME/AGE. */
function columnsFor(
  group: string,
  resource: string,
  printerColumns?: Array<{
    name: string;
    type: string;
    jsonPath: string;
    priority?: number;
  }>,
): Column[] {
  const builtin = COLUMNS[`${group}/${resource}`];
  if (builtin) return builtin;
  if (printerColumns?.length) {
    return [
      NAME,
      ...printerColumns.map(pc =>
        pc.jsonPath === '.metadata.creationTimestamp' && pc.type === 'date'
          ? { ...AGE, name: pc.name }
          : col(
              pc.name,
              o => get(o, pc.jsonPath) ?? '',
              pc.priority ?? 0,
              pc.type,
            ),
      ),
      ...(printerColumns.some(
        pc => pc.jsonPath === '.metadata.creationTimestamp',
      )
        ? []
        : [AGE]),
    ];
  }
  return [NAME, AGE];
}

function rowObject(o: KubeObject, includeObject: string | undefined): unknown {
  if (includeObject === 'None') return undefined;
  if (includeObject === 'Object') return o;
  return metadataOf(o);
}

function metadataOf(o: KubeObject) {
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: o.metadata,
  };
}

/** Builds a meta.k8s.io Table for objects of a resource. */
export function renderTable(
  group: string,
  resource: string,
  objects: KubeObject[],
  listMeta: Record<string, unknown>,
  options: {
    version: string;
    includeObject?: string;
    printerColumns?: Array<{
      name: string;
      type: string;
      jsonPath: string;
      priority?: number;
    }>;
  },
): Record<string, unknown> {
  const columns = columnsFor(group, resource, options.printerColumns);
  const now = Date.now();
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${options.version}`,
    metadata: listMeta,
    columnDefinitions: columns.map(({ cell, ...def }) => def),
    rows: objects.map(o => ({
      cells: columns.map(c => c.cell(o, now) ?? ''),
      object: rowObject(o, options.includeObject),
    })),
  };
}

export { metadataOf };
