import { singleLineText } from './singleLineText';

/**
 * Characters backslash-escaped wherever they appear: HTML and autolinks
 * (`<` `>`), entities (`&`), code spans, emphasis, strikethrough, links and
 * images, headings, table pipes, math (`$`), email autolinks (`@`) and the
 * escape character itself.
 */
const ALWAYS = /[\\`*_~[\]<>&|#!$@]/g;

/**
 * Escapes untrusted text for Markdown (CommonMark and GitHub Flavored
 * Markdown): the result renders as the same text, on one line, with no
 * HTML, links, code, emphasis, headings, lists or table cells of its own.
 * Safe in paragraphs, list items, headings and table cells, at the start of
 * a line or inside it. Not for code spans ({@link markdownCodeSpan}) or raw
 * HTML blocks ({@link escapeHtmlText}).
 *
 * @public
 */
export function escapeMarkdownText(text: string): string {
  return (
    singleLineText(text)
      .replace(ALWAYS, '\\$&')
      // `_` between letters or digits cannot start or end emphasis
      .replace(/([A-Za-z0-9])\\_(?=[A-Za-z0-9])/g, '$1_')
      // GFM autolink literals: http(s)://, www. (emails: `@` above)
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      // block starts, when the value begins a line: list items, ordered
      // list items, thematic breaks, setext underlines, block quotes
      .replace(/^(\s*)([-+=])/, '$1\\$2')
      .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
  );
}
