import { isKnownOccupationCode, listOccupations, occupationByCode } from './occupations.js';

describe('occupationByCode', () => {
  it('finds an occupation with its definition', () => {
    expect(occupationByCode('1-01-00-01')).toMatchObject({
      code: '1-01-00-01',
      name: '中国共产党机关负责人',
      digital: false,
      green: false,
      definition: expect.stringContaining('担任领导职务的人员') as unknown,
    });
  });

  it('strips the S marker and flags a 数字职业', () => {
    expect(occupationByCode('2-02-10-03')).toMatchObject({
      name: '计算机软件工程技术人员',
      digital: true,
      green: false,
    });
  });

  it('strips the L marker and flags a 绿色职业', () => {
    const occupation = listOccupations().find((entry) => entry.green && !entry.digital);
    expect(occupation).toBeDefined();
    expect(occupation?.name).not.toMatch(/[A-Za-z]$/);
  });

  it('strips an L/S marker and sets both flags', () => {
    const both = listOccupations().filter((entry) => entry.green && entry.digital);
    expect(both.length).toBe(23);
    for (const occupation of both) expect(occupation.name).not.toMatch(/[LS/]$/);
  });

  it('keeps job titles from the source apart from the official name', () => {
    const occupation = occupationByCode('1-06-01-02');
    expect(occupation?.name).toBe('企业经理');
    expect(occupation?.aliases).toContain('首席技术执行官CTO');
    expect(occupation?.aliases).not.toContain('企业经理');
    expect(occupationByCode('1-06-01-03')?.aliases).toEqual([]);
  });

  it.each(['', '1-01-00', '1010001', '1-01-00-1', '9-99-99-99', '1-01-00-01 '])('returns undefined for %j', (code) => {
    expect(occupationByCode(code)).toBeUndefined();
  });
});

describe('isKnownOccupationCode', () => {
  it('accepts real codes and rejects others', () => {
    expect(isKnownOccupationCode('6-18-02-04')).toBe(true); // 焊工
    expect(isKnownOccupationCode('4-04-05-02')).toBe(true); // 计算机软件测试员
    expect(isKnownOccupationCode('6-18-02-99')).toBe(false);
    expect(isKnownOccupationCode('6-18-02')).toBe(false);
  });
});

describe('listOccupations', () => {
  it('holds each 细类 of the source once', () => {
    const occupations = listOccupations();
    // 1,634 level-4 rows, two of them repeated verbatim.
    expect(occupations).toHaveLength(1632);
    expect(new Set(occupations.map((entry) => entry.code)).size).toBe(1632);
    expect(occupations.filter((entry) => entry.digital).length).toBe(95);
    expect(occupations.filter((entry) => entry.green).length).toBe(134);
    expect(occupations.every((entry) => !/[A-Za-z]$/.test(entry.name))).toBe(true);
  });
});
