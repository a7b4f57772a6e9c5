import {
  escapeMarkdownText as text,
  reportToMarkdown,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { RequirementResult } from '@ai-conformance/plugin-ai-conformance-common';
import type { ContextResult } from '../lib/contextResult';

const ICON: Record<RequirementResult['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  partial: '🟡 partial',
  unknown: '❔ unknown',
  'not-applicable': '➖ not-applicable',
};

/**
 * The reports as Markdown (the shared format of `-common`), e.g. for a CI
 * job summary or a pull request comment; one section per context when
 * there are several.
 */
export function formatMarkdown(results: ContextResult[]): string {
  const headingLevel = results.length > 1 ? 2 : 1;
  const heading = '#'.repeat(headingLevel);
  return results
    .map(r =>
      r.report
        ? reportToMarkdown(r.report, {
            headingLevel,
            labels: {
              status: s => ICON[s as RequirementResult['status']] ?? s,
            },
          })
        : `${heading} ${text(r.context)}\n\nNot checked: ${text(
            r.error?.message ?? 'unknown error',
          )}\n`,
    )
    .join('\n');
}
