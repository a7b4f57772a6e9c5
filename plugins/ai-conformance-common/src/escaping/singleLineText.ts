/**
 * C0 controls other than tab, line feed and carriage return, DEL and the C1
 * controls: never meaningful in a report, and some (ESC) drive terminals.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes control characters, keeping tab and line breaks. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * One line of plain text, e.g. for a terminal or a log line: control
 * characters (terminal escape sequences among them) removed and every line
 * break (CRLF, CR, LF and the Unicode line and paragraph separators) turned
 * into a space, so a value cannot end the line or block it is written
 * into, nor restyle the terminal.
 *
 * @public
 */
export function singleLineText(text: string): string {
  return stripControlChars(String(text)).replace(
    /\r\n|[\r\n\u2028\u2029]/g,
    ' ',
  );
}
