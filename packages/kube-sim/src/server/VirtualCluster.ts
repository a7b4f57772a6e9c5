import type {
  FaultSpec,
  KubeObject,
  RequestLogEntry,
  SimCluster,
  WorkloadRuntimeSpec,
} from '../types';
import { AdmissionController } from '../api/AdmissionController';
import { ApiCatalog } from '../api/ApiCatalog';
import { RbacAuthorizer } from '../api/RbacAuthorizer';
import { RequestHandler } from '../api/RequestHandler';
import { ReviewResponder } from '../api/ReviewResponder';
import type { ScenarioModel } from '../scenario/ScenarioModel';
import { ClusterStore } from '../store/ClusterStore';
import { FaultInjector } from './FaultInjector';
import {
  installWorkloadControllers,
  podLogOf,
  podMetricsOf,
} from '../workloads/installWorkloadControllers';
import { customMetricsAnswer } from '../workloads/customMetrics';
import {
  resolveWorkloadSettings,
  type WorkloadSettings,
} from '../workloads/WorkloadSettings';

/** A mutating admission step (as a mutating webhook): returns the object to store. */
export type Mutator = (
  operation: 'CREATE' | 'UPDATE',
  group: string,
  resource: string,
  object: KubeObject,
) => KubeObject;

const LOG_LIMIT = 10_000;

/**
 * A controller running inside one virtual cluster (a scheduler, a kubelet, an operator...).
 * `start` is called once when it is added to the cluster, `stop` when the cluster stops; a
 * controller clears every timer it set in `stop`.
 */
export interface ClusterController {
  readonly name: string;
  start(cluster: VirtualCluster): void;
  stop(): void;
}

/** One virtual cluster: its store, API handler, faults, counters and request log. */
export class VirtualCluster implements SimCluster {
  readonly handler: RequestHandler;
  readonly faults: FaultInjector;
  readonly store: ClusterStore;
  kubeconfigPath?: string;
  metricsTargets: string[] = [];
  /** Other bearer tokens this cluster accepts besides its own. */
  acceptToken?: (token: string) => boolean;
  private count = 0;
  private log: RequestLogEntry[] = [];
  private epoch = 0;
  private readonly controllers: ClusterController[] = [];
  private readonly mutators: Mutator[] = [];
  /** How this cluster runs workloads (scenario switches and delays with overrides applied). */
  readonly workloads: WorkloadSettings;
  private stopped = false;

  constructor(
    readonly name: string,
    readonly model: ScenarioModel,
    readonly token: string,
    readonly server: string,
    readonly caData: string,
    faults: FaultSpec[] | undefined,
    workloads?: WorkloadRuntimeSpec,
  ) {
    const scenario = model.scenario;
    this.workloads = resolveWorkloadSettings(scenario.runtime, workloads);
    this.store = new ClusterStore(model);
    const username =
      scenario.user?.username ?? 'system:serviceaccount:ai-conformance:checker';
    const authorizer = new RbacAuthorizer(scenario.rbac?.rules, username);
    this.faults = new FaultInjector(faults ?? scenario.faults ?? []);
    this.handler = new RequestHandler({
      scenario,
      store: this.store,
      catalog: new ApiCatalog(this.store),
      authorizer,
      admission: new AdmissionController(
        this.workloads.webhook === 'absent' ? [] : scenario.admission ?? [],
      ),
      mutate: (operation, group, resource, object) =>
        this.mutators.reduce(
          (o, m) => m(operation, group, resource, o),
          object,
        ),
      podLog: (pod, container) => podLogOf(this, pod, container),
      customMetrics: query =>
        customMetricsAnswer(this.store, pod => podMetricsOf(this, pod), query),
      reviews: new ReviewResponder(
        authorizer,
        scenario.user?.groups ?? [
          'system:serviceaccounts',
          'system:serviceaccounts:ai-conformance',
          'system:authenticated',
        ],
      ),
      continueTtlMs: scenario.continueTokenTtlMs ?? 300_000,
      continueEpoch: () => this.epoch,
    });
    installWorkloadControllers(this, this.workloads);
  }

  get scenario(): string {
    return this.model.scenario.name;
  }

  /** Counts a request as it arrives. */
  countRequest() {
    this.count++;
  }

  record(entry: RequestLogEntry) {
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT)
      this.log.splice(0, this.log.length - LOG_LIMIT);
  }

  requestCount(): number {
    return this.count;
  }

  requestLog(): RequestLogEntry[] {
    return [...this.log];
  }

  resetCounters(): void {
    this.count = 0;
    this.log = [];
  }

  setFaults(faults: FaultSpec[]): void {
    this.faults.set(faults);
  }

  expireContinueTokens(): void {
    this.epoch++;
  }

  /** Starts a controller now; it is stopped with the cluster. */
  addController(controller: ClusterController): void {
    if (this.stopped) throw new Error(`Cluster "${this.name}" is stopped`);
    this.controllers.push(controller);
    controller.start(this);
  }

  /** Adds a mutating admission step applied to every create and update. */
  addMutator(mutator: Mutator): void {
    this.mutators.push(mutator);
  }

  /** The controller of that name, if one was added. */
  controller<T extends ClusterController>(name: string): T | undefined {
    return this.controllers.find(c => c.name === name) as T | undefined;
  }

  /** Stops every controller (in reverse order of their start). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const c of [...this.controllers].reverse()) c.stop();
  }
}
