import {
  countReport,
  escapeHtmlText as html,
  escapeMarkdownText as text,
  markdownCodeBlock,
  markdownCodeSpan as code,
  markdownLink,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ConformanceReport,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ContextResult } from '../lib/contextResult';

const ICON: Record<RequirementResult['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  partial: '🟡 partial',
  unknown: '❔ unknown',
  'not-applicable': '➖ not-applicable',
};

function reportMarkdown(report: ConformanceReport, heading: string): string {
  const c = report.cluster;
  const counts = countReport(report);
  const out: string[] = [
    `${heading} AI Conformance v${text(report.requirementsVersion)}: ${text(
      c.name,
    )}`,
    '',
    `- **Verdict:** ${text(report.verdict)}`,
    `- **Kubernetes:** ${text(c.kubernetesVersion ?? 'unknown')} (${text(
      c.platform,
    )})`,
    `- **MUST met:** ${counts.mustPassed}/${counts.mustTotal}, **SHOULD met:** ${counts.shouldPassed}/${counts.shouldTotal}`,
    `- **Generated:** ${text(report.generatedAt)}`,
    '',
    '| Requirement | Level | Status | Summary |',
    '| --- | --- | --- | --- |',
    ...report.requirements.map(
      r =>
        `| ${code(r.id, { tableCell: true })} | ${text(r.level)} | ${
          ICON[r.status] ?? text(r.status)
        } | ${text(r.summary)} |`,
    ),
    '',
  ];
  const details = report.requirements.filter(
    r =>
      r.evidence.length ||
      r.errors.length ||
      r.remediation.length ||
      r.notes?.length,
  );
  for (const r of details) {
    // a raw HTML block: its line is HTML, not Markdown
    out.push(
      `<details><summary><code>${html(r.id)}</code>: ${html(
        r.title,
      )}</summary>`,
      '',
    );
    for (const e of r.evidence) {
      out.push(
        `- Evidence: ${
          e.url ? markdownLink(e.description, e.url) : text(e.description)
        }`,
      );
    }
    for (const e of r.errors) {
      out.push(
        `- Could not read ${code(e.read)}: ${text(e.outcome)} ${text(
          e.message,
        )}${e.hint ? ` (${text(e.hint)})` : ''}`,
      );
    }
    for (const m of r.remediation) {
      out.push(`- Remediation: ${text(m.description)}`);
      if (m.command) {
        out.push(
          '',
          ...markdownCodeBlock(m.command, { language: 'sh', indent: '  ' }),
        );
      }
    }
    for (const n of r.notes ?? []) out.push(`- Note: ${text(n)}`);
    out.push('', '</details>', '');
  }
  if (report.findings.length) {
    out.push('**Findings**', '');
    for (const f of report.findings) {
      out.push(`- ${text(f.severity)}: ${text(f.summary)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A Markdown summary, e.g. for a CI job summary or a pull request comment. */
export function formatMarkdown(results: ContextResult[]): string {
  const heading = results.length > 1 ? '##' : '#';
  return results
    .map(r =>
      r.report
        ? reportMarkdown(r.report, heading)
        : `${heading} ${text(r.context)}\n\nNot checked: ${text(
            r.error?.message ?? 'unknown error',
          )}\n`,
    )
    .join('\n');
}
