import { sampleReport } from '../__testUtils__/fixtures';
import { reportToMarkdown } from './reportToMarkdown';

describe('reportToMarkdown', () => {
  it('writes the verdict, counts, table and remediation commands', () => {
    const md = reportToMarkdown(sampleReport(), 'resource:default/gke-ai-prod');
    expect(md).toContain('# Kubernetes AI Conformance: gke-ai-prod');
    expect(md).toContain('- Verdict: **Not conformant**');
    expect(md).toContain('- MUST passed: 1/3');
    expect(md).toContain('- SHOULD passed: 1/1');
    expect(md).toContain(
      '| Inference ingress (Gateway API) (`ai_inference`) | Networking | MUST | Fail |',
    );
    expect(md).toContain(
      'gcloud container clusters update gke-ai-prod --gateway-api=standard',
    );
    expect(md).toContain(
      '- list apiextensions.k8s.io/v1 customresourcedefinitions: forbidden — 403 Forbidden (needs list on customresourcedefinitions)',
    );
    expect(md).toContain('- **warning**: GKE 1.34.0-gke.1500000');
  });

  it('escapes pipes in table cells', () => {
    const report = sampleReport();
    report.requirements[0].title = 'A | B';
    expect(reportToMarkdown(report)).toContain('| A \\| B (`dra_support`)');
  });
});
