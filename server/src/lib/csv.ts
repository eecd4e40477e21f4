/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet. A cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return would be read as a formula (CSV injection, OWASP): such a cell gets a
 * leading apostrophe, which spreadsheets show as text. Every cell is quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(cells: Array<string | number | null | undefined>): string {
  return cells.map(csvCell).join(',');
}

/** Header and rows, CRLF line ends, with a BOM so spreadsheets read UTF-8 (accents) correctly. */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return `\uFEFF${[csvRow(header), ...rows.map(csvRow)].join('\r\n')}\r\n`;
}
