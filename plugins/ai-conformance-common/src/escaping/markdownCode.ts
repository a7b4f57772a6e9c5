import { singleLineText, stripControlChars } from './singleLineText';

function longestRun(text: string, char: string): number {
  let longest = 0;
  for (const run of text.match(new RegExp(`${char}+`, 'g')) ?? []) {
    longest = Math.max(longest, run.length);
  }
  return longest;
}

/**
 * Options of {@link markdownCodeSpan}.
 *
 * @public
 */
export interface MarkdownCodeSpanOptions {
  /**
   * The span goes into a GitHub Flavored Markdown table cell: pipes are
   * escaped (GFM removes the backslash inside the cell), and a backslash
   * right before a pipe is followed by a space, since parsers disagree on
   * where a cell ends at `\\|`.
   */
  tableCell?: boolean;
}

/**
 * Untrusted text as a Markdown code span that renders exactly the text
 * (on one line): the fence is one backtick longer than any run of
 * backticks inside, and padded when the text starts or ends with a
 * backtick or a space, so the text cannot close the span. Empty text gives
 * an empty string.
 *
 * @public
 */
export function markdownCodeSpan(
  text: string,
  options: MarkdownCodeSpanOptions = {},
): string {
  let body = singleLineText(text);
  if (body === '') return '';
  if (options.tableCell) {
    body = body.replace(/\\(?=\|)/g, '\\ ').replace(/\|/g, '\\|');
  }
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad =
    /^`|`$/.test(body) ||
    (/^ /.test(body) && / $/.test(body) && /\S/.test(body))
      ? ' '
      : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Options of {@link markdownCodeBlock}.
 *
 * @public
 */
export interface MarkdownCodeBlockOptions {
  /** Info string, e.g. `sh`; only letters, digits and `-+._` are kept. */
  language?: string;
  /** Prefix of every line, e.g. two spaces inside a list item. */
  indent?: string;
}

/**
 * Untrusted (possibly multi-line) text as a fenced Markdown code block,
 * returned as lines: the fence is longer than any run of backticks inside,
 * so no line of the text can close it.
 *
 * @public
 */
export function markdownCodeBlock(
  text: string,
  options: MarkdownCodeBlockOptions = {},
): string[] {
  const indent = options.indent ?? '';
  const body = stripControlChars(String(text)).replace(/\r\n?/g, '\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const language = (options.language ?? '').replace(/[^\w+.-]/g, '');
  return [
    `${indent}${fence}${language}`,
    ...body.split('\n').map(line => `${indent}${line}`),
    `${indent}${fence}`,
  ];
}
