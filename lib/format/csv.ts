// CSV files people download and open in a spreadsheet. Text in them can come from the chain (a proposal's title,
// a file's path), so it is written to be read as data, never run as a formula.

export type CsvCell = string | bigint | number;

/** A plain decimal number ("-2.5", "1000"): data in every spreadsheet, so it needs no guard. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet may take for the start of a formula (OWASP's list: = + - @ tab carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: text that a spreadsheet would run as a formula gets a leading apostrophe (it then shows as text),
 * and a field holding a comma, a quote or a line break is quoted with its quotes doubled (RFC 4180).
 */
export function csvCell(value: CsvCell): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`not a number: ${value}`);
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An RFC 4180 file: the header line then one line a row, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
