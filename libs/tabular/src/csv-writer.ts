export type CellValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * A cell that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) gets a leading
 * apostrophe, so a value echoed from an upload cannot execute when the file is opened. Plain
 * numbers such as `-5` are left as they are.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text for Excel: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads
 * GBK and shows mojibake), CRLF line ends, a header line, then one line per row in header order.
 */
export function writeCsv(rows: Iterable<Record<string, CellValue>>, headers: readonly string[]): Buffer {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) lines.push(headers.map((h) => csvCell(row[h])).join(','));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
