import { Document, YAMLSeq } from 'yaml';
import { getChecklist } from './catalog';
import { notApplicableCaveat, toCncfStatus } from './results';
import type {
  ConformanceReport,
  RequirementCategory,
  RequirementResult,
} from './types';

/**
 * Vendor metadata of a CNCF AI Conformance submission (`PRODUCT.yaml`).
 * Fields left out are written as `[Placeholder]` text to fill in.
 */
export interface ProductYamlMetadata {
  platformName?: string;
  platformVersion?: string;
  vendorName?: string;
  websiteUrl?: string;
  repoUrl?: string;
  documentationUrl?: string;
  productLogoUrl?: string;
  description?: string;
  contactEmailAddress?: string;
  k8sConformanceUrl?: string;
}

const METADATA_FIELDS: Array<[keyof ProductYamlMetadata, string]> = [
  ['platformName', '[Platform Name]'],
  ['platformVersion', '[Platform Version]'],
  ['vendorName', '[Vendor Name]'],
  ['websiteUrl', '[Website URL]'],
  ['repoUrl', '[Repository URL]'],
  ['documentationUrl', '[Documentation URL]'],
  ['productLogoUrl', '[Product Logo URL]'],
  ['description', '[Description]'],
  ['contactEmailAddress', '[Contact Email Address]'],
  ['k8sConformanceUrl', '[URL to the k8s-conformance submission]'],
];

const CATEGORY_ORDER: RequirementCategory[] = [
  'accelerators',
  'networking',
  'schedulingOrchestration',
  'observability',
  'security',
  'operator',
];

function descriptionsOf(version: string): Map<string, string> {
  try {
    return new Map(
      getChecklist(version).requirements.map(r => [
        r.id,
        r.officialDescription ?? r.description,
      ]),
    );
  } catch {
    return new Map();
  }
}

function evidenceOf(r: RequirementResult): string[] {
  return r.evidence.map(e => {
    const where = e.object
      ? ` (${e.object.kind} ${
          e.object.namespace ? `${e.object.namespace}/` : ''
        }${e.object.name})`
      : '';
    return e.url ? e.url : `${e.description}${where}`;
  });
}

function notesOf(r: RequirementResult): string {
  const parts = [r.summary];
  if (r.status === 'unknown') {
    parts.push(
      'Not determined automatically: fill in the status and evidence by hand.',
    );
  }
  if (r.status === 'not-applicable') {
    parts.push(notApplicableCaveat(r.level));
  }
  parts.push(...(r.notes ?? []));
  return parts.filter(Boolean).join(' ');
}

/**
 * A draft `PRODUCT.yaml` for a CNCF Kubernetes AI Conformance submission,
 * from one report: official ids and levels, the CNCF status mapped from
 * each result (left empty where the engine could not tell), evidence and
 * notes. It is a draft: the vendor reviews it before submitting.
 */
export function buildProductYamlDraft(
  report: ConformanceReport,
  metadata: ProductYamlMetadata = {},
): string {
  const descriptions = descriptionsOf(report.requirementsVersion);
  const meta: Record<string, string> = {
    kubernetesVersion: `v${report.requirementsVersion}`,
  };
  for (const [key, placeholder] of METADATA_FIELDS) {
    const fallback =
      key === 'platformVersion' && report.cluster.kubernetesVersion
        ? report.cluster.kubernetesVersion.replace(/^v/, '')
        : placeholder;
    meta[key] = metadata[key] ?? fallback;
  }
  const spec: Record<string, unknown[]> = {};
  for (const category of CATEGORY_ORDER) {
    const items = report.requirements.filter(r => r.category === category);
    if (items.length === 0) continue;
    spec[category] = items.map(r => ({
      id: r.id,
      description: descriptions.get(r.id) ?? r.title,
      level: r.level,
      status: toCncfStatus(r.status) ?? '',
      evidence: evidenceOf(r),
      notes: notesOf(r),
    }));
  }
  const doc = new Document({ metadata: meta, spec });
  doc.commentBefore = [
    ' Kubernetes AI Conformance Checklist (draft)',
    ` Generated from an automated check of cluster ${report.cluster.name} at ${report.generatedAt}`,
    ` against checklist v${report.requirementsVersion}; verdict: ${report.verdict}.`,
    ' Review every status, evidence and note before submitting.',
  ].join('\n');
  // Keep empty evidence lists on one line, as in the official template.
  if (doc.contents) {
    (doc.get('spec') as any)?.items?.forEach((cat: any) =>
      cat.value?.items?.forEach((req: any) => {
        const ev = req.get?.('evidence', true);
        if (ev instanceof YAMLSeq && ev.items.length === 0) ev.flow = true;
      }),
    );
  }
  return doc.toString({ lineWidth: 0 });
}
