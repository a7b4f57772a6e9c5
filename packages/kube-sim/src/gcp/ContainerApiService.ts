import { randomBytes } from 'node:crypto';
import type { KubeSim, SimCluster } from '../types';
import type { VirtualCluster } from '../server/VirtualCluster';
import { generateNodes } from '../scenario/generateNodes';
import { clusterScenario, nodePoolSpec } from './clusterScenario';
import { type GkeServerConfig, zonesOf } from './gkeFacts';
import type { GkeCluster, GkeNodePool } from './gkeTypes';
import {
  GoogleApiError,
  alreadyExists,
  invalidArgument,
  notFound,
} from './GoogleApiError';
import { OperationTracker, type OperationRecord } from './OperationTracker';

const API = 'https://container.googleapis.com/v1';
const NAME = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;

/** How an operation fails (google.rpc.Status: `code` 8 RESOURCE_EXHAUSTED by default). */
export interface OperationFailure {
  code?: number;
  message: string;
}

/** How long operations take (milliseconds). */
export interface OperationDelays {
  /** Time an operation stays PENDING (default 1000). */
  pendingMs?: number;
  /** Time a cluster creation stays RUNNING (default 8000). */
  createMs?: number;
  /** Time a cluster deletion stays RUNNING (default 3000). */
  deleteMs?: number;
  /** Time a node pool creation stays RUNNING (default 4000). */
  nodePoolMs?: number;
}

interface ClusterRecord {
  project: string;
  location: string;
  cluster: GkeCluster & Record<string, unknown>;
  simName?: string;
}

function isoTime(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function failedPrecondition(message: string) {
  return new GoogleApiError(400, message, 'FAILED_PRECONDITION');
}

/** Orders GKE versions as (major, minor, patch, gke.N) integers. */
function versionKey(v: string): number[] {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-gke\.(\d+))?$/.exec(v);
  return m ? [1, 2, 3, 4].map(i => Number(m[i] ?? 0)) : [0, 0, 0, 0];
}

function newer(a: string, b: string): number {
  const [ka, kb] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < 4; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
  return 0;
}

/**
 * The clusters, node pools and operations of the Container API double, and what they do to the
 * running kube-sim: a finished creation adds a virtual cluster built from the spec, a finished
 * deletion removes it, a finished node pool creation adds its nodes.
 */
export class ContainerApiService {
  readonly operations = new OperationTracker();
  private readonly clusters = new Map<string, ClusterRecord>();
  private readonly delays: Required<OperationDelays>;
  private nextFailure?: OperationFailure;

  constructor(
    private readonly kubeSim: KubeSim,
    private readonly serverConfigData: GkeServerConfig,
    delays: OperationDelays,
    private readonly acceptToken: (token: string) => boolean,
    private readonly workloadDelayMs?: number,
  ) {
    this.delays = {
      pendingMs: delays.pendingMs ?? 1000,
      createMs: delays.createMs ?? 8000,
      deleteMs: delays.deleteMs ?? 3000,
      nodePoolMs: delays.nodePoolMs ?? 4000,
    };
  }

  private key(project: string, location: string, name: string) {
    return `${project}/${location}/${name}`;
  }

  private link(project: string, location: string, rest: string) {
    return `${API}/projects/${project}/locations/${location}/${rest}`;
  }

  serverConfig(): GkeServerConfig {
    return structuredClone(this.serverConfigData);
  }

  /** The version a request gets: exact, a prefix (`1.34`), `latest`/`-`/empty (the default). */
  resolveVersion(requested: string | undefined, channel?: string): string {
    const config = this.serverConfigData;
    const inChannel =
      channel && channel !== 'UNSPECIFIED'
        ? config.channels.find(c => c.channel === channel)
        : undefined;
    const valid = inChannel?.validVersions ?? config.validMasterVersions;
    const wanted = (requested ?? '').trim();
    if (!wanted || wanted === '-' || wanted === 'latest') {
      if (!wanted || wanted === '-')
        return inChannel?.defaultVersion ?? config.defaultClusterVersion;
      return [...valid].sort(newer)[0];
    }
    const matches = config.validMasterVersions.filter(
      v =>
        v === wanted ||
        v.startsWith(`${wanted}.`) ||
        v.startsWith(`${wanted}-`),
    );
    if (!matches.length)
      throw invalidArgument(`Master version "${wanted}" is unsupported.`);
    const allowed = matches.filter(v => valid.includes(v)).sort(newer);
    if (!allowed.length)
      throw invalidArgument(
        `Master version "${wanted}" is not available in the ${channel} release channel; available versions: ${valid.join(
          ', ',
        )}.`,
      );
    return allowed[0];
  }

  private record(project: string, location: string, name: string) {
    const record = this.clusters.get(this.key(project, location, name));
    if (!record)
      throw notFound(
        `projects/${project}/locations/${location}/clusters/${name}`,
      );
    return record;
  }

  private checkIdle(project: string, location: string, name: string) {
    const running = this.operations.runningOn(project, location, name);
    if (running)
      throw failedPrecondition(
        `Cluster is running incompatible operation ${running.name}.`,
      );
  }

  private checkPool(pool: GkeNodePool, where: string) {
    if (!pool?.name || !NAME.test(pool.name))
      throw invalidArgument(
        `Invalid node pool name "${
          pool?.name ?? ''
        }" in ${where}: it must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and be at most 40 characters.`,
      );
    const count = Number(pool.initialNodeCount ?? 0);
    if (!Number.isInteger(count) || count < 0 || count > 1000)
      throw invalidArgument(
        `Node pool "${pool.name}": initial_node_count must be between 0 and 1000.`,
      );
    const a = pool.autoscaling;
    if (a?.enabled) {
      const min = Number(a.totalMinNodeCount ?? a.minNodeCount ?? 0);
      const max = Number(a.totalMaxNodeCount ?? a.maxNodeCount ?? 0);
      if (max < 1 || min > max)
        throw invalidArgument(
          `Node pool "${pool.name}": autoscaling needs 0 <= min <= max and max >= 1.`,
        );
    }
  }

  private render(record: ClusterRecord): Record<string, unknown> {
    return structuredClone(record.cluster);
  }

  getCluster(project: string, location: string, name: string) {
    return this.render(this.record(project, location, name));
  }

  listClusters(project: string, location: string) {
    return {
      clusters: [...this.clusters.values()]
        .filter(
          r =>
            r.project === project &&
            (location === '-' || r.location === location),
        )
        .map(r => this.render(r)),
      missingZones: [],
    };
  }

  createCluster(project: string, location: string, body: GkeCluster) {
    if (!body || typeof body !== 'object')
      throw invalidArgument('Cluster is required.');
    if (!body.name || !NAME.test(body.name))
      throw invalidArgument(
        `Invalid cluster name "${
          body.name ?? ''
        }": it must start with a lowercase letter, contain only lowercase letters, digits and hyphens, and be at most 40 characters.`,
      );
    const key = this.key(project, location, body.name);
    if (this.clusters.has(key))
      throw alreadyExists(
        `projects/${project}/locations/${location}/clusters/${body.name}`,
      );
    const version = this.resolveVersion(
      body.initialClusterVersion,
      body.releaseChannel?.channel,
    );
    let pools = body.nodePools ?? [];
    if (!pools.length)
      pools = [
        {
          name: 'default-pool',
          initialNodeCount: body.initialNodeCount ?? 3,
          config: body.nodeConfig ?? { machineType: 'e2-medium' },
        },
      ];
    const seen = new Set<string>();
    for (const p of pools) {
      this.checkPool(p, `cluster "${body.name}"`);
      if (seen.has(p.name))
        throw invalidArgument(`Duplicate node pool name "${p.name}".`);
      seen.add(p.name);
    }
    const selfLink = this.link(project, location, `clusters/${body.name}`);
    const zones = zonesOf(location);
    const cluster: ClusterRecord['cluster'] = {
      ...structuredClone(body),
      nodePools: pools.map(p => ({
        ...structuredClone(p),
        version,
        status: 'PROVISIONING',
        locations: p.locations ?? zones,
        selfLink: `${selfLink}/nodePools/${p.name}`,
      })),
      id: randomBytes(16).toString('hex'),
      location,
      zone: location,
      locations: zones,
      selfLink,
      initialClusterVersion: version,
      currentMasterVersion: version,
      currentNodeVersion: version,
      status: 'PROVISIONING',
      createTime: isoTime(),
      endpoint: '',
      masterAuth: {},
    };
    delete cluster.initialNodeCount;
    delete cluster.nodeConfig;
    const record: ClusterRecord = { project, location, cluster };
    this.clusters.set(key, record);
    const op = this.start(
      record,
      'CREATE_CLUSTER',
      this.delays.createMs,
      [
        'Creating the control plane',
        'Creating node pools',
        'Health-checking the control plane',
        'Finishing',
      ],
      () => this.provision(record, version),
    );
    return op;
  }

  private simNameFor(record: ClusterRecord): string {
    const taken = new Set(this.kubeSim.clusters.map(c => c.name));
    const plain = record.cluster.name;
    if (!taken.has(plain)) return plain;
    return `${plain}.${record.location}.${record.project}`;
  }

  private provision(record: ClusterRecord, version: string) {
    if (
      !this.clusters.has(
        this.key(record.project, record.location, record.cluster.name),
      )
    )
      return;
    const name = this.simNameFor(record);
    const sim = this.kubeSim.addCluster({
      name,
      scenario: clusterScenario(
        record.project,
        record.location,
        record.cluster,
        version,
      ),
      acceptToken: this.acceptToken,
      workloadDelayMs: this.workloadDelayMs,
    });
    record.simName = name;
    const c = record.cluster;
    c.status = 'RUNNING';
    c.endpoint = sim.server.replace(/^https:\/\//, '');
    c.masterAuth = { clusterCaCertificate: sim.caData };
    c.currentNodeCount = this.nodeCount(sim);
    for (const p of c.nodePools ?? []) p.status = 'RUNNING';
  }

  private nodeCount(sim: SimCluster) {
    return (sim as VirtualCluster).store.count('', 'nodes');
  }

  deleteCluster(project: string, location: string, name: string) {
    const record = this.record(project, location, name);
    this.checkIdle(project, location, name);
    record.cluster.status = 'STOPPING';
    return this.start(
      record,
      'DELETE_CLUSTER',
      this.delays.deleteMs,
      ['Deleting node pools', 'Deleting the control plane'],
      () => {
        if (record.simName) this.kubeSim.removeCluster(record.simName);
        this.clusters.delete(this.key(project, location, name));
      },
    );
  }

  createNodePool(
    project: string,
    location: string,
    clusterName: string,
    pool: GkeNodePool,
  ) {
    const record = this.record(project, location, clusterName);
    this.checkIdle(project, location, clusterName);
    if (record.cluster.status !== 'RUNNING')
      throw failedPrecondition(
        `Cluster "${clusterName}" is ${record.cluster.status}; node pools can be added to a RUNNING cluster.`,
      );
    this.checkPool(pool, `cluster "${clusterName}"`);
    const pools = record.cluster.nodePools ?? [];
    if (pools.some(p => p.name === pool.name))
      throw alreadyExists(
        `projects/${project}/locations/${location}/clusters/${clusterName}/nodePools/${pool.name}`,
      );
    const version = String(record.cluster.currentMasterVersion);
    const stored: GkeNodePool = {
      ...structuredClone(pool),
      version,
      status: 'PROVISIONING',
      locations: pool.locations ?? zonesOf(location),
      selfLink: `${record.cluster.selfLink}/nodePools/${pool.name}`,
    };
    pools.push(stored);
    record.cluster.nodePools = pools;
    return this.start(
      record,
      'CREATE_NODE_POOL',
      this.delays.nodePoolMs,
      ['Creating instances', 'Registering nodes'],
      () => {
        stored.status = 'RUNNING';
        if (!record.simName) return;
        const sim = this.kubeSim.cluster(record.simName) as VirtualCluster;
        const spec = nodePoolSpec(record.cluster.name, location, stored);
        const kubelet = `v${version.replace(/-gke\.\d+$/, '')}`;
        for (const node of generateNodes([spec], kubelet)) {
          if (!sim.store.get('', 'nodes', undefined, node.name))
            sim.store.create('', 'nodes', node.object);
        }
        record.cluster.currentNodeCount = this.nodeCount(sim);
      },
    );
  }

  /** Makes the next operation started end DONE with this error (google.rpc.Status) instead. */
  failNextOperation(failure: OperationFailure | undefined) {
    this.nextFailure = failure;
  }

  private start(
    record: ClusterRecord,
    type: OperationRecord['type'],
    runningMs: number,
    stages: string[],
    succeed: () => void,
  ) {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    const complete = failure
      ? () => {
          // what GKE shows of a failed operation: the resource in ERROR with the reason
          const c = record.cluster;
          if (type === 'CREATE_NODE_POOL') {
            const pool = c.nodePools?.find(p => p.status === 'PROVISIONING');
            if (pool) pool.status = 'ERROR';
          } else {
            c.status = 'ERROR';
            c.statusMessage = failure.message;
            for (const p of c.nodePools ?? [])
              if (p.status === 'PROVISIONING') p.status = 'ERROR';
          }
          throw Object.assign(new Error(failure.message), {
            code: failure.code ?? 8,
          });
        }
      : succeed;
    const op = this.operations.start({
      project: record.project,
      location: record.location,
      type,
      cluster: record.cluster.name,
      targetLink: String(record.cluster.selfLink),
      detail: `${type} ${record.cluster.name}`,
      stages,
      pendingMs: this.delays.pendingMs,
      runningMs,
      complete,
    });
    return this.operations.render(op);
  }

  getOperation(project: string, location: string, name: string) {
    const op = this.operations.get(name);
    if (
      !op ||
      op.project !== project ||
      (location !== '-' && op.location !== location)
    )
      throw notFound(
        `projects/${project}/locations/${location}/operations/${name}`,
      );
    return this.operations.render(op);
  }

  /** Removes the virtual clusters it created from kube-sim and stops its timers. */
  stop() {
    this.operations.stop();
    for (const r of this.clusters.values())
      if (r.simName) this.kubeSim.removeCluster(r.simName);
    this.clusters.clear();
  }
}
