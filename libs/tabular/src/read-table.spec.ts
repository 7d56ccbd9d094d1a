import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { readTable, type ReadTableOptions, type TableRow } from './read-table.js';
import { TabularError } from './tabular.error.js';
import { writeXlsx } from './xlsx-writer.js';

async function all(input: Buffer | Readable, options: ReadTableOptions): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(input, options)) rows.push(row);
  return rows;
}

async function failure(input: Buffer | Readable, options: ReadTableOptions): Promise<TabularError> {
  try {
    await all(input, options);
  } catch (err) {
    if (err instanceof TabularError) return err;
    throw err;
  }
  throw new Error('expected a TabularError');
}

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('readTable: CSV', () => {
  it('keys cells by trimmed header and numbers rows as a spreadsheet shows them', async () => {
    const rows = await all(csv(' 岗位名称 ,招聘人数\r\nJava 开发, 3 \r\n\r\n测试,\r\n'), { format: 'csv' });
    expect(rows).toEqual([
      { rowNumber: 2, values: { 岗位名称: 'Java 开发', 招聘人数: '3' } },
      // Line 3 is blank: skipped, and its number is not reused.
      { rowNumber: 4, values: { 岗位名称: '测试', 招聘人数: '' } },
    ]);
  });

  it('strips a UTF-8 byte-order mark from the first header', async () => {
    const rows = await all(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv('需求类型,岗位名称\n实习,运维\n')]), {
      format: 'csv',
    });
    expect(rows).toEqual([{ rowNumber: 2, values: { 需求类型: '实习', 岗位名称: '运维' } }]);
  });

  it('reads GB18030 (what Excel on Chinese Windows saves as CSV)', async () => {
    const bytes = iconv.encode('需求类型,岗位名称,工作城市\n全职岗位,数控机床操作工（𠀀）,杭州\n', 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const rows = await all(bytes, { format: 'csv' });
    expect(rows).toEqual([
      { rowNumber: 2, values: { 需求类型: '全职岗位', 岗位名称: '数控机床操作工（𠀀）', 工作城市: '杭州' } },
    ]);
  });

  it('keeps quoted commas, quotes and line breaks inside one cell and one row', async () => {
    const rows = await all(csv('岗位名称,岗位描述,证书\n"A,B","第一行\n第二行, 含 ""引号""",x\n下一个,d,y\n'), {
      format: 'csv',
    });
    expect(rows).toEqual([
      { rowNumber: 2, values: { 岗位名称: 'A,B', 岗位描述: '第一行\n第二行, 含 "引号"', 证书: 'x' } },
      { rowNumber: 3, values: { 岗位名称: '下一个', 岗位描述: 'd', 证书: 'y' } },
    ]);
  });

  it('fills missing trailing cells with "" and ignores columns without a header', async () => {
    const rows = await all(csv('a,,b\n1,ignored,2,extra\n3\n'), { format: 'csv' });
    expect(rows).toEqual([
      { rowNumber: 2, values: { a: '1', b: '2' } },
      { rowNumber: 3, values: { a: '3', b: '' } },
    ]);
  });

  it('takes the first non-empty row as the header', async () => {
    const rows = await all(csv('\n,\n名称\nx\n'), { format: 'csv' });
    expect(rows).toEqual([{ rowNumber: 4, values: { 名称: 'x' } }]);
  });

  it('reads a stream that splits multi-byte characters across chunks', async () => {
    const bytes = Buffer.from('名称,城市\n岗位一,杭州\n岗位二,宁波\n', 'utf8');
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const rows = await all(Readable.from(chunks), { format: 'csv' });
    expect(rows.map((r) => r.values)).toEqual([
      { 名称: '岗位一', 城市: '杭州' },
      { 名称: '岗位二', 城市: '宁波' },
    ]);
  });

  it('hands the header to onHeader before any row, and a throw there stops reading', async () => {
    const seen: string[][] = [];
    const stop = new Error('unknown column');
    const read = all(csv('名称,月薪下线\nx,1\n'), {
      format: 'csv',
      onHeader: (headers) => {
        seen.push(headers);
        throw stop;
      },
    });
    await expect(read).rejects.toBe(stop);
    expect(seen).toEqual([['名称', '月薪下线']]);
  });

  it('stops reading the source when the consumer stops early', async () => {
    const lines = ['n', ...Array.from({ length: 10_000 }, (_, i) => String(i))].join('\n');
    const source = Readable.from([Buffer.from(lines)]);
    let count = 0;
    for await (const _row of readTable(source, { format: 'csv' })) if (++count === 3) break;
    expect(count).toBe(3);
    expect(source.destroyed).toBe(true);
  });

  it.each([
    ['duplicate_header', '名称,城市,名称\nx,y,z\n', /表头“名称”出现了两次（第 A 列和第 C 列）/],
    ['no_header', '\n \n,,\n', /文件是空的/],
    ['csv_syntax', '名称,描述\nx,"没有闭合\n', /CSV 格式错误.*引号没有闭合/],
  ])('refuses %s with a message a person can act on', async (code, text, message) => {
    const err = await failure(csv(text), { format: 'csv' });
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it('refuses bytes that are valid in neither encoding when UTF-8 is forced', async () => {
    const err = await failure(iconv.encode('名称\n岗位\n', 'gb18030'), { format: 'csv', encoding: 'utf-8' });
    expect(err.code).toBe('encoding');
    expect(err.message).toMatch(/UTF-8/);
  });
});

describe('readTable: XLSX', () => {
  async function workbook(build: (sheet: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('需求'), wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first worksheet with cells as the text a person sees', async () => {
    const file = await workbook((sheet, wb) => {
      sheet.addRow(['岗位名称', '报名截止日期', '月薪下限', '比例', '技能', '录用', '公式', '链接', '专业代码']);
      sheet.addRow([
        { richText: [{ text: 'Java ' }, { text: '开发', font: { bold: true } }] },
        new Date(Date.UTC(2027, 5, 30)),
        8000,
        0.1 + 0.2,
        'Java:5:必备',
        true,
        { formula: '2*3', result: 6 },
        { text: '官网', hyperlink: 'https://example.com' },
        '080901',
      ]);
      sheet.addRow([]);
      sheet.addRow(['运维', '2027-01-02', 12345678901]);
      wb.addWorksheet('说明').addRow(['不读这一页']);
    });
    const rows = await all(file, { format: 'xlsx' });
    expect(rows).toEqual([
      {
        rowNumber: 2,
        values: {
          岗位名称: 'Java 开发',
          报名截止日期: '2027-06-30',
          月薪下限: '8000',
          比例: '0.3',
          技能: 'Java:5:必备',
          录用: 'TRUE',
          公式: '6',
          链接: '官网',
          专业代码: '080901',
        },
      },
      {
        rowNumber: 4,
        values: {
          岗位名称: '运维',
          报名截止日期: '2027-01-02',
          月薪下限: '12345678901',
          比例: '',
          技能: '',
          录用: '',
          公式: '',
          链接: '',
          专业代码: '',
        },
      },
    ]);
  });

  it('reads what writeXlsx writes (the template round trip)', async () => {
    const file = await writeXlsx([
      {
        name: '需求',
        headers: ['需求类型', '专业代码'],
        rows: [{ 需求类型: '实习', 专业代码: '080901' }],
        textColumns: ['专业代码'],
      },
      { name: '填写说明', headers: ['列'], rows: [{ 列: '需求类型' }] },
    ]);
    expect(await all(file, { format: 'xlsx' })).toEqual([
      { rowNumber: 2, values: { 需求类型: '实习', 专业代码: '080901' } },
    ]);
  });

  it.each([
    ['a CSV', Buffer.from('a,b\n1,2\n')],
    ['an old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])],
    ['a cut-off zip', Buffer.from('PK\u0003\u0004garbage')],
  ])('refuses %s as unreadable', async (_what, bytes) => {
    const err = await failure(bytes, { format: 'xlsx' });
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/无法读取 Excel 文件/);
  });
});
