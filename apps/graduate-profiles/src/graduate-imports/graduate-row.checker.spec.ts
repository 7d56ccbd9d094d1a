import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { GraduateProfileInputDto } from '../graduates/dto/graduate-profile-input.dto.js';
import { GRADUATE_COLUMNS, resolveGraduateHeaders } from './graduate-import.columns.js';
import { GraduateRowChecker, toInputDto, type RowVerdict } from './graduate-row.checker.js';

const HEADERS = GRADUATE_COLUMNS.map((c) => c.header);
const COLLEGE = { departments: ['计算机学院', '智能制造学院'] };

const VALID: Record<string, string> = {
  学号: '2023010101',
  姓名: '王小明',
  院系: '计算机学院',
  专业代码: '080901',
  学历: '本科',
  毕业年份: '2027',
  技能: 'Java、MySQL',
  实习经历: '杭州某公司|C|3|测试助理',
  学业排名百分位: '85',
  意向城市: '330100',
  手机号: '13812345678',
  电子邮箱: 'Wang@Example.com',
};

function checker(headers: string[] = HEADERS): GraduateRowChecker {
  const layout = resolveGraduateHeaders(headers);
  expect(layout.problems).toEqual([]);
  return new GraduateRowChecker(layout.columns);
}

function errorsOf(checked: RowVerdict) {
  if (checked.ok) throw new Error('expected the row to be refused');
  return checked.errors;
}

describe('GraduateRowChecker', () => {
  it('passes a valid row, and the catalogue rules fill the 本科 major name', async () => {
    const checked = await checker().check(2, VALID);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const content = checker().checkContent({ ...checked, values: VALID }, COLLEGE);
    expect(content).toMatchObject({
      ok: true,
      graduate: {
        studentNumber: '2023010101',
        majorCode: '080901',
        majorName: '计算机科学与技术',
        majorCatalogueYear: 2025,
        degree: 'bachelor',
        email: 'wang@example.com',
      },
    });
  });

  it('reports each problem of a row by row number, column and masked value, in Chinese', async () => {
    const checked = await checker().check(7, {
      ...VALID,
      姓名: '',
      毕业年份: '1999',
      实习经历: '某公司|Z|3|',
      手机号: '12345678901',
      电子邮箱: 'zhang.san@@example',
    });
    expect(errorsOf(checked)).toEqual([
      { row: 7, column: '姓名', field: 'name', value: '', message: '必填，不能为空' },
      { row: 7, column: '毕业年份', field: 'graduationYear', value: '1999', message: '不能小于 2000' },
      {
        row: 7,
        column: '实习经历',
        field: 'internships.0.industrySection',
        value: '某公司|Z|3|',
        message: '第 1 项：须为国民经济行业分类门类字母 A–T（GB/T 4754-2017）',
      },
      {
        row: 7,
        column: '手机号',
        field: 'phone',
        value: '123****8901',
        message: '手机号须为 11 位大陆手机号，如 13812345678',
      },
      {
        row: 7,
        column: '电子邮箱',
        field: 'email',
        value: 'z***@example',
        message: '电子邮箱格式不正确，如 wangxm@example.com',
      },
    ]);
  });

  it('names the column as the file spells it', async () => {
    const headers = HEADERS.map((h) => (h === '手机号' ? '手机号码' : h));
    const values = { ...VALID, 手机号码: '1381234' };
    const errors = errorsOf(await checker(headers).check(3, values));
    expect(errors).toEqual([expect.objectContaining({ column: '手机号码', value: '*******' })]);
  });

  it('checks the 院系 and the catalogue against the college', async () => {
    const c = checker();
    const values = { ...VALID, 院系: '艺术学院', 专业代码: '089999' };
    const row = await c.check(4, values);
    if (!row.ok) throw new Error('the sheet and DTO accept this row');
    const content = c.checkContent({ ...row, values }, COLLEGE);
    expect(content.ok).toBe(false);
    if (content.ok) return;
    expect(content.errors.map((e) => [e.column, e.message])).toEqual([
      ['院系', '院系“艺术学院”不是本校登记的院系（计算机学院、智能制造学院）'],
      ['专业代码', '专业代码 089999 不在 2025 年版本科专业目录中'],
    ]);
  });

  it('clears the e-mail on 无 (null), not “keep what is stored”', async () => {
    const c = checker();
    const values = { ...VALID, 电子邮箱: '无' };
    const row = await c.check(5, values);
    if (!row.ok) throw new Error('valid row');
    const content = c.checkContent({ ...row, values }, COLLEGE);
    expect(content).toMatchObject({ ok: true, graduate: { email: null } });
  });

  it('builds the same DTO instances as plainToInstance (the fast path must not drift from the API)', () => {
    const inputs: Record<string, unknown>[] = [
      {
        studentNumber: 'S1',
        name: '李娜',
        department: '智能制造学院',
        major: { code: '460103', name: '数控技术', catalogueYear: 2021 },
        degree: 'associate',
        graduationYear: 2027,
        skills: ['CAD'],
        internships: [
          { enterprise: '某公司', industrySection: 'C', months: 6, role: '操作工' },
          { enterprise: '某所', months: 1 },
        ],
        gpaPercentile: null,
        preferences: {
          cities: ['330200'],
          industries: [],
          demandKinds: ['apprenticeship'],
          minMonthlySalary: null,
          willingToRelocate: false,
        },
        phone: null,
      },
      { studentNumber: 'S2', name: '王', department: '计算机学院', degree: 'bachelor', graduationYear: 2027 },
    ];
    for (const input of inputs) {
      const fast = toInputDto(input);
      const reference = plainToInstance(GraduateProfileInputDto, input);
      expect(fast).toStrictEqual(reference);
    }
  });
});
