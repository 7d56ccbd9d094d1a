import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { cellText } from './cell-text.js';
import type { RawRow } from './raw-row.js';
import { TabularError } from './tabular.error.js';
import { alignUtf8Chunks } from './utf8-chunks.js';

const UNREADABLE = '无法读取 Excel 文件：文件已损坏，或不是 .xlsx 格式（旧版 .xls 请在 Excel 中另存为 .xlsx 或 CSV）';

/** The parts of exceljs 4.4's streaming reader that hand the XML of a zip entry to its parser. */
interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Uint8Array>, sheetNo: string): Generator<unknown>;
}

const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

/**
 * exceljs decodes each chunk of a zip entry as UTF-8 on its own, so a Chinese character whose
 * bytes straddle two chunks comes out as “��” (in shared strings and in inline cells alike).
 * The entries are re-chunked on character boundaries before they reach its parser.
 */
class Utf8SafeWorkbookReader extends BaseReader {
  override _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    return super._parseSharedStrings(Readable.from(alignUtf8Chunks(entry)));
  }

  override _parseWorksheet(iterator: AsyncIterable<Uint8Array>, sheetNo: string): Generator<unknown> {
    return super._parseWorksheet(alignUtf8Chunks(iterator), sheetNo);
  }
}

/**
 * The rows of an .xlsx file's first worksheet (the first in the file), streamed: the whole
 * workbook is never held in memory. Row numbers are the sheet's own; empty rows are not emitted.
 */
export async function* readXlsxRows(source: Readable): AsyncGenerator<RawRow> {
  const workbook = new Utf8SafeWorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number; hyperlinks are read as their text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rowNumber: number | undefined;
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        rowNumber = row.number;
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        // row.values is 1-based and sparse.
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { rowNumber: row.number, cells };
      }
      return;
    }
  } catch (err) {
    if (err instanceof TabularError) throw err;
    throw new TabularError(
      'unreadable',
      rowNumber ? `${UNREADABLE}（读到第 ${rowNumber} 行时出错）` : UNREADABLE,
      rowNumber,
      {
        cause: err,
      },
    );
  } finally {
    source.destroy();
  }
}
