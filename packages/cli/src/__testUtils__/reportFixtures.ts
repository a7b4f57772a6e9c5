import {
  computeVerdict,
  getChecklist,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ConformanceReport,
  RequirementResult,
  RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * A report over the real catalog of `version`, every requirement passing
 * unless `statuses` says otherwise. For formatter and exit-code tests.
 */
export function makeReport(
  version: string,
  statuses: Record<string, RequirementStatus> = {},
): ConformanceReport {
  const requirements: RequirementResult[] = getChecklist(
    version,
  ).requirements.map(req => {
    const status = statuses[req.id] ?? 'pass';
    return {
      id: req.id,
      category: req.category,
      level: req.level,
      conditional: req.conditional,
      title: req.title,
      status,
      method: 'passive',
      summary:
        status === 'pass'
          ? `${req.title}: found`
          : `${req.title}: ${status} <reason & "quotes">`,
      evidence:
        status === 'pass'
          ? [
              {
                description: `${req.id} object found`,
                url: `https://docs.example.com/${req.id}`,
              },
            ]
          : [],
      remediation:
        status === 'fail'
          ? [
              {
                description: `Install something for ${req.id}`,
                command: 'kubectl apply -f x.yaml',
              },
            ]
          : [],
      errors:
        status === 'unknown'
          ? [
              {
                read: `list ${req.id}`,
                outcome: 'forbidden',
                message: 'forbidden',
                hint: `needs list on ${req.id}`,
              },
            ]
          : [],
    };
  });
  return {
    schemaVersion: 1,
    requirementsVersion: version,
    generatedAt: '2026-01-01T00:00:00.000Z',
    cluster: {
      name: 'demo',
      server: 'https://127.0.0.1:6443',
      kubernetesVersion: `v${version}.2`,
      platform: 'gke',
      nodeCount: 3,
      accelerators: [],
    },
    verdict: computeVerdict(requirements),
    requirements,
    findings: [],
    stats: { apiRequests: 12, durationMs: 345 },
  };
}

/** Submission metadata of a demo platform, complete and valid. */
export const DEMO_METADATA = {
  platformName: 'Demo Platform',
  platformVersion: '1.0.0',
  vendorName: 'Demo Vendor',
  websiteUrl: 'https://demo.example.com',
  documentationUrl: 'https://demo.example.com/docs',
  productLogoUrl: 'https://demo.example.com/logo.svg',
  description: 'A demo platform.',
  contactEmailAddress: 'team@demo.example.com',
  k8sConformanceUrl:
    'https://github.com/cncf/k8s-conformance/tree/master/v1.34/demo',
};
