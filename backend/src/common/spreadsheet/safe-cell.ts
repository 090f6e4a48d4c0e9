/**
 * Text that a spreadsheet program could take for a formula (= + - @, or a leading tab or carriage return, which some
 * programs skip before looking) is written with an apostrophe in front, as OWASP advises for exported files. Text that
 * already starts with apostrophes before such a character gets one more, so `restoreCell` can undo exactly what
 * `neutralizeCell` did and an exported file imports back unchanged.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreCell(text: string): string {
  return NEUTRALIZED.test(text) ? text.slice(1) : text;
}
