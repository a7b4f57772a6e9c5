import {
  escapeMarkdownText as text,
  markdownCodeBlock,
  markdownCodeSpan as code,
  markdownLink,
} from '../escaping';
import { countReport } from '../results';
import type {
  ConformanceReport,
  RequirementResult,
  RequirementStatus,
  Verdict,
} from '../types';

/**
 * Words for the report's codes; each defaults to the code itself
 * (`not-conformant`, `fail`, `networking`, `gke`). Returned text is escaped.
 *
 * @public
 */
export interface ReportMarkdownLabels {
  verdict?(verdict: Verdict | string): string;
  status?(status: RequirementStatus | string): string;
  category?(category: string): string;
  platform?(platform: string): string;
}

/**
 * Options of {@link reportToMarkdown}.
 *
 * @public
 */
export interface ReportToMarkdownOptions {
  /** Catalog entity of the cluster, listed under the verdict. */
  entityRef?: string;
  /** Depth of the document's title (1–4; sections go one and two deeper). Default 1. */
  headingLevel?: number;
  labels?: ReportMarkdownLabels;
}

const same = (value: string) => value;

function objectText(e: RequirementResult['evidence'][number]): string {
  if (!e.object) return '';
  const ns = e.object.namespace ? `${e.object.namespace}/` : '';
  return ` (${text(e.object.kind)} ${text(`${ns}${e.object.name}`)})`;
}

function requirementSection(
  r: RequirementResult,
  heading: string,
  status: (s: string) => string,
): string[] {
  const lines = [
    `${heading} ${text(r.title)} (${code(r.id)})`,
    '',
    `**${text(r.level)}** · ${text(status(r.status))} · ${text(r.method)}`,
    '',
    text(r.summary),
  ];
  if (r.evidence.length > 0) {
    lines.push('', 'Evidence:', '');
    for (const e of r.evidence) {
      const description = e.url
        ? markdownLink(e.description, e.url)
        : text(e.description);
      lines.push(`- ${description}${objectText(e)}`);
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
  if (r.notes?.length) {
    lines.push('', 'Notes:', '');
    for (const n of r.notes) lines.push(`- ${text(n)}`);
  }
  lines.push('');
  return lines;
}

/**
 * A Markdown document of a report: verdict and counts, findings, a summary
 * table, then each requirement with its evidence, what could not be
 * checked, remediation commands and notes. Every cluster string is escaped:
 * the document has no HTML, headings, tables or links but its own (links
 * only to http(s) evidence URLs). Used by the frontend's export and the CLI.
 *
 * @public
 */
export function reportToMarkdown(
  report: ConformanceReport,
  options: ReportToMarkdownOptions = {},
): string {
  const depth = Math.min(4, Math.max(1, Math.trunc(options.headingLevel ?? 1)));
  const h = (extra: number) => '#'.repeat(depth + extra);
  const labels = options.labels ?? {};
  const status = labels.status ?? same;
  const category = labels.category ?? same;
  const platform = (labels.platform ?? same)(report.cluster.platform);
  const counts = countReport(report);
  const lines = [
    `${h(0)} Kubernetes AI Conformance: ${text(report.cluster.name)}`,
    '',
    `- Verdict: **${text((labels.verdict ?? same)(report.verdict))}**`,
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
  if (options.entityRef) {
    lines.push(`- Catalog entity: ${code(options.entityRef)}`);
  }
  if (report.findings.length > 0) {
    lines.push('', `${h(1)} Findings`, '');
    for (const f of report.findings) {
      lines.push(`- **${text(f.severity)}**: ${text(f.summary)}`);
    }
  }
  lines.push(
    '',
    `${h(1)} Summary`,
    '',
    '| Requirement | Category | Level | Status |',
    '| --- | --- | --- | --- |',
  );
  for (const r of report.requirements) {
    lines.push(
      `| ${text(r.title)} (${code(r.id, { tableCell: true })}) | ${text(
        category(r.category),
      )} | ${text(r.level)} | ${text(status(r.status))} |`,
    );
  }
  lines.push('', `${h(1)} Requirements`, '');
  for (const r of report.requirements) {
    lines.push(...requirementSection(r, h(2), status));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
