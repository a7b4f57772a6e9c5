import type { ConformanceReport, RequirementResult } from '../types';
import {
  escapeMarkdownText as text,
  markdownCodeSpan as code,
  markdownLink,
} from '../escaping';

/**
 * Where a requirement's evidence file goes, relative to PRODUCT.yaml.
 *
 * @public
 */
export function evidenceFilePath(id: string): string {
  return `evidence/${id}.md`;
}

function fieldsText(fields: Record<string, string | number | boolean>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${code(k)} = ${code(String(v))}`)
    .join(', ');
}

/**
 * A Markdown record of what the checker found for one requirement: the
 * objects and fields that prove (or disprove) it, the reads that failed and
 * the caveats. Written beside a PRODUCT.yaml draft and listed as evidence.
 *
 * @public
 */
export function evidenceMarkdown(
  report: ConformanceReport,
  r: RequirementResult,
): string {
  const c = report.cluster;
  const out = [
    `# ${text(r.id)}: ${text(r.title)}`,
    '',
    `- Checklist: v${text(report.requirementsVersion)}, level ${text(r.level)}`,
    `- Result: **${text(r.status)}** (${text(r.method)})`,
    `- Cluster: ${text(c.name)}, Kubernetes ${text(
      c.kubernetesVersion ?? 'unknown',
    )}, platform ${text(c.platform)}`,
    `- Checked: ${text(report.generatedAt)} by ai-conformance`,
    '',
    text(r.summary),
    '',
  ];
  if (r.evidence.length) {
    out.push('## Found', '');
    for (const e of r.evidence) {
      const obj = e.object
        ? ` — ${text(e.object.kind)} ${code(
            `${e.object.namespace ? `${e.object.namespace}/` : ''}${
              e.object.name
            }`,
          )} (${text(e.object.apiVersion)})`
        : '';
      out.push(
        `- ${
          e.url ? markdownLink(e.description, e.url) : text(e.description)
        }${obj}`,
      );
      if (e.fields && Object.keys(e.fields).length) {
        out.push(`  - ${fieldsText(e.fields)}`);
      }
    }
    out.push('');
  }
  if (r.errors.length) {
    out.push('## Could not read', '');
    for (const e of r.errors) {
      out.push(
        `- ${code(e.read)}: ${text(e.outcome)} — ${text(e.message)}${
          e.hint ? ` (${text(e.hint)})` : ''
        }`,
      );
    }
    out.push('');
  }
  if (r.notes?.length) {
    out.push('## Notes', '', ...r.notes.map(n => `- ${text(n)}`), '');
  }
  return out.join('\n');
}
