import { readTable } from './read-table.js';
import { writeCsv } from './csv-writer.js';

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, quoting what needs it', () => {
    const out = writeCsv(
      [
        { 行号: 2, 值: 'a,b', 说明: '含"引号"' },
        { 行号: 3, 值: null, 说明: '两行\n说明' },
      ],
      ['行号', '值', '说明'],
    );
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString('utf8')).toBe('行号,值,说明\r\n2,"a,b","含""引号"""\r\n3,,"两行\n说明"\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not plain numbers', () => {
    const out = writeCsv(
      [{ v: '=HYPERLINK("x")' }, { v: '-1+cmd' }, { v: '-5' }, { v: '@SUM(A1)' }, { v: '+3.5' }],
      ['v'],
    );
    expect(out.subarray(3).toString('utf8').split('\r\n')).toEqual([
      'v',
      `"'=HYPERLINK(""x"")"`,
      "'-1+cmd",
      '-5',
      "'@SUM(A1)",
      '+3.5',
      '',
    ]);
  });

  it('reads back as it was written', async () => {
    const rows = [{ 列: '岗位描述', 值: '第一行\n第二行, 含 "引号"' }];
    const back = [];
    for await (const row of readTable(writeCsv(rows, ['列', '值']), { format: 'csv' })) back.push(row.values);
    expect(back).toEqual(rows);
  });
});
