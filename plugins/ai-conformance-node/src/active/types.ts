import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeRequest, KubeResponse } from '../cluster/KubeApiClient';
import type { ActiveImages } from './activeImages';
import type { KubeOps } from './KubeOps';

/**
 * What an active run needs of a Kubernetes client (a `KubeApiClient` has it).
 *
 * @public
 */
export interface ActiveClient {
  request(req: KubeRequest): Promise<KubeResponse>;
}

/**
 * One permission an active check uses. `scope: 'run'` is the run's own
 * namespace (or, for jobs on a configured LocalQueue, that queue's
 * namespace); `cluster` a cluster-scoped resource; `all` a list across
 * namespaces.
 *
 * @public
 */
export interface ActivePermission {
  group: string;
  resource: string;
  /** e.g. `log` for pods/log. */
  subresource?: string;
  verbs: string[];
  scope: 'run' | 'cluster' | 'all';
}

/**
 * Options of an active run (every field optional).
 *
 * @public
 */
export interface ActiveCheckOptions {
  /** Image overrides, e.g. for an air-gapped mirror. */
  images?: Partial<ActiveImages>;
  /**
   * An existing Kueue LocalQueue (`namespace/name`) to submit the gangs to;
   * default: a ResourceFlavor, ClusterQueue and LocalQueue made for the run.
   */
  localQueue?: string;
  /**
   * The autoscaled pool as a node label `key=value`; default: the pool label
   * of the first accelerator node.
   */
  autoscalingPool?: string;
  /** How often a check polls what it waits for; default 1000 ms. */
  pollIntervalMs?: number;
  /** How long gang_scheduling watches the gang that must not run; default 10 s. */
  gangObserveMs?: number;
  /**
   * How long pod_autoscaling waits, once the custom metric is served, for
   * the HPA to scale before it reports `fail`; default 120 s.
   */
  hpaObserveMs?: number;
  /**
   * cluster_autoscaling also deletes its pods and waits for the added node
   * to be removed (needs a deadline longer than the autoscaler's scale-down
   * delay); default false.
   */
  observeScaleDown?: boolean;
}

/**
 * A step of an active run as it happens, for live progress.
 *
 * @public
 */
export interface ActiveProgressEvent {
  /** Requirement id, or `run` for the runner's own steps. */
  check: string;
  step: string;
  message: string;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

/**
 * An active check's verdict. `unknown` whenever a step could not run (no
 * capacity, no permission, deadline, unrecognised output): never `fail`
 * without something observed that shows the capability broken.
 *
 * @public
 */
export interface ActiveCheckResult {
  id: string;
  status: 'pass' | 'fail' | 'unknown';
  summary: string;
  evidence: Evidence[];
  /** How long the check ran. */
  durationMs: number;
}

/**
 * What a check gets to work with.
 *
 * @public
 */
export interface ActiveCheckContext {
  kube: KubeOps;
  /** The run's namespace (exists, labelled with the run id). */
  namespace: string;
  runId: string;
  /** Labels every created object carries. */
  labels: Record<string, string>;
  images: ActiveImages;
  options: ActiveCheckOptions;
  /** Aborted at the check's deadline, the run's deadline or on cancel. */
  signal: AbortSignal;
  /** Reports a step (live progress and the evidence's timings). */
  step(step: string, message: string): void;
  /**
   * Milliseconds left before the check must end (its own deadline or the
   * run's, whichever is first), less a margin for its last steps.
   */
  remainingMs(): number;
  /** True when the run's deadline, not the check's, ends the check first. */
  boundByRunDeadline(): boolean;
}

/**
 * One active check: the requirement it tests, what it creates, its deadline
 * and how it runs.
 *
 * @public
 */
export interface ActiveCheck {
  id: string;
  /** One line per kind of object it creates, for docs and evidence. */
  creates: string[];
  /** Every permission it uses (preflight and the generated ClusterRole). */
  permissions: ActivePermission[];
  /** Default deadline of the check. */
  deadlineMs: number;
  run(ctx: ActiveCheckContext): Promise<Omit<ActiveCheckResult, 'durationMs'>>;
}
