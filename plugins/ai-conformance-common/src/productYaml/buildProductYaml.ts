import { Document } from 'yaml';
import { getChecklist } from '../catalog/checklistRegistry';
import type { ParsedOfficialChecklist } from '../catalog/officialChecklistParser';
import { notApplicableCaveat, toCncfStatus } from '../results/cncfStatus';
import { reasonText } from '../results/resultMessages';
import type { ConformanceReport, RequirementResult } from '../types';
import type { ProductYamlMetadata } from './productYamlMetadata';
import { evidenceFilePath, evidenceMarkdown } from './evidenceMarkdown';
import { singleLineText } from '../escaping';

/**
 * Metadata fields of a submission, in the order the template lists them.
 *
 * @public
 */
export const PRODUCT_METADATA_FIELDS = [
  'platformName',
  'platformVersion',
  'vendorName',
  'websiteUrl',
  'repoUrl',
  'documentationUrl',
  'productLogoUrl',
  'description',
  'contactEmailAddress',
  'k8sConformanceUrl',
] as const;

/** @public */
export type ProductMetadataField = (typeof PRODUCT_METADATA_FIELDS)[number];

function placeholder(field: ProductMetadataField, version: string): string {
  switch (field) {
    case 'platformName':
      return '[Platform Name]';
    case 'platformVersion':
      return '[Platform Version]';
    case 'vendorName':
      return '[Vendor Name]';
    case 'websiteUrl':
      return '[Website URL]';
    case 'documentationUrl':
      return '[Documentation URL]';
    case 'productLogoUrl':
      return '[Product Logo URL]';
    case 'description':
      return '[Description]';
    case 'contactEmailAddress':
      return '[Contact Email Address]';
    default:
      return `[URL to k8s-conformance submission, e.g., https://github.com/cncf/k8s-conformance/tree/master/v${version}/product-name]`;
  }
}

/** @public */
export interface ProductYamlOptions {
  metadata: ProductYamlMetadata;
  /** The official checklist of the report's version, for the verbatim descriptions. */
  official?: ParsedOfficialChecklist;
  /** Tool name and version for the header comment. */
  generator: string;
  /**
   * Also produce one Markdown evidence file per checked requirement, listed
   * in `evidence` as a path relative to PRODUCT.yaml.
   */
  evidenceFiles?: boolean;
}

/**
 * A file to write beside PRODUCT.yaml.
 *
 * @public
 */
export interface DraftFile {
  /** Relative to the PRODUCT.yaml folder. */
  path: string;
  content: string;
}

/** @public */
export interface ProductYamlDraft {
  text: string;
  /** Evidence files to write beside PRODUCT.yaml (with evidenceFiles). */
  files: DraftFile[];
  /** Things the user must know or fix, one line each (for stderr). */
  warnings: string[];
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function itemFor(
  r: RequirementResult,
  description: string,
  warnings: string[],
  evidenceFile: string | undefined,
): Record<string, unknown> {
  let status: string = toCncfStatus(r.status) ?? '';
  const notes: string[] = [];
  if (r.status === 'pass') {
    notes.push(r.summary);
    const found = r.evidence.map(e => e.description).filter(Boolean);
    if (found.length) notes.push(`Found: ${found.join('; ')}.`);
  } else if (r.status === 'not-applicable') {
    notes.push(r.summary, notApplicableCaveat(r.level));
    if (r.level === 'MUST') {
      status = 'Implemented';
      warnings.push(
        `${r.id}: does not apply (${r.summary}); filed as "Implemented" with a note because the CNCF validator rejects N/A on a MUST`,
      );
    }
  } else if (r.status === 'unknown') {
    notes.push(`Not determined by ai-conformance: ${reasonText(r)}`);
    warnings.push(`${r.id}: status left empty (could not be determined)`);
  } else {
    notes.push(reasonText(r));
  }
  for (const n of r.notes ?? []) {
    if (!notes.includes(n)) notes.push(n);
  }
  return {
    id: r.id,
    description,
    level: r.level,
    status,
    evidence: unique([...r.evidence.map(e => e.url), evidenceFile]),
    notes: notes.join(' '),
  };
}

/**
 * A CNCF submission draft (PRODUCT.yaml) from a report: ids and levels as
 * published, statuses mapped from the results, evidence URLs found by the
 * checks (plus evidence files), reasons in `notes`.
 *
 * A conformant cluster's draft passes the CNCF validator: evidence lists
 * only URLs and files (the validator reads any other entry as a file path),
 * a conditional MUST that does not apply is filed as `Implemented` with a
 * note (the validator rejects N/A on a MUST), `repoUrl` is left out rather
 * than left as a placeholder, and the verbatim descriptions come from the
 * official checklist loaded at run time.
 *
 * @public
 */
export function buildProductYaml(
  report: ConformanceReport,
  options: ProductYamlOptions,
): ProductYamlDraft {
  const version = report.requirementsVersion;
  const warnings: string[] = [];
  const files: DraftFile[] = [];
  const official =
    options.official && options.official.version === version
      ? new Map(options.official.items.map(i => [i.id, i]))
      : undefined;
  const catalog = new Map(
    getChecklist(version).requirements.map(r => [r.id, r]),
  );

  let ownDescriptions = 0;
  const spec: Record<string, Record<string, unknown>[]> = {};
  for (const r of report.requirements) {
    const officialItem = official?.get(r.id);
    let description = officialItem?.description;
    if (!description) {
      ownDescriptions++;
      description = catalog.get(r.id)?.description ?? r.title;
    }
    const category = officialItem?.category ?? r.category;
    let evidenceFile: string | undefined;
    if (options.evidenceFiles && r.status !== 'unknown') {
      evidenceFile = evidenceFilePath(r.id);
      files.push({ path: evidenceFile, content: evidenceMarkdown(report, r) });
    }
    (spec[category] ??= []).push(
      itemFor(r, description, warnings, evidenceFile),
    );
  }

  const metadata: Record<string, string> = { kubernetesVersion: `v${version}` };
  const missing: string[] = [];
  for (const field of PRODUCT_METADATA_FIELDS) {
    const value = options.metadata[field]?.trim();
    if (value) {
      metadata[field] = value;
    } else if (field !== 'repoUrl') {
      // repoUrl is optional: left out rather than left as a placeholder
      metadata[field] = placeholder(field, version);
      missing.push(field);
    }
  }

  const header = [
    ` Kubernetes AI Conformance checklist v${version}: submission draft for cluster "${singleLineText(
      report.cluster.name,
    )}"`,
    ` generated by ${options.generator} on ${report.generatedAt}; verdict: ${report.verdict}.`,
    ' Review every status, evidence entry and note before submitting it as',
    ` v${version}/<product>/PRODUCT.yaml to cncf/k8s-ai-conformance.`,
  ];
  if (ownDescriptions > 0) {
    header.push(
      '',
      ' NOTE: the descriptions below are ai-conformance summaries, not the official text.',
      ` Replace them with the official wording of AIConformance-${version}.yaml before submission`,
      ' (or rerun with --checklist pointing at the official file).',
    );
    warnings.push(
      `${ownDescriptions} description(s) are not the official wording: pass --checklist FILE|URL with the official AIConformance-${version}.yaml`,
    );
  }
  if (missing.length) {
    header.push(
      '',
      ` Fill in the metadata placeholders: ${missing.join(', ')}.`,
    );
    warnings.push(
      `metadata placeholders left for: ${missing.join(
        ', ',
      )} (pass --metadata FILE or the metadata flags)`,
    );
  }

  const doc = new Document({ metadata, spec });
  doc.commentBefore = header.join('\n');
  const text = doc.toString({
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  });
  return { text, files, warnings };
}
