import { singleLineText } from './singleLineText';

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes untrusted text for HTML written into Markdown, e.g. the
 * `<summary>` of a `<details>` block: entities for `& < > " '`, and on one
 * line, since a blank line would end the HTML block and let the rest be
 * read as Markdown. Safe in element content and quoted attribute values.
 *
 * @public
 */
export function escapeHtmlText(text: string): string {
  return singleLineText(text).replace(/[&<>"']/g, c => HTML_ENTITIES[c]);
}
