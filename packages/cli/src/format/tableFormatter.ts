import {
  countReport,
  singleLineText as line,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import type { ContextResult } from '../lib/contextResult';
import { Styler, styleStatus, styleVerdict, visibleLength } from '../lib/style';
import { displayUrl } from '../lib/displayUrl';

export interface TableOptions {
  style: Styler;
  /** Terminal width; summaries are cut to fit when set. */
  width?: number;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

function cut(text: string, width: number | undefined): string {
  if (!width || width < 10 || text.length <= width) return text;
  return `${text.slice(0, width - 1)}…`;
}

function reportTable(report: ConformanceReport, opts: TableOptions): string {
  const { style } = opts;
  const c = report.cluster;
  const lines: string[] = [];
  lines.push(
    `${style('bold', 'Cluster')}   ${line(c.name)}${
      c.server ? ` (${line(displayUrl(c.server))})` : ''
    }`,
    `${style('bold', 'Version')}   checklist v${line(
      report.requirementsVersion,
    )}, Kubernetes ${line(c.kubernetesVersion ?? 'unknown')}`,
    `${style('bold', 'Platform')}  ${line(c.platform)}${
      c.nodeCount !== undefined ? `, ${c.nodeCount} nodes` : ''
    }`,
    `${style('bold', 'Verdict')}   ${styleVerdict(style, report.verdict)}`,
    '',
  );
  const header = ['ID', 'LEVEL', 'STATUS', 'SUMMARY'];
  const rows = report.requirements.map(r => [
    line(r.id),
    line(r.level),
    styleStatus(style, r.status),
    line(r.summary),
  ]);
  const widths = [0, 1, 2].map(i =>
    Math.max(
      visibleLength(header[i]),
      ...rows.map(row => visibleLength(row[i])),
    ),
  );
  const used = widths.reduce((a, b) => a + b + 2, 0);
  const summaryWidth = opts.width ? opts.width - used : undefined;
  const render = (row: string[]) =>
    [
      pad(row[0], widths[0]),
      pad(row[1], widths[1]),
      pad(row[2], widths[2]),
      cut(row[3], summaryWidth),
    ].join('  ');
  lines.push(style('bold', render(header)));
  for (const row of rows) lines.push(render(row));
  const counts = countReport(report);
  const byStatus = new Map<string, number>();
  for (const r of report.requirements) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  }
  const should =
    counts.shouldTotal > 0
      ? `, SHOULD ${counts.shouldPassed}/${counts.shouldTotal} met`
      : '';
  const tally = [...byStatus].map(([s, n]) => `${n} ${s}`).join(', ');
  lines.push(
    '',
    `MUST ${counts.mustPassed}/${counts.mustTotal} met${should} (${tally})`,
  );
  const warnings = report.findings.filter(f => f.severity !== 'info');
  for (const f of warnings) {
    lines.push(`${style('yellow', line(f.severity))}: ${line(f.summary)}`);
  }
  return lines.join('\n');
}

/** The human-readable table: a header, one row per requirement, counts. */
export function formatTable(
  results: ContextResult[],
  opts: TableOptions,
): string {
  const blocks = results.map(result => {
    const title =
      results.length > 1
        ? `${opts.style('bold', `== ${line(result.context)} ==`)}\n`
        : '';
    if (!result.report) {
      return `${title}${opts.style('red', 'error')}: ${line(
        result.error?.message ?? 'not checked',
      )}`;
    }
    return title + reportTable(result.report, opts);
  });
  return `${blocks.join('\n\n')}\n`;
}
