import {
  COLUMN,
  columnForField,
  IMPORT_COLUMNS,
  itemNumberOf,
  normaliseDate,
  normaliseHeader,
  normaliseMajorCode,
  normaliseTerm,
  parseDegree,
  parseDemandRow,
  parseKind,
  parseSkills,
  parseWholeNumber,
  resolveHeaders,
  splitCodes,
  splitNames,
  type ImportColumnKey,
} from './demand-import.columns.js';

/** A row of the template by header, as readTable yields it. */
function rowOf(cells: Record<string, string>) {
  const byHeader = new Map(IMPORT_COLUMNS.map((c) => [c.key, c.header]));
  return (key: ImportColumnKey) => cells[byHeader.get(key)!] ?? '';
}

const validJob = {
  需求类型: '全职岗位',
  岗位名称: 'Java 开发工程师',
  招聘人数: '3',
  专业代码: '080901、0807',
  最低学历: '本科',
  技能: 'Java:5:必备;MySQL:3',
  工作城市: '330100;330200',
  月薪下限: '8,000',
  月薪上限: '12000',
  毕业年份: '2026;2027',
  报名截止日期: '2027/6/30',
};

describe('demand import columns', () => {
  describe('skills cell', () => {
    it('reads name:weight:必备 items separated by ; and other separators', () => {
      expect(parseSkills('Java:5:必备;MySQL:3；Linux、PLC编程：4：可选\nC++:2:是').skills).toEqual([
        { name: 'Java', weight: 5, required: true },
        { name: 'MySQL', weight: 3, required: false },
        { name: 'Linux', weight: 3, required: false },
        { name: 'PLC编程', weight: 4, required: false },
        { name: 'C++', weight: 2, required: true },
      ]);
    });

    it('takes the parts after the name in any order', () => {
      expect(parseSkills('Python:必备:4').skills).toEqual([{ name: 'Python', weight: 4, required: true }]);
      expect(parseSkills('Python:必备').skills).toEqual([{ name: 'Python', weight: 3, required: true }]);
    });

    it('an empty cell is no skills', () => {
      expect(parseSkills('')).toEqual({ skills: [], problems: [] });
    });

    it.each([
      ['Java:9', /权重应为 1–5 的整数，实际为 9/],
      ['Java:0:必备', /权重应为 1–5/],
      ['Java:5:很重要', /“很重要”无法识别/],
      [':5', /缺少技能名称/],
    ])('names what is wrong in %p', (cell, message) => {
      const { skills, problems } = parseSkills(cell);
      expect(skills).toEqual([]);
      expect(problems).toEqual([expect.stringMatching(message)]);
    });
  });

  describe('list separators', () => {
    it('splits codes on 、 ; , (both widths), line breaks and spaces', () => {
      expect(splitCodes('080901、0807;0809；0810,0811，0812\n0813  0814')).toEqual([
        '080901',
        '0807',
        '0809',
        '0810',
        '0811',
        '0812',
        '0813',
        '0814',
      ]);
    });

    it('keeps spaces inside names', () => {
      expect(splitNames('1+X Web 前端开发职业技能等级证书、电工证; 焊工证')).toEqual([
        '1+X Web 前端开发职业技能等级证书',
        '电工证',
        '焊工证',
      ]);
    });

    it('gives back the leading zero Excel drops from a major code', () => {
      expect(['80901', '807', '8', '080901', '0807', '080910t', '80910T'].map(normaliseMajorCode)).toEqual([
        '080901',
        '0807',
        '08',
        '080901',
        '0807',
        '080910T',
        '080910T',
      ]);
    });
  });

  describe('Chinese labels', () => {
    it.each([
      ['全职岗位', 'job'],
      ['全职', 'job'],
      ['job', 'job'],
      ['实习', 'internship'],
      [' Internship ', 'internship'],
      ['新型学徒制', 'apprenticeship'],
      ['学徒制', 'apprenticeship'],
      ['订单培养', 'order_training'],
      ['订单班', 'order_training'],
      ['兼职', undefined],
    ])('需求类型 %p → %p', (label, kind) => {
      expect(parseKind(label)).toBe(kind);
    });

    it.each([
      ['中职', 'secondary_vocational'],
      ['中专', 'secondary_vocational'],
      ['高职专科', 'associate'],
      ['大专', 'associate'],
      ['专科及以上', 'associate'],
      ['本科', 'bachelor'],
      ['本科以上学历', 'bachelor'],
      ['bachelor', 'bachelor'],
      ['硕士', 'master'],
      ['研究生', 'master'],
      ['博士', 'doctor'],
      ['初中', undefined],
    ])('最低学历 %p → %p', (label, degree) => {
      expect(parseDegree(label)).toBe(degree);
    });
  });

  describe('numbers, dates and terms', () => {
    it.each([
      ['8000', 8000],
      ['8,000', 8000],
      ['１２０００', 12000],
      ['5.0', 5],
      ['0', 0],
      ['-3', -3],
      ['5.5', undefined],
      ['8k', undefined],
      ['8,00', undefined],
    ])('%p → %p', (text, n) => {
      expect(parseWholeNumber(text)).toBe(n);
    });

    it.each([
      ['2027-06-30', '2027-06-30'],
      ['2027/6/30', '2027-06-30'],
      ['2027.6.3', '2027-06-03'],
      ['2027年6月30日', '2027-06-30'],
      ['2027-06-30 00:00:00', '2027-06-30'],
      ['30/06/2027', '30/06/2027'],
    ])('date %p → %p', (text, date) => {
      expect(normaliseDate(text)).toBe(date);
    });

    it('reads 开始培养学期 as typed', () => {
      expect(['2027-秋', '2027秋', '2027年秋季', '2028 春季学期', 'autumn'].map(normaliseTerm)).toEqual([
        '2027-秋',
        '2027-秋',
        '2027-秋',
        '2028-春',
        'autumn',
      ]);
    });
  });

  describe('headers', () => {
    it('accepts the template headers, half-width brackets, * marks, spaces and aliases', () => {
      const layout = resolveHeaders([
        ...IMPORT_COLUMNS.map((c) => c.header).filter((h) => h !== '实习时长（月）'),
        '*实习时长(月)',
        ' 学历要求 ',
      ]);
      // 学历要求 is an alias of 最低学历, which is already there.
      expect(layout.problems).toEqual([
        { header: ' 学历要求 ', message: '列“ 学历要求 ”与列“最低学历”是同一列（最低学历），请只保留一列' },
      ]);
      expect(layout.columns.get('internshipMonths')).toBe('*实习时长(月)');
      expect(normaliseHeader('实习补贴（元/月）')).toBe(normaliseHeader('实习补贴(元/月)'));
    });

    it('names an unknown header with the closest known one, and every missing required column', () => {
      const headers = IMPORT_COLUMNS.filter((c) => c.required === 'always' && c.key !== 'deadline').map((c) =>
        c.key === 'salaryMin' ? '月薪下线' : c.header,
      );
      const { problems } = resolveHeaders([...headers, '备注']);
      expect(problems.map((p) => p.message)).toEqual([
        '无法识别的列“月薪下线”，是否应为“月薪下限”？',
        '无法识别的列“备注”',
        '缺少必需的列“月薪下限”',
        '缺少必需的列“报名截止日期”',
      ]);
    });
  });

  describe('a row', () => {
    it('becomes a CreateDemandDto-shaped object', () => {
      const { input, problems } = parseDemandRow(rowOf(validJob));
      expect(problems).toEqual([]);
      expect(input).toEqual({
        kind: 'job',
        title: 'Java 开发工程师',
        headcount: 3,
        majors: [
          { code: '080901', catalogueYear: 2025 },
          { code: '0807', catalogueYear: 2025 },
        ],
        minDegree: 'bachelor',
        skills: [
          { name: 'Java', weight: 5, required: true },
          { name: 'MySQL', weight: 3, required: false },
        ],
        cities: ['330100', '330200'],
        salaryMin: 8000,
        salaryMax: 12000,
        graduationYears: [2026, 2027],
        deadline: '2027-06-30',
      });
    });

    it('fills kind details for their kind only', () => {
      const intern = parseDemandRow(
        rowOf({ ...validJob, 需求类型: '实习', '实习时长（月）': '6', '实习补贴（元/月）': '3000' }),
      );
      expect(intern.problems).toEqual([]);
      expect(intern.input.internship).toEqual({ durationMonths: 6, stipendMonthly: 3000 });

      const order = parseDemandRow(
        rowOf({
          ...validJob,
          需求类型: '订单培养',
          合作院校: 'c1、c2',
          培养规模: '40',
          开始培养学期: '2027年秋季',
          录用承诺: '考核合格者全部录用',
        }),
      );
      expect(order.problems).toEqual([]);
      expect(order.input.orderTraining).toEqual({
        partnerCollegeIds: ['c1', 'c2'],
        cohortSize: 40,
        trainingStartTerm: '2027-秋',
        hireCommitment: '考核合格者全部录用',
      });
    });

    it('names each problem with its column and field', () => {
      const { problems } = parseDemandRow(
        rowOf({
          ...validJob,
          需求类型: '全职岗位',
          岗位名称: '',
          招聘人数: '三',
          最低学历: '专升本',
          技能: 'Java:9',
          毕业年份: '2026;明年',
          '实习时长（月）': '6',
        }),
      );
      expect(problems.map((p) => [p.column.header, p.field, p.message])).toEqual([
        ['岗位名称', 'title', '必填，不能为空'],
        ['招聘人数', 'headcount', '应为整数，如 5'],
        ['最低学历', 'minDegree', '无法识别的学历“专升本”，应为 中职/高职专科/本科/硕士/博士 之一'],
        ['技能', 'skills', '技能“Java”的权重应为 1–5 的整数，实际为 9'],
        ['毕业年份', 'graduationYears', '毕业年份应为 4 位年份，多个用 ; 分隔，如 2026;2027（无法识别：明年）'],
        [
          '实习时长（月）',
          'internship.durationMonths',
          '只有“实习”需求填写此列，本行的需求类型是“全职岗位”；请清空此列或改需求类型',
        ],
      ]);
    });

    it('asks for the kind details a kind needs', () => {
      const { problems } = parseDemandRow(rowOf({ ...validJob, 需求类型: '新型学徒制' }));
      expect(problems.map((p) => [p.column.header, p.message])).toEqual([
        ['学徒期（月）', '需求类型为“新型学徒制”时必填'],
      ]);
    });
  });

  describe('error fields → columns', () => {
    it.each([
      ['majors.1.code', '专业代码'],
      ['majors', '专业代码'],
      ['majors.0.catalogueYear', '专业目录年份'],
      ['skills.2.weight', '技能'],
      ['cities.0', '工作城市'],
      ['salaryMin', '月薪下限'],
      ['internship', '实习时长（月）'],
      ['internship.stipendMonthly', '实习补贴（元/月）'],
      ['orderTraining.trainingStartTerm', '开始培养学期'],
      ['orderTraining', '合作院校'],
      ['enterpriseId', undefined],
    ])('%s → %s', (field, header) => {
      expect(columnForField(field)?.header).toBe(header);
    });

    it('numbers items from 1', () => {
      expect(itemNumberOf('majors.1.code')).toBe(2);
      expect(itemNumberOf('cities.0')).toBe(1);
      expect(itemNumberOf('salaryMin')).toBeUndefined();
    });

    it('every column has a distinct header and field', () => {
      expect(new Set(IMPORT_COLUMNS.map((c) => c.header)).size).toBe(IMPORT_COLUMNS.length);
      expect(new Set(IMPORT_COLUMNS.map((c) => c.field)).size).toBe(IMPORT_COLUMNS.length);
      expect(COLUMN.majorCodes.header).toBe('专业代码');
    });
  });
});
