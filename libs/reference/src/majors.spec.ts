import { UNDERGRAD_CATALOGUE_YEAR, listMajors, majorAccepts, majorByCode, majorCatalogueYears } from './majors.js';

describe('majorByCode', () => {
  it('finds a 专业 with its 专业类 and 门类', () => {
    expect(majorByCode('080901')).toEqual({
      code: '080901',
      name: '计算机科学与技术',
      level: 'major',
      disciplineCode: '08',
      disciplineName: '工学',
      classCode: '0809',
      className: '计算机类',
      catalogueYear: 2025,
      degreeNote: '可授工学或理学学士学位',
    });
  });

  it('finds a 专业类 and a 门类', () => {
    expect(majorByCode('0809')).toMatchObject({ level: 'class', name: '计算机类', classCode: '0809' });
    expect(majorByCode('08')).toMatchObject({ level: 'discipline', name: '工学', classCode: null, className: null });
  });

  it('accepts a T/K-suffixed code with or without its suffix and returns the canonical code', () => {
    expect(majorByCode('080910T')).toMatchObject({ code: '080910T', name: '数据科学与大数据技术' });
    expect(majorByCode('080910')?.code).toBe('080910T');
    expect(majorByCode('010103')?.code).toBe('010103K');
    expect(majorByCode('020203')?.code).toBe('020203TK');
    expect(majorByCode('080910t')?.code).toBe('080910T');
  });

  it('rejects a wrong suffix', () => {
    expect(majorByCode('080910K')).toBeUndefined();
    expect(majorByCode('080901T')).toBeUndefined();
  });

  it('splits the merged 040104/040105 source row', () => {
    expect(majorByCode('040104')).toMatchObject({
      name: '教育技术学',
      degreeNote: '可授教育学或理学或工学学士学位',
    });
    expect(majorByCode('040105')).toMatchObject({
      code: '040105',
      name: '艺术教育',
      level: 'major',
      classCode: '0401',
      className: '教育学类',
      disciplineName: '教育学',
    });
  });

  it('has 0832 交叉工程类 under 工学 in the 2025 catalogue', () => {
    expect(majorByCode('0832', 2025)).toMatchObject({
      level: 'class',
      name: '交叉工程类',
      disciplineCode: '08',
      catalogueYear: 2025,
    });
    expect(majorByCode('083204TK', 2025)?.name).toBe('集成电路科学与工程');
  });

  it('returns undefined for a catalogue year we do not have', () => {
    expect(majorByCode('0832', 2024)).toBeUndefined();
    expect(majorByCode('080901', 2030)).toBeUndefined();
  });

  it.each(['', '8', '080', '08090', '0809011', '999999', '0899', '11', '14', '080901X', ' 080901'])(
    'returns undefined for %j',
    (code) => {
      expect(majorByCode(code)).toBeUndefined();
    },
  );
});

describe('listMajors', () => {
  const majors = listMajors();
  const count = (level: string) => majors.filter((major) => major.level === level).length;

  it('holds the whole 2025 catalogue with 040105 restored', () => {
    expect(UNDERGRAD_CATALOGUE_YEAR).toBe(2025);
    expect(majorCatalogueYears()).toEqual([2025]);
    expect(count('discipline')).toBe(12);
    expect(count('class')).toBe(93);
    expect(count('major')).toBe(840);
  });

  it('lists parents before children in code order', () => {
    expect(majors.slice(0, 3).map((major) => major.code)).toEqual(['01', '0101', '010101']);
    const digits = majors.map((major) => major.code.replace(/[TK]+$/, ''));
    expect(digits).toEqual([...digits].sort());
  });

  it('names every 专业 without a stray code and with a consistent prefix', () => {
    for (const major of majors.filter((entry) => entry.level === 'major')) {
      expect(major.name).not.toMatch(/\d/);
      expect(major.code.startsWith(major.classCode ?? '?')).toBe(true);
      expect(major.classCode?.startsWith(major.disciplineCode)).toBe(true);
    }
  });

  it('is empty for a catalogue year we do not have', () => {
    expect(listMajors(2012)).toEqual([]);
  });
});

describe('majorAccepts', () => {
  it('matches the same 专业, with or without suffix', () => {
    expect(majorAccepts('080901', '080901')).toBe(true);
    expect(majorAccepts('080910T', '080910')).toBe(true);
    expect(majorAccepts('080901', '080902')).toBe(false);
  });

  it('matches any 专业 of a demanded 专业类', () => {
    expect(majorAccepts('0809', '080902')).toBe(true);
    expect(majorAccepts('0809', '080910T')).toBe(true);
    expect(majorAccepts('0809', '080701')).toBe(false);
  });

  it('matches any 专业 of a demanded 门类', () => {
    expect(majorAccepts('08', '080202')).toBe(true);
    expect(majorAccepts('08', '083204TK')).toBe(true);
    expect(majorAccepts('08', '120203K')).toBe(false);
  });

  it('needs a graduate 专业, not a class or discipline', () => {
    expect(majorAccepts('08', '0809')).toBe(false);
    expect(majorAccepts('0809', '0809')).toBe(false);
  });

  it('never matches unknown codes or catalogue years', () => {
    expect(majorAccepts('0899', '080901')).toBe(false);
    expect(majorAccepts('0809', '089999')).toBe(false);
    expect(majorAccepts('0809', '080901', 2030)).toBe(false);
  });
});
