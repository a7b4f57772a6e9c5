import type { ConformanceReport, RequirementResult } from '../types';

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
    .map(([k, v]) => `\`${k}\` = \`${String(v)}\``)
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
    `# ${r.id}: ${r.title}`,
    '',
    `- Checklist: v${report.requirementsVersion}, level ${r.level}`,
    `- Result: **${r.status}** (${r.method})`,
    `- Cluster: ${c.name}, Kubernetes ${
      c.kubernetesVersion ?? 'unknown'
    }, platform ${c.platform}`,
    `- Checked: ${report.generatedAt} by ai-conformance`,
    '',
    r.summary,
    '',
  ];
  if (r.evidence.length) {
    out.push('## Found', '');
    for (const e of r.evidence) {
      const obj = e.object
        ? ` — ${e.object.kind} \`${
            e.object.namespace ? `${e.object.namespace}/` : ''
          }${e.object.name}\` (${e.object.apiVersion})`
        : '';
      out.push(
        `- ${e.url ? `[${e.description}](${e.url})` : e.description}${obj}`,
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
        `- \`${e.read}\`: ${e.outcome} — ${e.message}${
          e.hint ? ` (${e.hint})` : ''
        }`,
      );
    }
    out.push('');
  }
  if (r.notes?.length) {
    out.push('## Notes', '', ...r.notes.map(n => `- ${n}`), '');
  }
  return out.join('\n');
}
