import { Readable } from 'node:stream';
import { neutraliseFormula, type CellValue } from './csv-writer.js';

const BOM = '\uFEFF';

/** One CSV line (without the line end): formulas neutralised, quoted where needed. */
export function csvLine(cells: readonly CellValue[]): string {
  return cells
    .map((value) => {
      if (value === null || value === undefined) return '';
      const text = neutraliseFormula(String(value));
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/**
 * The same CSV as writeCsv (UTF-8 with BOM, CRLF, a header line), produced as a stream from rows
 * that arrive over time (e.g. pages of a query): a report of any length without holding it whole.
 * Lines are grouped into chunks of about 64 KB.
 */
export function csvStream(
  rows: AsyncIterable<Record<string, CellValue>> | Iterable<Record<string, CellValue>>,
  headers: readonly string[],
): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    let pending = `${BOM}${csvLine(headers)}\r\n`;
    for await (const row of rows) {
      pending += `${csvLine(headers.map((h) => row[h]))}\r\n`;
      if (pending.length >= 32 * 1024) {
        yield Buffer.from(pending, 'utf8');
        pending = '';
      }
    }
    if (pending) yield Buffer.from(pending, 'utf8');
  }
  return Readable.from(chunks(), { objectMode: false });
}
