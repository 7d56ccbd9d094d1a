import { Readable } from 'node:stream';
import { readCsvRows } from './csv-reader.js';
import type { RawRow } from './raw-row.js';
import type { TableFormat } from './table-format.js';
import { TabularError } from './tabular.error.js';
import type { TextEncodingOption } from './text-decoding.js';
import { readXlsxRows } from './xlsx-reader.js';

export interface TableRow {
  /** 1-based row number as a person sees it in the file: the header row is usually 1. */
  rowNumber: number;
  /** Cell text (trimmed) under each header; every header is present, '' when the cell is empty. */
  values: Record<string, string>;
}

export interface ReadTableOptions {
  format: TableFormat;
  /** CSV only: 'auto' (default) reads UTF-8 with or without BOM, and GB18030/GBK. */
  encoding?: TextEncodingOption;
  /** CSV only; default ','. */
  delimiter?: string;
  /**
   * Called once with the header texts before any row is yielded; throw to stop reading (e.g.
   * an unknown column) before the rows are looked at.
   */
  onHeader?: (headers: string[], rowNumber: number) => void;
}

/**
 * Reads a CSV or XLSX (first worksheet) as rows keyed by header. The header is the first row
 * with any content; columns with an empty header cell are ignored; rows whose cells are all
 * empty are skipped (their numbers are not reused). Two columns with the same header text are
 * refused with a TabularError, as is an unreadable file.
 */
export async function* readTable(
  input: Buffer | Uint8Array | Readable,
  options: ReadTableOptions,
): AsyncGenerator<TableRow> {
  const source =
    input instanceof Readable ? input : Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  const rows: AsyncGenerator<RawRow> =
    options.format === 'csv'
      ? readCsvRows(source, { encoding: options.encoding, delimiter: options.delimiter })
      : readXlsxRows(source);

  let headers: { index: number; text: string }[] | null = null;
  let protoHeader = false;
  try {
    for await (const row of rows) {
      // Plain loops: this runs once per row of files of up to 100,000 rows.
      const cells = row.cells;
      let empty = true;
      for (let i = 0; i < cells.length; i++) {
        cells[i] = cells[i]!.trim();
        if (cells[i] !== '') empty = false;
      }
      if (empty) continue;
      if (!headers) {
        headers = headerOf(cells, row.rowNumber);
        // Assigning a key named __proto__ would set the prototype instead: such a file takes the slow path.
        protoHeader = headers.some((h) => h.text === '__proto__');
        options.onHeader?.(
          headers.map((h) => h.text),
          row.rowNumber,
        );
        continue;
      }
      let values: Record<string, string> = {};
      if (protoHeader) values = Object.fromEntries(headers.map((h) => [h.text, cells[h.index] ?? '']));
      else for (const h of headers) values[h.text] = cells[h.index] ?? '';
      yield { rowNumber: row.rowNumber, values };
    }
  } finally {
    await rows.return(undefined);
  }
  if (!headers) throw new TabularError('no_header', '文件是空的：没有表头行，也没有数据');
}

function headerOf(cells: string[], rowNumber: number): { index: number; text: string }[] {
  // A UTF-8 BOM that survived (e.g. a CSV saved twice) is not part of the first header.
  const headers = cells
    .map((text, index) => ({ index, text: text.replace(/^\uFEFF/, '').trim() }))
    .filter((h) => h.text !== '');
  const seen = new Map<string, number>();
  for (const h of headers) {
    const first = seen.get(h.text);
    if (first !== undefined) {
      throw new TabularError(
        'duplicate_header',
        `表头“${h.text}”出现了两次（第 ${columnLetter(first)} 列和第 ${columnLetter(h.index)} 列），请删除或改名其中一列`,
        rowNumber,
      );
    }
    seen.set(h.text, h.index);
  }
  return headers;
}

/** 0 → A, 25 → Z, 26 → AA: the column names a spreadsheet shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
