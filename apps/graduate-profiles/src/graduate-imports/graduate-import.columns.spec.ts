import {
  columnForField,
  GRADUATE_COLUMNS,
  itemNumberOf,
  normaliseMajorCode,
  normalisePhone,
  parseCities,
  parseDegree,
  parseDemandKind,
  parseGraduateRow,
  parseIndustries,
  parseInternships,
  resolveGraduateHeaders,
  type GraduateColumnKey,
} from './graduate-import.columns.js';

/** A row of the template by header, as readTable yields it. */
function rowOf(cells: Record<string, string>) {
  const byKey = new Map(GRADUATE_COLUMNS.map((c) => [c.key, c.header]));
  return (key: GraduateColumnKey) => cells[byKey.get(key)!] ?? '';
}

const REQUIRED = {
  学号: '2023010101',
  姓名: '王小明',
  院系: '计算机学院',
  专业代码: '080901',
  学历: '本科',
  毕业年份: '2027',
};

describe('graduate import columns', () => {
  describe('header', () => {
    it('accepts the template headers and common aliases; 序号 is ignored', () => {
      const layout = resolveGraduateHeaders([
        '序号',
        '学生学号',
        '学生姓名',
        '学院',
        '专业编码',
        '培养层次',
        '届别',
        '手机号码',
        'E-mail',
      ]);
      expect(layout.problems).toEqual([]);
      expect(layout.ignored).toEqual(['序号']);
      expect(layout.columns.get('phone')).toBe('手机号码');
      expect(layout.columns.get('email')).toBe('E-mail');
    });

    it('refuses columns the platform must not collect, saying why', () => {
      const layout = resolveGraduateHeaders([...Object.keys(REQUIRED), '身份证号', '民族']);
      expect(layout.problems.map((p) => p.header)).toEqual(['身份证号', '民族']);
      expect(layout.problems[0]!.message).toMatch(/最小必要原则/);
    });

    it('names missing required columns', () => {
      const layout = resolveGraduateHeaders(['姓名', '院系']);
      expect(layout.problems.map((p) => p.message)).toEqual([
        '缺少必需的列“学号”',
        '缺少必需的列“专业代码”',
        '缺少必需的列“学历”',
        '缺少必需的列“毕业年份”',
      ]);
    });
  });

  describe('cells', () => {
    it.each([
      ['本科', 'bachelor'],
      ['大专', 'associate'],
      ['高职专科', 'associate'],
      ['硕士研究生', 'master'],
      ['博士学历', 'doctor'],
      ['中专', 'secondary_vocational'],
      ['bachelor', 'bachelor'],
      ['博士后', undefined],
    ])('学历 %p → %p', (text, degree) => {
      expect(parseDegree(text)).toBe(degree);
    });

    it.each([
      ['全职', 'job'],
      ['实习', 'internship'],
      ['学徒', 'apprenticeship'],
      ['订单班', 'order_training'],
      ['兼职', undefined],
    ])('意向类型 %p → %p', (text, kind) => {
      expect(parseDemandKind(text)).toBe(kind);
    });

    it('puts back the leading zero Excel drops from a major code, and upper-cases the suffix', () => {
      expect(normaliseMajorCode('80901')).toBe('080901');
      expect(normaliseMajorCode('80910t')).toBe('080910T');
      expect(normaliseMajorCode('080901')).toBe('080901');
      expect(normaliseMajorCode('510201')).toBe('510201');
    });

    it('reads phone numbers as people write them', () => {
      expect(normalisePhone('138 1234 5678')).toBe('13812345678');
      expect(normalisePhone('138-1234-5678')).toBe('13812345678');
      expect(normalisePhone('+86 13812345678')).toBe('13812345678');
      expect(normalisePhone('0571-88123456')).toBe('057188123456');
    });

    it('reads cities as codes or city names, naming each item it cannot', () => {
      expect(parseCities('330100、杭州市;宁波 310000')).toEqual({
        cities: ['330100', '330100', '330200', '310000'],
        problems: [],
      });
      expect(parseCities('330100、999999、3301、火星').problems).toEqual([
        '第 2 项：999999 不在现行行政区划代码表中（GB/T 2260）',
        '第 3 项：“3301”应为 6 位行政区划代码，如 330100',
        '第 4 项：无法识别的城市“火星”，请填写 6 位行政区划代码（如 330100）或地级市名称（如 杭州市）',
      ]);
    });

    it('reads industries as letters or 门类 names (names may contain 、)', () => {
      expect(parseIndustries('c;I')).toEqual(['C', 'I']);
      expect(parseIndustries('制造业、农、林、牧、渔业')).toEqual(['C', 'A']);
      expect(parseIndustries('信息传输、软件和信息技术服务业')).toEqual(['I']);
    });

    it('reads internships as 单位|行业门类|月数|岗位 entries', () => {
      expect(
        parseInternships('杭州某公司|C|3|测试助理; 某软件公司|信息传输、软件和信息技术服务业|1.5个月|\n某研究所||2'),
      ).toEqual({
        internships: [
          { enterprise: '杭州某公司', industrySection: 'C', months: 3, role: '测试助理' },
          { enterprise: '某软件公司', industrySection: 'I', months: 1.5 },
          { enterprise: '某研究所', months: 2 },
        ],
        problems: [],
      });
      expect(parseInternships('某公司|3').problems).toEqual([
        '第 1 段“某公司|3”应写成“单位|行业门类|月数|岗位”，如 杭州某智能制造有限公司|C|3|测试工程师助理',
      ]);
      expect(parseInternships('某公司|C|三个月|').problems).toEqual(['第 1 段的月数“三个月”应为数字，如 3 或 1.5']);
    });
  });

  describe('a row', () => {
    it('maps a full row to the DTO shape, with the catalogue year defaulting to 2025', () => {
      const { input, problems } = parseGraduateRow(
        rowOf({
          ...REQUIRED,
          技能: 'Java、MySQL',
          证书: '全国计算机等级考试二级',
          实习经历: '杭州某公司|C|3|测试助理',
          学业排名百分位: '85.5%',
          意向城市: '330100',
          意向行业: 'I',
          意向类型: '全职岗位、实习',
          最低期望月薪: '6,000元',
          是否愿意异地: '是',
          手机号: '138 1234 5678',
          电子邮箱: ' Wang@Example.com ',
        }),
      );
      expect(problems).toEqual([]);
      expect(input).toEqual({
        studentNumber: '2023010101',
        name: '王小明',
        department: '计算机学院',
        major: { code: '080901', catalogueYear: 2025 },
        degree: 'bachelor',
        graduationYear: 2027,
        skills: ['Java', 'MySQL'],
        certificates: ['全国计算机等级考试二级'],
        internships: [{ enterprise: '杭州某公司', industrySection: 'C', months: 3, role: '测试助理' }],
        gpaPercentile: 85.5,
        preferences: {
          cities: ['330100'],
          industries: ['I'],
          demandKinds: ['job', 'internship'],
          minMonthlySalary: 6000,
          willingToRelocate: true,
        },
        phone: '13812345678',
        email: 'Wang@Example.com',
      });
    });

    it('leaves empty optional cells out (the stored value stays) and clears on 无', () => {
      const { input } = parseGraduateRow(
        rowOf({ ...REQUIRED, 技能: '无', 证书: '', 学业排名百分位: '无', 手机号: '无', 电子邮箱: '' }),
      );
      expect(input.skills).toEqual([]);
      expect('certificates' in input).toBe(false);
      expect(input.gpaPercentile).toBeNull();
      expect(input.phone).toBeNull();
      expect('email' in input).toBe(false);
      expect('preferences' in input).toBe(false);
    });

    it('takes the 意向 columns as one group: one filled cell sets all five', () => {
      const { input } = parseGraduateRow(rowOf({ ...REQUIRED, 意向城市: '宁波市' }));
      expect(input.preferences).toEqual({
        cities: ['330200'],
        industries: [],
        demandKinds: [],
        minMonthlySalary: null,
        willingToRelocate: false,
      });
    });

    it('explains in the sheet’s terms what only the sheet can explain', () => {
      const { problems } = parseGraduateRow(
        rowOf({
          ...REQUIRED,
          学号: '',
          学历: '专升本本科',
          毕业年份: '二〇二七',
          专业目录年份: '新版',
          学业排名百分位: '前10%',
          意向类型: '兼职',
          最低期望月薪: '面议',
          是否愿意异地: '看情况',
        }),
      );
      expect(problems.map((p) => [p.column.header, p.message])).toEqual([
        ['学号', '必填，不能为空'],
        ['专业目录年份', '应为 4 位年份，如 2025'],
        ['学历', '无法识别的学历“专升本本科”，应为 中职/高职专科/本科/硕士/博士 之一'],
        ['毕业年份', '应为 4 位年份，如 2027'],
        ['学业排名百分位', '应为 0–100 的数字，如 85 或 85.5'],
        ['意向类型', '无法识别的意向类型“兼职”，应为 全职岗位/实习/新型学徒制/订单培养 之一'],
        ['最低期望月薪', '应为整数（元/月），如 6000'],
        ['是否愿意异地', '应为“是”或“否”'],
      ]);
    });
  });

  describe('error fields → columns', () => {
    it.each([
      ['studentNumber', '学号'],
      ['major', '专业代码'],
      ['major.code', '专业代码'],
      ['major.name', '专业名称'],
      ['major.catalogueYear', '专业目录年份'],
      ['internships.1.months', '实习经历'],
      ['preferences.cities.0', '意向城市'],
      ['preferences.willingToRelocate', '是否愿意异地'],
      ['email', '电子邮箱'],
    ])('%s → %s', (field, header) => {
      expect(columnForField(field)?.header).toBe(header);
    });

    it('numbers list items from 1', () => {
      expect(itemNumberOf('internships.1.months')).toBe(2);
      expect(itemNumberOf('skills')).toBeUndefined();
    });
  });
});
