import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { readTable } from './read-table.js';

describe('readTable: XLSX with many Chinese strings', () => {
  // exceljs decodes each chunk of a zip entry separately; without re-chunking, characters that
  // straddle two chunks came out as “��” (seen in real cohort files, a few rows per thousand).
  it('reads every character as written, in shared strings and inline strings, streamed in small chunks', async () => {
    const names = Array.from(
      { length: 3_000 },
      (_, i) => `${'李王张刘陈欧阳'[i % 6]}${'伟芳娜敏静丽强磊'[i % 8]}${i}𠀀`,
    );
    for (const useSharedStrings of [true, false]) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('毕业生');
      sheet.addRow(['学号', '姓名', '院系']);
      names.forEach((name, i) => sheet.addRow([`S${i}`, name, i % 2 ? '计算机学院' : '机械工程学院']));
      const bytes = Buffer.from(
        useSharedStrings
          ? await workbook.xlsx.writeBuffer()
          : await workbook.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions),
      );
      // Small, odd-sized chunks, as a file stream may deliver them.
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 997) chunks.push(bytes.subarray(i, i + 997));
      const read: string[] = [];
      for await (const row of readTable(Readable.from(chunks), { format: 'xlsx' })) read.push(row.values['姓名']!);
      expect({ useSharedStrings, garbled: read.filter((n, i) => n !== names[i]) }).toEqual({
        useSharedStrings,
        garbled: [],
      });
    }
  });
});
