import {
  reportToMarkdown as renderReportMarkdown,
  type ConformanceReport,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  CATEGORY_TITLES,
  PLATFORM_TITLES,
  VERDICT,
  requirementStatusOf,
} from './statusPresentation';

/**
 * The report's Markdown (the shared format of `-common`) in the words the
 * pages use: status and verdict labels, category and platform titles.
 */
export function reportToMarkdown(
  report: ConformanceReport,
  entityRef?: string,
): string {
  return renderReportMarkdown(report, {
    entityRef,
    labels: {
      verdict: v => VERDICT[v as keyof typeof VERDICT]?.label ?? v,
      status: s => requirementStatusOf(s).label,
      category: c => CATEGORY_TITLES[c] ?? c,
      platform: p => PLATFORM_TITLES[p] ?? p,
    },
  });
}
