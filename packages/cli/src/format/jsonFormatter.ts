import type { ContextResult } from '../lib/contextResult';

/**
 * The engine's result as JSON: the ConformanceReport itself for one
 * context; with several contexts, an array of { context, report } or
 * { context, error } entries.
 */
export function formatJson(
  results: ContextResult[],
  multiple: boolean,
): string {
  if (!multiple && results.length === 1 && results[0].report) {
    return `${JSON.stringify(results[0].report, null, 2)}\n`;
  }
  const entries = results.map(r =>
    r.report
      ? { context: r.context, report: r.report }
      : { context: r.context, error: r.error },
  );
  return `${JSON.stringify(entries, null, 2)}\n`;
}
