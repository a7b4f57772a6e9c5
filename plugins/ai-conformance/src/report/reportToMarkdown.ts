import {
  countReport,
  type ConformanceReport,
  type RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  CATEGORY_TITLES,
  PLATFORM_TITLES,
  VERDICT,
  requirementStatusOf,
} from './statusPresentation';

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function requirementSection(r: RequirementResult): string[] {
  const lines = [
    `### ${r.title} (\`${r.id}\`)`,
    '',
    `**${r.level}** · ${requirementStatusOf(r.status).label} · ${r.method}`,
    '',
    r.summary,
  ];
  if (r.evidence.length > 0) {
    lines.push('', 'Evidence:', '');
    for (const e of r.evidence) {
      const where = e.object
        ? ` (${e.object.kind} ${
            e.object.namespace ? `${e.object.namespace}/` : ''
          }${e.object.name})`
        : '';
      lines.push(`- ${e.description}${where}`);
    }
  }
  if (r.errors.length > 0) {
    lines.push('', 'Could not check:', '');
    for (const e of r.errors) {
      lines.push(
        `- ${e.read}: ${e.outcome} — ${e.message}${
          e.hint ? ` (${e.hint})` : ''
        }`,
      );
    }
  }
  if (r.remediation.length > 0 && r.status !== 'pass') {
    lines.push('', 'Remediation:', '');
    for (const step of r.remediation) {
      lines.push(`- ${step.description}`);
      if (step.command) {
        lines.push('', '  ```sh', `  ${step.command}`, '  ```');
      }
    }
  }
  lines.push('');
  return lines;
}

/** A Markdown document of a report: summary table, then each requirement. */
export function reportToMarkdown(
  report: ConformanceReport,
  entityRef?: string,
): string {
  const counts = countReport(report);
  const platform =
    PLATFORM_TITLES[report.cluster.platform] ?? report.cluster.platform;
  const lines = [
    `# Kubernetes AI Conformance: ${report.cluster.name}`,
    '',
    `- Verdict: **${VERDICT[report.verdict]?.label ?? report.verdict}**`,
    `- Checklist version: ${report.requirementsVersion}`,
    `- Platform: ${platform}${
      report.cluster.kubernetesVersion
        ? `, Kubernetes ${report.cluster.kubernetesVersion}`
        : ''
    }`,
    `- MUST passed: ${counts.mustPassed}/${counts.mustTotal}`,
    `- SHOULD passed: ${counts.shouldPassed}/${counts.shouldTotal}`,
    `- Generated: ${report.generatedAt}`,
  ];
  if (entityRef) lines.push(`- Catalog entity: \`${entityRef}\``);
  if (report.findings.length > 0) {
    lines.push('', '## Findings', '');
    for (const f of report.findings) {
      lines.push(`- **${f.severity}**: ${f.summary}`);
    }
  }
  lines.push(
    '',
    '## Summary',
    '',
    '| Requirement | Category | Level | Status |',
    '| --- | --- | --- | --- |',
  );
  for (const r of report.requirements) {
    lines.push(
      `| ${cell(r.title)} (\`${r.id}\`) | ${
        CATEGORY_TITLES[r.category] ?? r.category
      } | ${r.level} | ${requirementStatusOf(r.status).label} |`,
    );
  }
  lines.push('', '## Requirements', '');
  for (const r of report.requirements) {
    lines.push(...requirementSection(r));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
