/**
 * Cohort files as a college fills in the import template: deterministic from a seed, so a test
 * or the benchmark builds the same 100,000 graduates every run. Headers are the template's
 * Chinese headers (black box: written out here, not imported from the app).
 */

export const COHORT_HEADERS = [
  '学号',
  '姓名',
  '院系',
  '专业代码',
  '专业名称',
  '专业目录年份',
  '学历',
  '毕业年份',
  '技能',
  '证书',
  '实习经历',
  '学业排名百分位',
  '意向城市',
  '意向行业',
  '意向类型',
  '最低期望月薪',
  '是否愿意异地',
  '手机号',
  '电子邮箱',
] as const;

export type CohortRow = Record<(typeof COHORT_HEADERS)[number], string>;

/** The departments the generated graduates belong to: register the college with these. */
export const COHORT_DEPARTMENTS = ['计算机学院', '机械工程学院', '经济管理学院'];

/** mulberry32: a small, fast, seedable PRNG (the same seed gives the same file). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '欧阳', '诸葛'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '晓东',
];
/** 本科 majors of the 2025 catalogue, by department. */
const MAJORS: Record<string, string[]> = {
  计算机学院: ['080901', '080902', '080910T', '080703'],
  机械工程学院: ['080202', '080801'],
  经济管理学院: ['120203K'],
};
const SKILLS = ['Java', 'Python', 'MySQL', 'Linux', 'PLC编程', 'CAD', 'Excel', 'C++', 'Vue', 'Spring Boot', '数据分析'];
const CERTIFICATES = [
  '全国计算机等级考试二级',
  '大学英语六级',
  '1+X Web 前端开发职业技能等级证书（中级）',
  '初级会计职称',
];
const CITIES = ['330100', '330200', '330300', '310000', '320500', '440300'];
const INDUSTRIES = ['C', 'I', 'J', 'M', 'F'];
const KINDS = ['全职岗位', '实习', '新型学徒制', '订单培养'];

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const some = <T>(rand: () => number, items: readonly T[], max: number): T[] => {
  const n = 1 + Math.floor(rand() * max);
  return [...new Set(Array.from({ length: n }, () => pick(rand, items)))];
};

/** The student number of row i (0-based) of a cohort with the given prefix. */
export function studentNumberOf(prefix: string, i: number): string {
  return `${prefix}${String(i).padStart(6, '0')}`;
}

/** Graduate i of a cohort: a valid row for a college with COHORT_DEPARTMENTS. */
export function cohortRow(
  i: number,
  options: { seed?: number; prefix?: string; graduationYear?: number } = {},
): CohortRow {
  const rand = prng((options.seed ?? 20261123) * 1_000_003 + i);
  const department = pick(rand, COHORT_DEPARTMENTS);
  const internshipCount = Math.floor(rand() * 3);
  return {
    学号: studentNumberOf(options.prefix ?? 'S', i),
    姓名: pick(rand, SURNAMES) + pick(rand, GIVEN),
    院系: department,
    专业代码: pick(rand, MAJORS[department]!),
    专业名称: '',
    专业目录年份: '',
    学历: '本科',
    毕业年份: String(options.graduationYear ?? 2027),
    技能: some(rand, SKILLS, 4).join('、'),
    证书: rand() < 0.6 ? some(rand, CERTIFICATES, 2).join('、') : '',
    实习经历: Array.from(
      { length: internshipCount },
      (_, k) =>
        `杭州某${k === 0 ? '科技' : '智能制造'}有限公司|${pick(rand, INDUSTRIES)}|${1 + Math.floor(rand() * 6)}|实习生`,
    ).join('; '),
    学业排名百分位: (Math.floor(rand() * 1000) / 10).toFixed(1),
    意向城市: some(rand, CITIES, 3).join('、'),
    意向行业: some(rand, INDUSTRIES, 2).join(';'),
    意向类型: some(rand, KINDS, 2).join('、'),
    最低期望月薪: String(4000 + Math.floor(rand() * 10) * 500),
    是否愿意异地: rand() < 0.5 ? '是' : '否',
    手机号: `13${String(100000000 + ((i * 7919) % 900000000)).padStart(9, '0')}`,
    电子邮箱: `grad${i}@example.edu.cn`,
  };
}

/** The CSV line of a row (the benchmark writes 100,000 of them as a stream). */
export function csvLineOf(row: Readonly<Record<string, string>>, headers: readonly string[] = COHORT_HEADERS): string {
  return headers
    .map((h) => {
      const v = row[h] ?? '';
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}
