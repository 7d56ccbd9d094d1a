import 'reflect-metadata';
import { readTable } from '#tabular';
import { GRADUATE_COLUMNS, resolveGraduateHeaders } from './graduate-import.columns.js';
import { buildTemplate, EXAMPLE_ROWS } from './graduate-import.template.js';
import { GraduateRowChecker } from './graduate-row.checker.js';

describe('import template', () => {
  it('is a data sheet with the headers only: the examples are on a sheet that is never imported', async () => {
    const rows = [];
    let headers: string[] = [];
    for await (const row of readTable(await buildTemplate('xlsx'), {
      format: 'xlsx',
      onHeader: (h) => (headers = h),
    })) {
      rows.push(row);
    }
    expect(headers).toEqual(GRADUATE_COLUMNS.map((c) => c.header));
    expect(rows).toEqual([]);
    expect(resolveGraduateHeaders(headers).problems).toEqual([]);
  });

  it('has a CSV form with the header line only', async () => {
    const csv = await buildTemplate('csv');
    expect(csv.subarray(3).toString('utf8')).toBe(`${GRADUATE_COLUMNS.map((c) => c.header).join(',')}\r\n`);
  });

  it('shows examples that pass every rule (for a college with their 院系)', async () => {
    const layout = resolveGraduateHeaders(GRADUATE_COLUMNS.map((c) => c.header));
    const checker = new GraduateRowChecker(layout.columns);
    for (const [i, example] of EXAMPLE_ROWS.entries()) {
      const values = Object.fromEntries(GRADUATE_COLUMNS.map((c) => [c.header, example[c.key] ?? '']));
      const checked = await checker.check(i + 2, values);
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      const content = checker.checkContent({ ...checked, values }, { departments: ['计算机学院', '智能制造学院'] });
      expect(content).toMatchObject({ ok: true });
    }
  });
});
