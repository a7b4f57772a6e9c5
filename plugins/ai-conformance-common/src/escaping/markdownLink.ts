import { escapeMarkdownText } from './escapeMarkdownText';

/**
 * A Markdown link to an untrusted URL with untrusted text. Only absolute
 * `http:` and `https:` URLs without credentials become links (the
 * destination percent-encoded so it cannot end early); anything else is
 * written as text, `description (url)`. The text is escaped as by
 * {@link escapeMarkdownText}.
 *
 * @public
 */
export function markdownLink(text: string, url: string): string {
  let href: string | undefined;
  try {
    const parsed = new URL(url);
    if (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      !parsed.username &&
      !parsed.password
    ) {
      href = parsed.href.replace(
        /[()[\]<>\s"'`\\]/g,
        c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      );
    }
  } catch {
    href = undefined;
  }
  // brackets as character references: some parsers re-read a link's text
  // with escaped brackets unescaped, which would nest a link
  const label = escapeMarkdownText(text).replace(/\\([[\]])/g, (_, c: string) =>
    c === '[' ? '&#91;' : '&#93;',
  );
  return href ? `[${label}](${href})` : `${label} (${escapeMarkdownText(url)})`;
}
