import { countReport } from '@ai-conformance/plugin-ai-conformance-common';
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

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function reportMarkdown(report: ConformanceReport, heading: string): string {
  const c = report.cluster;
  const counts = countReport(report);
  const out: string[] = [
    `${heading} AI Conformance v${report.requirementsVersion}: ${c.name}`,
    '',
    `- **Verdict:** ${report.verdict}`,
    `- **Kubernetes:** ${c.kubernetesVersion ?? 'unknown'} (${c.platform})`,
    `- **MUST met:** ${counts.mustPassed}/${counts.mustTotal}, **SHOULD met:** ${counts.shouldPassed}/${counts.shouldTotal}`,
    `- **Generated:** ${report.generatedAt}`,
    '',
    '| Requirement | Level | Status | Summary |',
    '| --- | --- | --- | --- |',
    ...report.requirements.map(
      r =>
        `| \`${r.id}\` | ${r.level} | ${ICON[r.status]} | ${cell(r.summary)} |`,
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
    out.push(
      `<details><summary><code>${r.id}</code>: ${r.title}</summary>`,
      '',
    );
    for (const e of r.evidence) {
      out.push(
        `- Evidence: ${e.url ? `[${e.description}](${e.url})` : e.description}`,
      );
    }
    for (const e of r.errors) {
      out.push(
        `- Could not read \`${e.read}\`: ${e.outcome} ${e.message}${
          e.hint ? ` (${e.hint})` : ''
        }`,
      );
    }
    for (const m of r.remediation) {
      out.push(`- Remediation: ${m.description}`);
      if (m.command) out.push('', '  ```sh', `  ${m.command}`, '  ```');
    }
    for (const n of r.notes ?? []) out.push(`- Note: ${n}`);
    out.push('', '</details>', '');
  }
  if (report.findings.length) {
    out.push('**Findings**', '');
    for (const f of report.findings) out.push(`- ${f.severity}: ${f.summary}`);
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
        : `${heading} ${r.context}\n\nNot checked: ${
            r.error?.message ?? 'unknown error'
          }\n`,
    )
    .join('\n');
}
