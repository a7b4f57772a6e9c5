/** A Kubernetes object as served: plain JSON. */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

/** A fault injected into requests of one virtual cluster. */
export interface FaultSpec {
  /** Regex matched against the path after the cluster prefix; omitted = all paths. */
  path?: string;
  latencyMs?: number;
  jitterMs?: number;
  /** 0..1: share of requests answered with `status` (default 500) and a Status body. */
  errorRate?: number;
  status?: number;
  /** Never answer (the socket stays open until stop()). */
  hang?: boolean;
  /** 200 with a truncated JSON body. */
  malformed?: boolean;
  /** Destroy the socket. */
  reset?: boolean;
  /**
   * Breaks aggregated discovery only: `/api` and `/apis` answers in the `apidiscovery.k8s.io`
   * format are replaced by this fault, while the same paths asked for plain JSON still serve
   * legacy discovery.
   */
  aggregatedDiscovery?: AggregatedDiscoveryFault;
  /** A `200` answer whose body is not what the path serves. */
  malformedBody?: MalformedBodyFault;
  /**
   * Answers `200` with a JSON list of about this many bytes, generated while it streams (a
   * server or proxy sending far more than any page); stops when the client goes away.
   */
  oversizedBody?: number;
  /**
   * Answers this status with a `text/plain` body echoing the request line and headers,
   * `Authorization` included (a misconfigured proxy or debugging endpoint in front of the server).
   */
  echoRequest?: number;
  /** Regexes of paths exempt from this fault, e.g. ['^/version$']. */
  except?: string[];
  /** Regex matched against the raw query string (`limit=500&continue=...`); omitted = any. */
  query?: string;
  /** Regex matched against the `Accept` header, e.g. `as=PartialObjectMetadataList`; omitted = any. */
  accept?: string;
  /** The fault applies to the first this-many matching requests only (e.g. a 429 that clears on retry). */
  times?: number;
}

/**
 * How aggregated discovery breaks: `truncated` (first half of the body), `malformed` (JSON whose
 * `items` is not a list), `wrong-content-type` (the aggregated body labelled `application/json`),
 * `missing-groups` (the second half of the groups left out), `503` or `406` (a Status answer),
 * `unsupported` (a server without aggregated discovery, Kubernetes before 1.26 or with the
 * `AggregatedDiscoveryEndpoint` feature off: it skips the `apidiscovery.k8s.io` media types in
 * `Accept` and answers the next one it knows, legacy `APIVersions` / `APIGroupList`, or `406`).
 */
export type AggregatedDiscoveryFault =
  | 'truncated'
  | 'unsupported'
  | 'malformed'
  | 'wrong-content-type'
  | 'missing-groups'
  | 503
  | 406;

/**
 * How a body is malformed: `truncated` (first half of the JSON), `not-json` (an HTML sign-in
 * page), `wrong-shape` (JSON without its payload: a list without `items`, an object without
 * `metadata`, a discovery document without its `resources` / `groups` / `versions`).
 */
export type MalformedBodyFault = 'truncated' | 'not-json' | 'wrong-shape';

/** One RBAC rule, the way a ClusterRole writes it. */
export interface RbacRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
}

/** One field check of an admission rule. */
export interface AdmissionCheck {
  /** Dotted path into the object, e.g. `spec.headGroupSpec.template`. */
  path: string;
  /** The path must be present (default) or must be absent. */
  mustExist?: boolean;
  /** When set, the value at the path must be one of these. */
  oneOf?: unknown[];
  /** The field error text, e.g. `Required value`. */
  message: string;
}

/** A validating webhook the scenario simulates. */
export interface AdmissionRule {
  /** Webhook name, e.g. `vraycluster.kb.io`. */
  webhook: string;
  group: string;
  resource: string;
  operations?: Array<'CREATE' | 'UPDATE'>;
  /** HTTP code of the denial (422 by default, as an Invalid error). */
  code?: number;
  checks: AdmissionCheck[];
}

/** A node pool generator: `count` nodes sharing labels, taints and capacity. */
export interface NodePoolSpec {
  name: string;
  count: number;
  /** Node name pattern; `{pool}`, `{hash}`, `{index}` (zero-padded), `{n}` (plain index) and `{suffix}` (4 letters) are replaced. */
  namePattern?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  capacity: Record<string, string>;
  allocatable?: Record<string, string>;
  zones?: string[];
  nodeInfo?: Record<string, string>;
  /** GPU model shown by the DCGM endpoint, e.g. `NVIDIA L4`; only for GPU pools. */
  gpuModel?: string;
  /** Physical GPUs per node (the DCGM endpoint shows one series per GPU). */
  gpusPerNode?: number;
  /** Publishes one DRA ResourceSlice per node for this driver, one device per GPU. */
  resourceSlice?: {
    driver: string;
    attributes?: Record<string, Record<string, string | number | boolean>>;
  };
  /** Cluster autoscaler bounds of the pool; the simulated autoscaler adds nodes up to `maxNodeCount`. */
  autoscaling?: { minNodeCount?: number; maxNodeCount: number };
  /** The nodes' `spec.providerID`; `{name}`, `{zone}` and `{n}` are replaced (GKE pools get a gce:// one by default). */
  providerID?: string;
  /** Marks the nodes as control plane (roles column). */
  controlPlane?: boolean;
  createdAt?: string;
}

/** Generates many pods spread over the nodes, without writing each one. */
export interface PodGeneratorSpec {
  count: number;
  namespaces: string[];
  /** Pod name prefix; the index is appended. */
  namePrefix: string;
  image: string;
  labels?: Record<string, string>;
  /** Only nodes of these pools receive pods (default: all). */
  pools?: string[];
  requests?: Record<string, string>;
  phase?: string;
}

/** A CRD shorthand expanded into a full CustomResourceDefinition. */
export interface CrdSpec {
  group: string;
  kind: string;
  plural: string;
  singular?: string;
  listKind?: string;
  scope?: 'Namespaced' | 'Cluster';
  versions: string[];
  shortNames?: string[];
  categories?: string[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  printerColumns?: Array<{ name: string; type: string; jsonPath: string }>;
  subresources?: string[];
}

/** A workload shorthand: a Deployment or DaemonSet with its pods. */
export interface WorkloadSpec {
  kind: 'Deployment' | 'DaemonSet' | 'StatefulSet';
  name: string;
  namespace: string;
  image: string;
  replicas?: number;
  labels?: Record<string, string>;
  /** DaemonSet: only nodes whose labels contain all of these. */
  nodeSelector?: Record<string, string>;
  tolerations?: Array<Record<string, string>>;
  requests?: Record<string, string>;
  /** Desired but not ready (status shows unavailable replicas). */
  unavailable?: boolean;
}

/**
 * How the virtual cluster runs workloads (scheduler, kubelet, Job controller, Kueue, cluster
 * autoscaler, operators). Every switch defaults to the healthy behaviour; the others break one
 * property on purpose.
 */
export interface WorkloadRuntimeSpec {
  /** `leaks`: every container on a GPU node sees all of the node's GPUs. */
  isolation?: 'enforced' | 'leaks';
  /** `partial`: Kueue admits a Workload without checking that all of its pods fit the quota. */
  gang?: 'whole' | 'partial';
  /** `stuck`: the cluster autoscaler never adds a node. */
  autoscaler?: 'working' | 'stuck';
  /** `absent`: the scenario's admission rules (operator webhooks) are not enforced. */
  webhook?: 'present' | 'absent';
  /** `never`: operators never write the status of their custom resources. */
  reconcile?: 'working' | 'never';
  /** `shared-kernel`: sandboxed pods report the node's kernel. */
  sandbox?: 'isolated' | 'shared-kernel';
  /** `stuck`: the horizontal pod autoscaler controller never acts (no status, no rescale). */
  hpa?: 'working' | 'stuck';
  /** `absent`: the custom-metrics adapter answers no value for what pods expose. */
  metrics?: 'served' | 'absent';
  /** Horizontal pod autoscaler sync period (default 1000; kube-controller-manager's is 15 s). */
  hpaSyncMs?: number;
  /** Bound pod → Running (default 200). */
  startDelayMs?: number;
  /** How long a pod stays Unschedulable before the autoscaler adds a node (default 1000). */
  scaleUpDelayMs?: number;
  /** Added node → Ready (default 500). */
  nodeReadyDelayMs?: number;
  /** How long an added node stays empty before it is removed (default 10000). */
  scaleDownDelayMs?: number;
  /** Custom resource created → status written by its operator (default 300). */
  reconcileDelayMs?: number;
  /** Namespace Terminating → gone (default 100). */
  namespaceDeletionDelayMs?: number;
  /** The device-plugin resource of the accelerators (default `nvidia.com/gpu`). */
  acceleratorResource?: string;
  /** Kernel release per sandbox RuntimeClass handler (defaults: gvisor/runsc `4.4.0`, kata `6.1.62`). */
  sandboxKernels?: Record<string, string>;
  /** The status an operator writes for a kind (default: `conditions: [Ready=True]`). */
  operatorStatus?: Array<{
    group: string;
    resource: string;
    status: Record<string, unknown>;
  }>;
}

/** An aggregated API group served through an APIService. */
export interface AggregatedApiSpec {
  group: string;
  versions: Array<{
    version: string;
    resources: Array<{
      name: string;
      kind: string;
      namespaced: boolean;
      verbs: string[];
    }>;
  }>;
}

/** A parsed scenario (after `extends` was resolved). */
export interface Scenario {
  name: string;
  description?: string;
  extends?: string;
  /** Strings `${var}` in objects are replaced by these values. */
  vars?: Record<string, string>;
  version: {
    gitVersion: string;
    platform?: string;
    buildDate?: string;
    goVersion?: string;
  };
  /** The identity the scenario's token authenticates as. */
  user?: { username: string; groups?: string[] };
  /** Omitted = cluster-admin. */
  rbac?: { rules: RbacRule[] };
  nodePools?: NodePoolSpec[];
  podGenerators?: PodGeneratorSpec[];
  crds?: CrdSpec[];
  workloads?: WorkloadSpec[];
  aggregatedApis?: AggregatedApiSpec[];
  objects?: KubeObject[];
  /** Objects of the extended scenario to drop: `Kind/name` or `Kind/namespace/name`; `Kind/*` drops every one. */
  remove?: string[];
  admission?: AdmissionRule[];
  /**
   * How workloads run (switches and delays). In a scenario file, a `workloads:` mapping (rather
   * than a list of workload shorthands) means the same.
   */
  runtime?: WorkloadRuntimeSpec;
  faults?: FaultSpec[];
  /** Continue tokens older than this answer 410 Gone (default 300000). */
  continueTokenTtlMs?: number;
}

/** One entry of a cluster's request log. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  /** The request's `Accept` header ('' when absent). */
  accept: string;
  status: number;
  durationMs: number;
  at: string;
}

/** One virtual cluster of a running kube-sim. */
export interface SimCluster {
  name: string;
  scenario: string;
  /** https://HOST:PORT/clusters/<name> */
  server: string;
  /** Bearer token for this cluster. */
  token: string;
  caData: string;
  kubeconfigPath?: string;
  /** Scrape URLs of this cluster's DCGM endpoints, one per GPU node. */
  metricsTargets: string[];
  requestCount(): number;
  requestLog(): RequestLogEntry[];
  resetCounters(): void;
  /** Replaces the faults at run time (scenario faults included). */
  setFaults(faults: FaultSpec[]): void;
  /** Makes every continue token issued so far answer 410 Gone. */
  expireContinueTokens(): void;
}

/** A running kube-sim. */
export interface KubeSim {
  /** https://HOST:PORT */
  url: string;
  /** Base64 of the CA PEM. */
  caData: string;
  /** http://HOST:PORT2 when metrics are served. */
  metricsUrl?: string;
  /** Path of the kubeconfig with one context per cluster, when kubeconfigDir was given. */
  kubeconfigPath?: string;
  clusters: SimCluster[];
  cluster(name: string): SimCluster;
  /**
   * Adds a virtual cluster to the running server, served at `<url>/clusters/<name>` (a cluster
   * created at run time, e.g. by the Container API double); its kubeconfig is written when
   * `kubeconfigDir` was given.
   */
  addCluster(cluster: SimClusterOptions): SimCluster;
  /** Stops and removes a virtual cluster; its paths answer 404 afterwards. False if unknown. */
  removeCluster(name: string): boolean;
  stop(): Promise<void>;
}

/** One virtual cluster to serve. */
export interface SimClusterOptions {
  name: string;
  scenario: string | Scenario;
  token?: string;
  faults?: FaultSpec[];
  /** Other bearer tokens the cluster accepts besides its own (e.g. Google tokens of a service account). */
  acceptToken?: (token: string) => boolean;
  /**
   * How long a Deployment, DaemonSet or StatefulSet created or changed through the API takes to
   * get its pods and status (default 1000 ms).
   */
  workloadDelayMs?: number;
  /** Overrides the scenario's workload switches and delays for this cluster. */
  workloads?: WorkloadRuntimeSpec;
}

/** Options of startKubeSim. */
export interface KubeSimOptions {
  clusters: SimClusterOptions[];
  host?: string;
  port?: number;
  kubeconfigDir?: string;
  metrics?: boolean;
  metricsPort?: number;
  /** Overrides the scenarios' workload switches and delays for every cluster. */
  workloads?: WorkloadRuntimeSpec;
}
