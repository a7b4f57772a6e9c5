import { escapeMarkdownText } from './escapeMarkdownText';

/**
 * A Markdown link to an untrusted URL with untrusted text. Only absolute
 * `http:` and `https:` URLs without credentials become links (the
 * destination percent-encoded so it cannot end early); anything else is
 * written as text, `description (url)`.
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
        /[()<>\s"'`\\]/g,
        c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      );
    }
  } catch {
    href = undefined;
  }
  const label = escapeMarkdownText(text);
  return href ? `[${label}](${href})` : `${label} (${escapeMarkdownText(url)})`;
}
