import { InputError } from '@backstage/errors';
import {
  type CertifiedVersions,
  computeVerdict,
  getChecklist,
  getChecklistVersions,
  type ConformanceReport,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  evaluate,
  mergeArtifactResults,
  parseGoTestJsonArtifact,
  parseJUnitArtifact,
  parseSnapshot,
  runConformanceCheck,
  type DeclaredSolution,
  type SnapshotMetrics,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ClusterTarget } from './ClusterTarget';
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
}

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
    const { report } = await runConformanceCheck(connection, {
      requestTimeoutMs: options.requestTimeoutMs,
      deadlineMs: options.deadlineMs,
      dryRunProbes: options.dryRunProbes,
      signal: options.signal,
      sampleMetrics:
        sample && entityRef
          ? () => sample(entityRef, { signal: options.signal })
          : undefined,
      onProgress: p =>
        options.onProgress({ phase: p.phase, done: p.done, total: p.total }),
      requirementsVersion: options.requirementsVersion,
      certifiedVersions: this.#options.certifiedVersions?.(),
      solutions: this.#options.solutions,
    });
    return report;
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
      a.kind === 'junit'
        ? parseJUnitArtifact(a.content, 'junit.xml')
        : parseGoTestJsonArtifact(a.content, 'results.json'),
    );
    const merged = mergeArtifactResults(
      base ?? emptyReport(clusterName),
      results,
    );
    return { ...merged, generatedAt: new Date().toISOString() };
  }
}
