import { parse } from 'yaml';
import { getChecklist } from '../catalog';
import { buildProductYamlDraft } from './buildProductYamlDraft';
import type { ConformanceReport, RequirementResult } from '../types';

function req(
  p: Partial<RequirementResult> & Pick<RequirementResult, 'id' | 'status'>,
): RequirementResult {
  return {
    category: 'accelerators',
    level: 'MUST',
    conditional: false,
    title: p.id,
    method: 'passive',
    summary: `summary of ${p.id}`,
    evidence: [],
    remediation: [],
    errors: [],
    ...p,
  };
}

const report: ConformanceReport = {
  schemaVersion: 1,
  requirementsVersion: '1.35',
  generatedAt: '2026-01-01T00:00:00.000Z',
  cluster: {
    name: 'gke-a',
    platform: 'gke',
    kubernetesVersion: 'v1.35.0-gke.2232000',
    accelerators: [],
  },
  verdict: 'incomplete',
  requirements: [
    req({
      id: 'dra_support',
      status: 'pass',
      evidence: [
        {
          description: 'resource.k8s.io/v1 is served',
          object: {
            apiVersion: 'v1',
            kind: 'APIService',
            name: 'v1.resource.k8s.io',
          },
        },
      ],
    }),
    req({ id: 'ai_inference', category: 'networking', status: 'unknown' }),
    req({
      id: 'gpu_sharing',
      level: 'SHOULD',
      status: 'fail',
      evidence: [{ description: 'x', url: 'https://example.com/e' }],
    }),
    req({
      id: 'robust_controller',
      category: 'operator',
      status: 'not-applicable',
      conditional: true,
    }),
  ],
  findings: [],
  stats: { apiRequests: 1, durationMs: 1 },
};

describe('buildProductYamlDraft', () => {
  it('writes the official structure with statuses the CNCF validator accepts', () => {
    const text = buildProductYamlDraft(report, { vendorName: 'Example Corp' });
    expect(text).toMatch(
      /^# Kubernetes AI Conformance checklist v1\.35: submission draft for cluster "gke-a"/,
    );
    const doc = parse(text);
    expect(doc.metadata).toMatchObject({
      kubernetesVersion: 'v1.35',
      vendorName: 'Example Corp',
      platformName: '[Platform Name]',
      platformVersion: '1.35.0-gke.2232000',
    });
    // repoUrl is optional: left out rather than left as a placeholder.
    expect(doc.metadata).not.toHaveProperty('repoUrl');
    expect(Object.keys(doc.spec)).toEqual([
      'accelerators',
      'networking',
      'operator',
    ]);
    const [dra, sharing] = doc.spec.accelerators;
    expect(dra).toMatchObject({
      id: 'dra_support',
      level: 'MUST',
      status: 'Implemented',
    });
    const draDef = getChecklist('1.35').requirements.find(
      r => r.id === 'dra_support',
    )!;
    expect(dra.description).toBe(draDef.description);
    // Evidence lists only URLs and files; what was found goes to notes.
    expect(dra.evidence).toEqual([]);
    expect(dra.notes).toMatch(/resource\.k8s\.io\/v1 is served/);
    expect(sharing).toMatchObject({
      status: 'Not Implemented',
      evidence: ['https://example.com/e'],
    });
    expect(doc.spec.networking[0]).toMatchObject({ status: '', evidence: [] });
    expect(doc.spec.networking[0].notes).toMatch(/Not determined/);
    // A MUST that does not apply is filed as Implemented, with the caveat.
    expect(doc.spec.operator[0].status).toBe('Implemented');
    expect(doc.spec.operator[0].notes).toMatch(
      /CNCF submission validator rejects N\/A on a MUST/,
    );
  });

  it('keeps a cluster name with line breaks on the first header comment line', () => {
    const text = buildProductYamlDraft({
      ...report,
      cluster: {
        ...report.cluster,
        name: 'x"\nmetadata: { evil: 1 }\r\nspec:\r  evil: 2\u2028evil: 3',
      },
    });
    const doc = parse(text);
    expect(Object.keys(doc)).toEqual(['metadata', 'spec']);
    expect(doc.metadata).not.toHaveProperty('evil');
    expect(doc.spec).not.toHaveProperty('evil');
    expect(text.split('\n')[0]).toContain('metadata: { evil: 1 }');
  });

  it('takes the platform version from metadata over the cluster version', () => {
    const doc = parse(
      buildProductYamlDraft(report, { platformVersion: '2026.11' }),
    );
    expect(doc.metadata.platformVersion).toBe('2026.11');
  });
});
