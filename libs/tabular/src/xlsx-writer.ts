import ExcelJS from 'exceljs';
import type { CellValue } from './csv-writer.js';

export interface SheetSpec {
  name: string;
  headers: readonly string[];
  rows: Iterable<Record<string, CellValue>>;
  /** Headers whose column is formatted as text, so Excel keeps codes such as 080901 as typed. */
  textColumns?: readonly string[];
  /** Column widths in characters, by header; default fits the header. */
  widths?: Readonly<Record<string, number>>;
}

/** A small .xlsx (templates, reports): a bold, frozen header row on each sheet. */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.headers.map((header) => ({
      header,
      key: header,
      width: spec.widths?.[header] ?? Math.max(10, [...header].length * 2 + 2),
      style: spec.textColumns?.includes(header) ? { numFmt: '@' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) {
      sheet.addRow(Object.fromEntries(spec.headers.map((h) => [h, row[h] ?? null])));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
