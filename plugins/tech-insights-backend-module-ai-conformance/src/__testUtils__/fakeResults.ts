import type {
  ConformanceReport,
  RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  AiConformanceService,
  ClusterLatestResult,
} from '@ai-conformance/plugin-ai-conformance-node';

/** A stored result with the given requirement statuses. */
export function latestResult(options: {
  entityRef: string;
  verdict: ConformanceReport['verdict'];
  statuses: Array<[string, 'MUST' | 'SHOULD', RequirementStatus]>;
  platform?: ConformanceReport['cluster']['platform'];
  kubernetesVersion?: string;
  gpus?: number;
  lastRunAt: string;
}): ClusterLatestResult {
  const report: ConformanceReport = {
    schemaVersion: 1,
    requirementsVersion: '1.34',
    generatedAt: options.lastRunAt,
    verdict: options.verdict,
    cluster: {
      name: options.entityRef.split('/')[1],
      platform: options.platform ?? 'gke',
      kubernetesVersion: options.kubernetesVersion ?? 'v1.34.1-gke.1829001',
      accelerators: [
        {
          resource: 'nvidia.com/gpu',
          type: 'nvidia-l4',
          nodes: options.gpus ?? 0,
          capacity: options.gpus ?? 0,
          allocatable: options.gpus ?? 0,
        },
      ],
    },
    requirements: options.statuses.map(([id, level, status]) => ({
      id,
      level,
      status,
      category: 'accelerators',
      conditional: false,
      title: id,
      method: 'passive',
      summary: `${id} is ${status}`,
      evidence: [],
      remediation: [],
      errors: [],
    })),
    findings: [],
    stats: { apiRequests: 10, durationMs: 100 },
  };
  return {
    report,
    summary: {
      entityRef: options.entityRef,
      verdict: options.verdict,
      requirementsVersion: '1.34',
      mustPassed: 0,
      mustTotal: 0,
      shouldPassed: 0,
      shouldTotal: 0,
      platform: report.cluster.platform,
      kubernetesVersion: report.cluster.kubernetesVersion ?? null,
      lastRunAt: options.lastRunAt,
    },
  };
}

/** An AiConformanceService that serves fixed latest results. */
export function fakeService(
  results: ClusterLatestResult[],
): AiConformanceService {
  return {
    getLatest: async ref => results.find(r => r.summary.entityRef === ref),
    listLatest: async () => results,
    requestRun: async () => {
      throw new Error('not used');
    },
    getRun: async () => undefined,
    onRunFinished: () => () => {},
  };
}
