import type {
  ClusterSummary,
  ConformanceReport,
  RequirementResult,
  RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';

/** Test data shared by the component tests. */
export function requirement(
  overrides: Partial<RequirementResult> & Pick<RequirementResult, 'id'>,
): RequirementResult {
  return {
    category: 'accelerators',
    level: 'MUST',
    conditional: false,
    title: overrides.id,
    status: 'pass',
    method: 'passive',
    summary: `${overrides.id} summary`,
    evidence: [],
    remediation: [],
    errors: [],
    ...overrides,
  };
}

export function sampleReport(
  overrides: Partial<ConformanceReport> = {},
): ConformanceReport {
  return {
    schemaVersion: 1,
    requirementsVersion: '1.34',
    generatedAt: '2026-11-20T10:00:00.000Z',
    cluster: {
      name: 'gke-ai-prod',
      kubernetesVersion: 'v1.34.1-gke.1829001',
      platform: 'gke',
      nodeCount: 4,
      accelerators: [],
    },
    verdict: 'not-conformant',
    requirements: [
      requirement({
        id: 'dra_support',
        title: 'Dynamic Resource Allocation',
        status: 'pass',
        summary: 'resource.k8s.io/v1 is served.',
        evidence: [
          {
            description: 'API group resource.k8s.io/v1 is served',
            fields: { groupVersion: 'resource.k8s.io/v1' },
          },
        ],
      }),
      requirement({
        id: 'ai_inference',
        category: 'networking',
        title: 'Inference ingress (Gateway API)',
        status: 'fail',
        summary: 'No GatewayClass is Accepted.',
        remediation: [
          {
            description: 'Enable the Gateway API on the cluster.',
            platform: 'gke',
            command:
              'gcloud container clusters update gke-ai-prod --gateway-api=standard',
          },
        ],
      }),
      requirement({
        id: 'gang_scheduling',
        category: 'schedulingOrchestration',
        title: 'Gang scheduling',
        status: 'unknown',
        summary: 'Could not list CRDs: forbidden.',
        errors: [
          {
            read: 'list apiextensions.k8s.io/v1 customresourcedefinitions',
            outcome: 'forbidden',
            message: '403 Forbidden',
            hint: 'needs list on customresourcedefinitions',
          },
        ],
      }),
      requirement({
        id: 'gpu_sharing',
        level: 'SHOULD',
        title: 'GPU sharing',
        status: 'pass',
        summary: 'Time-sharing is configured.',
      }),
    ],
    findings: [
      {
        id: 'gke-certified-version',
        severity: 'warning',
        summary:
          'GKE 1.34.0-gke.1500000 is older than the certified 1.34.0-gke.1662000.',
      },
    ],
    stats: { apiRequests: 42, durationMs: 900 },
    ...overrides,
  };
}

export function sampleRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: 'run-1',
    entityRef: 'resource:default/gke-ai-prod',
    status: 'succeeded',
    trigger: 'user',
    progress: { done: 16, total: 16, phase: 'evaluate' },
    createdAt: '2026-11-20T09:59:00.000Z',
    finishedAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'user:default/guest',
    verdict: 'not-conformant',
    requirementsVersion: '1.34',
    ...overrides,
  };
}

export function sampleSummary(
  overrides: Partial<ClusterSummary> & Pick<ClusterSummary, 'entityRef'>,
): ClusterSummary {
  return {
    verdict: 'conformant',
    requirementsVersion: '1.34',
    mustPassed: 9,
    mustTotal: 9,
    shouldPassed: 1,
    shouldTotal: 2,
    platform: 'gke',
    kubernetesVersion: 'v1.34.1',
    lastRunAt: '2026-11-20T10:00:00.000Z',
    statuses: { dra_support: 'pass', ai_inference: 'pass' },
    ...overrides,
  };
}
