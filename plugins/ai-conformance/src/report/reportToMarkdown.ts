import {
  countReport,
  escapeMarkdownText as text,
  markdownCodeBlock,
  markdownCodeSpan as code,
  type ConformanceReport,
  type RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  CATEGORY_TITLES,
  PLATFORM_TITLES,
  VERDICT,
  requirementStatusOf,
} from './statusPresentation';

function requirementSection(r: RequirementResult): string[] {
  const lines = [
    `### ${text(r.title)} (${code(r.id)})`,
    '',
    `**${text(r.level)}** · ${text(
      requirementStatusOf(r.status).label,
    )} · ${text(r.method)}`,
    '',
    text(r.summary),
  ];
  if (r.evidence.length > 0) {
    lines.push('', 'Evidence:', '');
    for (const e of r.evidence) {
      const where = e.object
        ? ` (${text(e.object.kind)} ${text(
            `${e.object.namespace ? `${e.object.namespace}/` : ''}${
              e.object.name
            }`,
          )})`
        : '';
      lines.push(`- ${text(e.description)}${where}`);
    }
  }
  if (r.errors.length > 0) {
    lines.push('', 'Could not check:', '');
    for (const e of r.errors) {
      lines.push(
        `- ${text(e.read)}: ${text(e.outcome)} — ${text(e.message)}${
          e.hint ? ` (${text(e.hint)})` : ''
        }`,
      );
    }
  }
  if (r.remediation.length > 0 && r.status !== 'pass') {
    lines.push('', 'Remediation:', '');
    for (const step of r.remediation) {
      lines.push(`- ${text(step.description)}`);
      if (step.command) {
        lines.push(
          '',
          ...markdownCodeBlock(step.command, { language: 'sh', indent: '  ' }),
        );
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
    `# Kubernetes AI Conformance: ${text(report.cluster.name)}`,
    '',
    `- Verdict: **${text(VERDICT[report.verdict]?.label ?? report.verdict)}**`,
    `- Checklist version: ${text(report.requirementsVersion)}`,
    `- Platform: ${text(platform)}${
      report.cluster.kubernetesVersion
        ? `, Kubernetes ${text(report.cluster.kubernetesVersion)}`
        : ''
    }`,
    `- MUST passed: ${counts.mustPassed}/${counts.mustTotal}`,
    `- SHOULD passed: ${counts.shouldPassed}/${counts.shouldTotal}`,
    `- Generated: ${text(report.generatedAt)}`,
  ];
  if (entityRef) lines.push(`- Catalog entity: ${code(entityRef)}`);
  if (report.findings.length > 0) {
    lines.push('', '## Findings', '');
    for (const f of report.findings) {
      lines.push(`- **${text(f.severity)}**: ${text(f.summary)}`);
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
      `| ${text(r.title)} (${code(r.id, { tableCell: true })}) | ${text(
        CATEGORY_TITLES[r.category] ?? r.category,
      )} | ${text(r.level)} | ${text(requirementStatusOf(r.status).label)} |`,
    );
  }
  lines.push('', '## Requirements', '');
  for (const r of report.requirements) {
    lines.push(...requirementSection(r));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
