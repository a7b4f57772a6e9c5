/**
 * Characters outside XML 1.0's `Char` production: C0 controls other than
 * tab, LF and CR, U+FFFE and U+FFFF, and lone surrogates (a pair, i.e. a
 * character above U+FFFF, is kept).
 */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/**
 * Removes the characters an XML 1.0 document cannot contain, even as
 * character references, so the text can be written by an XML builder that
 * escapes entities itself.
 *
 * @public
 */
export function stripXmlInvalidChars(text: string): string {
  return String(text).replace(NOT_XML_CHAR, c => (c.length === 2 ? c : ''));
}

/**
 * Escapes untrusted text for XML 1.0 element content: characters XML cannot
 * hold are removed, `&`, `<` and `>` become entities, and CR a character
 * reference (a parser would turn a literal one into LF).
 *
 * @public
 */
export function escapeXmlText(text: string): string {
  return stripXmlInvalidChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes untrusted text for a quoted XML 1.0 attribute value: as
 * {@link escapeXmlText}, plus quotes, and tab, LF and CR as character
 * references so a parser's attribute normalisation keeps them.
 *
 * @public
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;');
}
