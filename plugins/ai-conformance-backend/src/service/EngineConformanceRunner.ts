import { InputError } from '@backstage/errors';
import {
  type CertifiedVersions,
  computeVerdict,
  getChecklist,
  getChecklistVersions,
  type ConformanceReport,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  activeRequirementIds,
  cleanupActiveRuns,
  evaluate,
  KubeApiClient,
  mergeActiveResults,
  mergeArtifactResults,
  runActiveChecks,
  parseOfficialArtifact,
  parseSnapshot,
  runConformanceCheck,
  type DeclaredSolution,
  type SnapshotMetrics,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ClusterTarget } from './ClusterTarget';
import type { ActiveRunSettings } from './readActiveRunSettings';
import { connectToTarget } from './connectToTarget';
import type {
  ConformanceRunner,
  ConformanceRunOptions,
  UploadedArtifact,
} from './ConformanceRunner';

/** A report with every requirement unknown, for artifacts uploaded before any live check. */
function emptyReport(clusterName: string): ConformanceReport {
  const versions = getChecklistVersions();
  const checklist = getChecklist(versions[versions.length - 1]);
  const requirements = checklist.requirements.map(r => ({
    id: r.id,
    category: r.category,
    level: r.level,
    conditional: r.conditional,
    title: r.title,
    status: 'unknown' as const,
    method: 'artifact' as const,
    summary:
      'Not checked live yet; only uploaded official-suite results are known.',
    evidence: [],
    remediation: [],
    errors: [],
    links: r.links,
  }));
  return {
    schemaVersion: 1,
    requirementsVersion: checklist.version,
    generatedAt: new Date().toISOString(),
    cluster: { name: clusterName, platform: 'generic', accelerators: [] },
    verdict: computeVerdict(requirements),
    requirements,
    findings: [],
    stats: { apiRequests: 0, durationMs: 0 },
  };
}

/** Options of {@link EngineConformanceRunner}. */
export interface EngineConformanceRunnerOptions {
  /**
   * Samples the cluster's configured metrics source for the snapshot
   * (`snapshot.metrics`); resolves undefined when none is configured. A
   * failing or slow source resolves with `error` set, so the run goes on.
   */
  sampleMetrics?(
    entityRef: string,
    options: { signal: AbortSignal },
  ): Promise<SnapshotMetrics | undefined>;
  /** Certified platform versions the findings measure clusters against. */
  certifiedVersions?(): Promise<CertifiedVersions | undefined>;
  /** Cap on the bytes of one API response (`aiConformance.maxResponseBytes`). */
  maxResponseBytes?: number;
  /** Components the site declares (`aiConformance.solutions`). */
  solutions?: readonly DeclaredSolution[];
  /** `aiConformance.active`: images, queue, pool and deadlines of active runs. */
  active?: Omit<ActiveRunSettings, 'enabled'>;
}

/** Sockets one active run opens to the API server. */
const ACTIVE_MAX_SOCKETS = 4;

/** {@link ConformanceRunner} backed by the engine of the node package. */
export class EngineConformanceRunner implements ConformanceRunner {
  readonly #options: EngineConformanceRunnerOptions;

  constructor(options: EngineConformanceRunnerOptions = {}) {
    this.#options = options;
  }

  async run(
    target: ClusterTarget,
    options: ConformanceRunOptions,
  ): Promise<ConformanceReport> {
    const connection = await connectToTarget(target, {
      maxResponseBytes: this.#options.maxResponseBytes,
    });
    const sample = this.#options.sampleMetrics;
    const entityRef = options.entityRef;
    let passiveTotal = 0;
    const { report } = await runConformanceCheck(connection, {
      requestTimeoutMs: options.requestTimeoutMs,
      deadlineMs: options.deadlineMs,
      dryRunProbes: options.dryRunProbes,
      signal: options.signal,
      sampleMetrics:
        sample && entityRef
          ? () => sample(entityRef, { signal: options.signal })
          : undefined,
      onProgress: p => {
        passiveTotal = p.total;
        options.onProgress({ phase: p.phase, done: p.done, total: p.total });
      },
      requirementsVersion: options.requirementsVersion,
      certifiedVersions: this.#options.certifiedVersions?.(),
      solutions: this.#options.solutions,
    });
    if (options.mode !== 'active') return report;
    return this.#runActive(connection, report, passiveTotal, options);
  }

  /**
   * The active part of a run: the active checks of the report's checklist
   * under the active deadline, each step shown as the run's phase, and the
   * results merged into the passive report. Cancel and deadline end in the
   * engine's cleanup.
   */
  async #runActive(
    connection: Awaited<ReturnType<typeof connectToTarget>>,
    report: ConformanceReport,
    passiveTotal: number,
    options: ConformanceRunOptions,
  ): Promise<ConformanceReport> {
    const active = this.#options.active;
    const client = await KubeApiClient.create(connection, {
      maxSockets: ACTIVE_MAX_SOCKETS,
    });
    const requirementIds = report.requirements.map(r => r.id);
    const wanted = new Set(requirementIds);
    const checks = activeRequirementIds().filter(id => wanted.has(id));
    const done = new Set<string>();
    const total = passiveTotal + checks.length;
    const run = await runActiveChecks(client, {
      images: active?.images,
      localQueue: active?.localQueue,
      autoscalingPool: active?.autoscalingPool,
      deadlineMs: active?.deadlineMs,
      checkDeadlineMs: active?.checkDeadlineMs,
      cleanupTimeoutMs: active?.cleanupTimeoutMs,
      pollIntervalMs: active?.pollIntervalMs,
      gangObserveMs: active?.gangObserveMs,
      requestTimeoutMs: options.requestTimeoutMs,
      runId: options.runId,
      requirementIds,
      signal: options.signal,
      onProgress: e => {
        if (e.step === 'done') done.add(e.check);
        options.onProgress({
          phase:
            e.check === 'run'
              ? `active: ${e.step}`
              : `active ${e.check}: ${e.step}`,
          done: passiveTotal + done.size,
          total,
        });
      },
    });
    return mergeActiveResults(report, run);
  }

  async cleanupActiveRun(
    target: ClusterTarget,
    runId: string,
  ): Promise<{ deleted: string[]; errors: string[] }> {
    const connection = await connectToTarget(target, {
      maxResponseBytes: this.#options.maxResponseBytes,
    });
    const client = await KubeApiClient.create(connection, {
      maxSockets: ACTIVE_MAX_SOCKETS,
    });
    const { deleted, errors } = await cleanupActiveRuns(client, {
      runId,
      timeoutMs: this.#options.active?.cleanupTimeoutMs,
      pollIntervalMs: this.#options.active?.pollIntervalMs,
    });
    return { deleted, errors };
  }

  async evaluateSnapshot(snapshot: unknown): Promise<ConformanceReport> {
    // Throws InputError naming the first invalid fields (or a credential).
    const parsed = parseSnapshot(snapshot);
    try {
      return evaluate(parsed, {
        certifiedVersions: await this.#options.certifiedVersions?.(),
        solutions: this.#options.solutions,
      });
    } catch (error) {
      if ((error as Error).name === 'InputError') throw error;
      throw new InputError(
        `The snapshot could not be evaluated: ${(error as Error).message}`,
      );
    }
  }

  async evaluateArtifacts(
    artifacts: UploadedArtifact[],
    base: ConformanceReport | undefined,
    clusterName: string,
  ): Promise<ConformanceReport> {
    const results = artifacts.map(a =>
      parseOfficialArtifact(a.kind, a.content),
    );
    const merged = mergeArtifactResults(
      base ?? emptyReport(clusterName),
      results,
    );
    return { ...merged, generatedAt: new Date().toISOString() };
  }
}
