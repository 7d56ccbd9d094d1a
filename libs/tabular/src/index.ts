export { readTable, columnLetter, type ReadTableOptions, type TableRow } from './read-table.js';
export { detectFormat, TABLE_FORMATS, TABLE_MIME_TYPES, type TableFormat } from './table-format.js';
export { detectEncoding, TEXT_ENCODINGS, type TextEncodingOption } from './text-decoding.js';
export { cellText } from './cell-text.js';
export { writeCsv, neutraliseFormula, type CellValue } from './csv-writer.js';
export { csvLine, csvStream } from './csv-stream.js';
export { writeXlsx, type SheetSpec } from './xlsx-writer.js';
export { TabularError, type TabularErrorCode } from './tabular.error.js';
export {
  normaliseHeader,
  resolveHeaderLayout,
  type HeaderLayout,
  type HeaderLayoutOptions,
  type HeaderProblem,
  type TemplateColumn,
} from './header-layout.js';
export { LIST_SEPARATORS, parseDecimal, parseWholeNumber, parseYesNo, splitList } from './cell-values.js';
export { readTableSpool, spoolTable, type SpoolOptions, type SpoolResult } from './table-spool.js';
