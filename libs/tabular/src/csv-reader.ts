import { parse, CsvError } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { decodeText, type TextEncodingOption } from './text-decoding.js';
import { TabularError } from './tabular.error.js';
import type { RawRow } from './raw-row.js';

export interface CsvReadOptions {
  encoding?: TextEncodingOption;
  delimiter?: string;
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合',
  CSV_INVALID_CLOSING_QUOTE: '引号后面多了字符',
  CSV_MAX_RECORD_SIZE: '单元格内容过长',
};

/**
 * CSV records as cells, numbered as a spreadsheet shows them: record n is row n, blank lines
 * included (a quoted cell may span several lines and still be one row).
 */
export async function* readCsvRows(source: Readable, options: CsvReadOptions = {}): AsyncGenerator<RawRow> {
  const parser = parse({
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // One runaway quote must not swallow the whole file into one cell.
    max_record_size: 1024 * 1024,
  });
  // pipeline destroys the parser with the source's error (e.g. bad encoding), so the loop throws it.
  const records = pipeline(Readable.from(decodeText(source, options.encoding)), parser, () => undefined);
  let rowNumber = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: record };
    }
  } catch (err) {
    if (err instanceof TabularError) throw err;
    if (err instanceof CsvError) {
      const at = rowNumber + 1;
      const what = CSV_PROBLEMS[err.code] ?? err.message;
      throw new TabularError('csv_syntax', `CSV 格式错误（第 ${at} 行附近）：${what}`, at, { cause: err });
    }
    throw err;
  } finally {
    parser.destroy();
    source.destroy();
  }
}
