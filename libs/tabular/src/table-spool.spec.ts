import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable, type TableRow } from './read-table.js';
import { readTableSpool, spoolTable } from './table-spool.js';

describe('table spool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabular-spool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function all(rows: AsyncIterable<TableRow>): Promise<TableRow[]> {
    const out: TableRow[] = [];
    for await (const row of rows) out.push(row);
    return out;
  }

  it('gives back exactly what readTable read, row numbers included, with the header first', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('毕业生');
    sheet.addRow(['学号', '姓名', '__proto__', '备注']);
    sheet.addRow(['S1', '李伟𠀀', 'x', '含"引号"\n和换行']);
    sheet.addRow([]);
    sheet.addRow(['S2', '王芳', '', 123]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const path = join(dir, 'a.rows');

    const seen: string[][] = [];
    const spooled = await spoolTable(file, path, { format: 'xlsx', onHeader: (h) => seen.push(h) });
    expect(spooled).toEqual({ headers: ['学号', '姓名', '__proto__', '备注'], rows: 2 });
    expect(seen).toEqual([spooled.headers]);

    const headers: string[][] = [];
    const back = await all(readTableSpool(path, { onHeader: (h) => headers.push(h) }));
    expect(headers).toEqual([spooled.headers]);
    const direct = await all(readTable(file, { format: 'xlsx' }));
    expect(back.map((r) => [r.rowNumber, { ...r.values }])).toEqual(direct.map((r) => [r.rowNumber, { ...r.values }]));
    expect(back[0]!.values['__proto__']).toBe('x');
    expect(back.map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it('keeps the header of a table without rows', async () => {
    const path = join(dir, 'b.rows');
    expect(await spoolTable(Buffer.from('学号,姓名\n'), path, { format: 'csv' })).toEqual({
      headers: ['学号', '姓名'],
      rows: 0,
    });
    const headers: string[][] = [];
    expect(await all(readTableSpool(path, { onHeader: (h) => headers.push(h) }))).toEqual([]);
    expect(headers).toEqual([['学号', '姓名']]);
  });

  it('stops when onRow throws, and the reader’s own errors come through unchanged', async () => {
    const path = join(dir, 'c.rows');
    const limit = new Error('too many rows');
    const csv = Buffer.from(['n', ...Array.from({ length: 1_000 }, (_, i) => String(i))].join('\n'));
    let seen = 0;
    await expect(
      spoolTable(csv, path, {
        format: 'csv',
        onRow: () => {
          if (++seen > 10) throw limit;
        },
      }),
    ).rejects.toBe(limit);
    expect(readFileSync(path, 'utf8').split('\n').length).toBeLessThan(20);
    await expect(spoolTable(Buffer.from('a,b\n"x\n'), join(dir, 'd.rows'), { format: 'csv' })).rejects.toMatchObject({
      code: 'csv_syntax',
    });
  });
});
