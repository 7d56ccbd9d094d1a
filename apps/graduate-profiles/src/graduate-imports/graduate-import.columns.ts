import {
  DEGREE_LEVEL_LABELS,
  DEGREE_LEVELS,
  DEMAND_KIND_LABELS,
  DEMAND_KINDS,
  type DegreeLevel,
  type DemandKind,
} from '#contracts';
import { isKnownRegionCode, listIndustrySections, listRegions, UNDERGRAD_CATALOGUE_YEAR } from '#reference';
import {
  parseDecimal,
  parseWholeNumber,
  parseYesNo,
  resolveHeaderLayout,
  splitList,
  type HeaderLayout,
  type HeaderLayoutOptions,
  type TemplateColumn,
} from '#tabular';

/**
 * The cohort template: one column per thing a graduate profile says, with Chinese headers, and
 * how each cell becomes a field of GraduateProfileInputDto. Pure (no I/O): the rules for reading
 * a cell are unit-tested on their own; the DTO and the catalogue rules judge the result.
 */

export const GRADUATE_COLUMN_KEYS = [
  'studentNumber',
  'name',
  'department',
  'majorCode',
  'majorName',
  'catalogueYear',
  'degree',
  'graduationYear',
  'skills',
  'certificates',
  'internships',
  'gpaPercentile',
  'cities',
  'industries',
  'demandKinds',
  'minMonthlySalary',
  'willingToRelocate',
  'phone',
  'email',
] as const;
export type GraduateColumnKey = (typeof GRADUATE_COLUMN_KEYS)[number];

export interface GraduateColumn extends TemplateColumn<GraduateColumnKey> {
  /** The GraduateProfileInputDto path the column fills, as named in error reports. */
  field: string;
  /** What to write, for the template's 说明 sheet. */
  help: string;
  /** Codes and numbers Excel would mangle (leading zeros, 1.38E+10) are text columns in the template. */
  text?: boolean;
  /** Personal data: the error report shows the value masked. */
  personal?: 'phone' | 'email';
}

/** A cell with only this word clears the stored value (an empty cell keeps it). */
export const CLEAR_WORD = '无';

const DEGREE_CHOICES = DEGREE_LEVELS.map((d) => DEGREE_LEVEL_LABELS[d]).join('/');
const KIND_CHOICES = DEMAND_KINDS.map((k) => DEMAND_KIND_LABELS[k]).join('/');
const KEEP = `留空则保留已有内容，填“${CLEAR_WORD}”则清空`;

export const GRADUATE_COLUMNS: readonly GraduateColumn[] = [
  {
    key: 'studentNumber',
    header: '学号',
    field: 'studentNumber',
    aliases: ['学生学号', '学籍号'],
    required: true,
    help: '本校内唯一，1–32 位字母、数字或 . _ -；按学号新建或更新，同一学号在文件中只能出现一次',
    text: true,
  },
  { key: 'name', header: '姓名', field: 'name', aliases: ['学生姓名'], required: true, help: '不超过 50 字' },
  {
    key: 'department',
    header: '院系',
    field: 'department',
    aliases: ['学院', '所在院系', '院系名称', '所在学院'],
    required: true,
    help: '须为本校登记的院系之一',
  },
  {
    key: 'majorCode',
    header: '专业代码',
    field: 'major.code',
    aliases: ['专业编码'],
    required: true,
    help: '6 位专业代码；本科专业须在所填年份的本科专业目录中（可带 T/K 后缀），如 080901',
    text: true,
  },
  {
    key: 'majorName',
    header: '专业名称',
    field: 'major.name',
    aliases: ['专业'],
    help: '高职专科、中职专业必填；本科专业可留空（取目录名称），填写时须与目录一致',
  },
  {
    key: 'catalogueYear',
    header: '专业目录年份',
    field: 'major.catalogueYear',
    aliases: ['目录年份', '专业目录版本'],
    help: `专业代码所属的专业目录版本，留空为 ${UNDERGRAD_CATALOGUE_YEAR}`,
  },
  {
    key: 'degree',
    header: '学历',
    field: 'degree',
    aliases: ['学历层次', '培养层次'],
    required: true,
    help: DEGREE_CHOICES,
  },
  {
    key: 'graduationYear',
    header: '毕业年份',
    field: 'graduationYear',
    aliases: ['届别', '毕业届别', '毕业年度'],
    required: true,
    help: '4 位年份，如 2027（也可写 2027届）',
  },
  {
    key: 'skills',
    header: '技能',
    field: 'skills',
    aliases: ['技能特长', '专业技能'],
    help: `多个用 、 , ; 或换行分隔，如 Java、MySQL；${KEEP}`,
  },
  {
    key: 'certificates',
    header: '证书',
    field: 'certificates',
    aliases: ['资格证书', '获得证书', '职业技能等级证书'],
    help: `多个用 、 , ; 或换行分隔；${KEEP}`,
  },
  {
    key: 'internships',
    header: '实习经历',
    field: 'internships',
    aliases: ['实习'],
    help:
      `每段写成“单位|行业门类|月数|岗位”，行业门类为 GB/T 4754 字母 A–T 或门类名称（可空），月数可为 0.5 的倍数，岗位可空；` +
      `多段用 ; 或换行分隔，如 杭州某智能制造有限公司|C|3|测试工程师助理; 某软件公司|I|2|；${KEEP}`,
  },
  {
    key: 'gpaPercentile',
    header: '学业排名百分位',
    field: 'gpaPercentile',
    aliases: ['成绩排名百分位', '排名百分位', '学业排名'],
    help: `0–100，100 为最高，最多两位小数，如 85 或 85%；${KEEP}`,
  },
  {
    key: 'cities',
    header: '意向城市',
    field: 'preferences.cities',
    aliases: ['意向城市代码', '求职意向城市'],
    help: '6 位行政区划代码（地级市用 xxxx00，如 330100）或地级市名称（如 杭州市）；多个用 、 ; 或空格分隔',
    text: true,
  },
  {
    key: 'industries',
    header: '意向行业',
    field: 'preferences.industries',
    aliases: ['意向行业门类'],
    help: 'GB/T 4754 门类字母 A–T 或门类名称（如 C 或 制造业）；多个用 ; 分隔',
  },
  {
    key: 'demandKinds',
    header: '意向类型',
    field: 'preferences.demandKinds',
    aliases: ['求职意向类型', '意向需求类型'],
    help: `${KIND_CHOICES}；多个用 、 或 ; 分隔`,
  },
  {
    key: 'minMonthlySalary',
    header: '最低期望月薪',
    field: 'preferences.minMonthlySalary',
    aliases: ['期望月薪', '最低期望月薪（元）', '期望月薪（元）'],
    help: '元/月，整数，如 6000',
  },
  {
    key: 'willingToRelocate',
    header: '是否愿意异地',
    field: 'preferences.willingToRelocate',
    aliases: ['愿意异地就业', '是否接受异地', '是否愿意异地就业'],
    help: '是 或 否（留空为否）',
  },
  {
    key: 'phone',
    header: '手机号',
    field: 'phone',
    aliases: ['手机', '手机号码', '联系电话'],
    help: `11 位大陆手机号；个人信息，仅本人、本校和本人同意的企业可见；${KEEP}`,
    text: true,
    personal: 'phone',
  },
  {
    key: 'email',
    header: '电子邮箱',
    field: 'email',
    aliases: ['邮箱', 'email', 'e-mail', '电子邮件'],
    help: `个人信息，仅本人、本校和本人同意的企业可见；${KEEP}`,
    personal: 'email',
  },
];

export const GRADUATE_COLUMN: Readonly<Record<GraduateColumnKey, GraduateColumn>> = Object.fromEntries(
  GRADUATE_COLUMNS.map((c) => [c.key, c]),
) as Record<GraduateColumnKey, GraduateColumn>;

/** The five 意向 columns: one group (see parseGraduateRow). */
export const PREFERENCE_KEYS: readonly GraduateColumnKey[] = [
  'cities',
  'industries',
  'demandKinds',
  'minMonthlySalary',
  'willingToRelocate',
];

// ---------------------------------------------------------------------------------------------
// Headers

const NOT_COLLECTED = (what: string) =>
  `文件含有“${what}”列：平台按最小必要原则不收集身份证号、民族和照片，请删除该列后重新上传`;

/** Columns of common 学籍 exports: read as nothing, or refused because we must not receive them. */
export const HEADER_OPTIONS: HeaderLayoutOptions = {
  ignore: ['序号', '编号', '备注'],
  refuse: {
    身份证号: NOT_COLLECTED('身份证号'),
    身份证号码: NOT_COLLECTED('身份证号码'),
    身份证: NOT_COLLECTED('身份证'),
    证件号码: NOT_COLLECTED('证件号码'),
    公民身份号码: NOT_COLLECTED('公民身份号码'),
    民族: NOT_COLLECTED('民族'),
    照片: NOT_COLLECTED('照片'),
  },
};

export function resolveGraduateHeaders(headers: readonly string[]): HeaderLayout<GraduateColumnKey> {
  return resolveHeaderLayout(headers, GRADUATE_COLUMNS, HEADER_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Codes: 、 ; , (either width), line breaks and spaces. */
const CODE_SEPARATORS = /[、;；,，\s]+/;
/** Internship entries: ; (either width) or line breaks (enterprise names may hold 、 and ,). */
const ENTRY_SEPARATORS = /[;；\r\n]+/;

const DEGREE_ALIASES: Record<string, DegreeLevel> = {
  中职: 'secondary_vocational',
  中专: 'secondary_vocational',
  技校: 'secondary_vocational',
  高职: 'associate',
  专科: 'associate',
  大专: 'associate',
  高职专科: 'associate',
  高职高专: 'associate',
  本科: 'bachelor',
  学士: 'bachelor',
  专升本: 'bachelor',
  硕士: 'master',
  研究生: 'master',
  硕士研究生: 'master',
  博士: 'doctor',
  博士研究生: 'doctor',
};

/** 中职/高职专科/本科/硕士/博士 (and everyday variants such as 大专, 硕士研究生), or the API values. */
export function parseDegree(text: string): DegreeLevel | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '').replace(/学历$/, '').toLowerCase();
  return (DEGREE_LEVELS as readonly string[]).includes(t) ? (t as DegreeLevel) : DEGREE_ALIASES[t];
}

const KIND_ALIASES: Record<string, DemandKind> = {
  全职: 'job',
  全职岗位: 'job',
  就业: 'job',
  工作: 'job',
  岗位: 'job',
  实习: 'internship',
  实习岗位: 'internship',
  学徒: 'apprenticeship',
  学徒制: 'apprenticeship',
  新型学徒制: 'apprenticeship',
  订单: 'order_training',
  订单班: 'order_training',
  订单培养: 'order_training',
};

/** 全职岗位/实习/新型学徒制/订单培养 (and a few everyday variants), or the API values. */
export function parseDemandKind(text: string): DemandKind | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  return (DEMAND_KINDS as readonly string[]).includes(t) ? (t as DemandKind) : KIND_ALIASES[t];
}

/** Excel drops the leading zero of 080901 when the cell is a number: five digits mean one lost zero. */
export function normaliseMajorCode(raw: string): string {
  const code = raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  return /^\d{5}(T|K|TK)?$/.test(code) ? `0${code}` : code;
}

/** 138 1234 5678, 138-1234-5678, +86 13812345678 → 13812345678; anything else is left for the DTO. */
export function normalisePhone(raw: string): string {
  const t = raw.normalize('NFKC').replace(/[\s\-()]/g, '');
  const national = /^(\+?86)(1\d{10})$/.exec(t);
  return national ? national[2]! : t;
}

let cityCodesByName: Map<string, string | null> | undefined;

/** 地级市 by name (杭州市 or 杭州) → code; null when two cities share the name. */
function cityCodeByName(name: string): string | null | undefined {
  if (!cityCodesByName) {
    const map = new Map<string, string | null>();
    const add = (key: string, code: string) => map.set(key, map.has(key) && map.get(key) !== code ? null : code);
    for (const region of listRegions()) {
      if (region.level !== 'city' || region.name === '市辖区' || region.name === '县') continue;
      add(region.name, region.code);
      if (region.name.endsWith('市') && region.name.length > 2) add(region.name.slice(0, -1), region.code);
    }
    cityCodesByName = map;
  }
  return cityCodesByName.get(name);
}

/** 6-digit codes as they are, a city name as its code; each item that is neither is named with its position. */
export function parseCities(text: string): { cities: string[]; problems: string[] } {
  const problems: string[] = [];
  const cities = splitList(text.normalize('NFKC'), CODE_SEPARATORS).map((item, i) => {
    const at = `第 ${i + 1} 项：`;
    if (/^\d+$/.test(item)) {
      if (!/^\d{6}$/.test(item)) problems.push(`${at}“${item}”应为 6 位行政区划代码，如 330100`);
      else if (!isKnownRegionCode(item)) problems.push(`${at}${item} 不在现行行政区划代码表中（GB/T 2260）`);
      return item;
    }
    const code = cityCodeByName(item);
    if (code) return code;
    problems.push(
      code === null
        ? `${at}城市名称“${item}”不唯一，请改填 6 位行政区划代码`
        : `${at}无法识别的城市“${item}”，请填写 6 位行政区划代码（如 330100）或地级市名称（如 杭州市）`,
    );
    return item;
  });
  return { cities: problems.length ? [] : cities, problems };
}

let sectionNames: { name: string; letter: string }[] | undefined;

/** 门类 letters, or names (制造业; 农、林、牧、渔业 has 、 inside, so names are replaced before splitting). */
export function parseIndustries(text: string): string[] {
  sectionNames ??= listIndustrySections()
    .map((s) => ({ name: s.name.normalize('NFKC'), letter: s.letter }))
    .sort((a, b) => b.name.length - a.name.length);
  let t = text.normalize('NFKC');
  // Letters are the common case; names only when there is something beyond ASCII.
  if (/[^\p{ASCII}]/u.test(t)) {
    for (const { name, letter } of sectionNames) if (t.includes(name)) t = t.split(name).join(`;${letter};`);
  }
  return splitList(t, CODE_SEPARATORS).map((s) => (/^[a-z]$/.test(s) ? s.toUpperCase() : s));
}

/** `单位|行业门类|月数|岗位; …` → internships; problems name the entry and what to write. */
export function parseInternships(text: string): { internships: Record<string, unknown>[]; problems: string[] } {
  const internships: Record<string, unknown>[] = [];
  const problems: string[] = [];
  for (const [i, entry] of splitList(text, ENTRY_SEPARATORS).entries()) {
    const parts = entry.split(/[|｜]/).map((p) => p.trim());
    const [enterprise = '', industry = '', monthsText = '', role = ''] = parts;
    if (parts.length < 3 || parts.length > 4) {
      problems.push(
        `第 ${i + 1} 段“${entry}”应写成“单位|行业门类|月数|岗位”，如 杭州某智能制造有限公司|C|3|测试工程师助理`,
      );
      continue;
    }
    const months = parseDecimal(monthsText.replace(/个?月$/, ''));
    if (months === undefined) {
      problems.push(`第 ${i + 1} 段的月数“${monthsText}”应为数字，如 3 或 1.5`);
      continue;
    }
    const [section] = industry ? parseIndustries(industry) : [];
    internships.push({
      enterprise,
      ...(industry ? { industrySection: section ?? industry } : {}),
      months,
      ...(role ? { role } : {}),
    });
  }
  return { internships, problems };
}

// ---------------------------------------------------------------------------------------------
// A row

export interface CellProblem {
  column: GraduateColumn;
  /** The DTO field, with the item index when one item is at fault (e.g. `internships.1`). */
  field: string;
  message: string;
}

export interface ParsedGraduateRow {
  /** A plain object shaped like GraduateProfileInputDto, for validation. */
  input: Record<string, unknown>;
  problems: CellProblem[];
}

/**
 * One row's cells → a GraduateProfileInputDto-shaped object. Problems found here are the ones
 * only the sheet can explain (an unknown 学历 label, text where a number belongs, a malformed
 * internship entry); everything else is left to the DTO and the catalogue rules, so an import
 * refuses exactly what the API refuses.
 *
 * Empty cells of optional columns are left out, so the stored value stays (a college's file
 * does not wipe what a graduate entered); `无` clears it. The five 意向 columns are one group:
 * when any of them is filled, the row's preferences replace the stored ones as a whole.
 */
export function parseGraduateRow(cell: (key: GraduateColumnKey) => string): ParsedGraduateRow {
  const problems: CellProblem[] = [];
  const input: Record<string, unknown> = {};
  const fail = (key: GraduateColumnKey, message: string) =>
    problems.push({ column: GRADUATE_COLUMN[key], field: GRADUATE_COLUMN[key].field, message });
  const filled = (key: GraduateColumnKey) => cell(key) !== '';
  const cleared = (key: GraduateColumnKey) => cell(key) === CLEAR_WORD;

  for (const column of GRADUATE_COLUMNS) {
    if (column.required && !filled(column.key)) fail(column.key, '必填，不能为空');
  }

  if (filled('studentNumber')) input.studentNumber = cell('studentNumber').normalize('NFKC');
  if (filled('name')) input.name = cell('name');
  if (filled('department')) input.department = cell('department');

  let catalogueYear = UNDERGRAD_CATALOGUE_YEAR;
  if (filled('catalogueYear')) {
    const year = parseWholeNumber(cell('catalogueYear').replace(/年(版)?$/, ''));
    if (year === undefined) fail('catalogueYear', `应为 4 位年份，如 ${UNDERGRAD_CATALOGUE_YEAR}`);
    else catalogueYear = year;
  }
  if (filled('majorCode')) {
    input.major = {
      code: normaliseMajorCode(cell('majorCode')),
      ...(filled('majorName') ? { name: cell('majorName') } : {}),
      catalogueYear,
    };
  }

  if (filled('degree')) {
    const degree = parseDegree(cell('degree'));
    if (degree) input.degree = degree;
    else fail('degree', `无法识别的学历“${cell('degree')}”，应为 ${DEGREE_CHOICES} 之一`);
  }
  if (filled('graduationYear')) {
    const year = parseWholeNumber(cell('graduationYear').replace(/(届|年)$/, ''));
    if (year === undefined) fail('graduationYear', '应为 4 位年份，如 2027');
    else input.graduationYear = year;
  }

  if (cleared('skills')) input.skills = [];
  else if (filled('skills')) input.skills = splitList(cell('skills'));
  if (cleared('certificates')) input.certificates = [];
  else if (filled('certificates')) input.certificates = splitList(cell('certificates'));
  if (cleared('internships')) input.internships = [];
  else if (filled('internships')) {
    const parsed = parseInternships(cell('internships'));
    parsed.problems.forEach((p) => fail('internships', p));
    if (!parsed.problems.length) input.internships = parsed.internships;
  }

  if (cleared('gpaPercentile')) input.gpaPercentile = null;
  else if (filled('gpaPercentile')) {
    const value = parseDecimal(cell('gpaPercentile'), { percent: true });
    if (value === undefined) fail('gpaPercentile', '应为 0–100 的数字，如 85 或 85.5');
    else input.gpaPercentile = value;
  }

  if (PREFERENCE_KEYS.some(filled)) input.preferences = parsePreferences(cell, cleared, fail);

  if (cleared('phone')) input.phone = null;
  else if (filled('phone')) input.phone = normalisePhone(cell('phone'));
  if (cleared('email')) input.email = null;
  else if (filled('email')) input.email = cell('email').normalize('NFKC').replace(/\s/g, '');

  return { input, problems };
}

function parsePreferences(
  cell: (key: GraduateColumnKey) => string,
  cleared: (key: GraduateColumnKey) => boolean,
  fail: (key: GraduateColumnKey, message: string) => void,
): Record<string, unknown> {
  const text = (key: GraduateColumnKey) => (cleared(key) ? '' : cell(key));
  const preferences: Record<string, unknown> = {};

  const cities = parseCities(text('cities'));
  cities.problems.forEach((p) => fail('cities', p));
  preferences.cities = cities.cities;
  preferences.industries = parseIndustries(text('industries'));

  const kinds: DemandKind[] = [];
  for (const item of splitList(text('demandKinds'), CODE_SEPARATORS)) {
    const kind = parseDemandKind(item);
    if (kind) kinds.push(kind);
    else fail('demandKinds', `无法识别的意向类型“${item}”，应为 ${KIND_CHOICES} 之一`);
  }
  preferences.demandKinds = kinds;

  if (text('minMonthlySalary')) {
    const salary = parseWholeNumber(text('minMonthlySalary').replace(/元(\/月|每月)?$/, ''));
    if (salary === undefined) fail('minMonthlySalary', '应为整数（元/月），如 6000');
    else preferences.minMonthlySalary = salary;
  } else preferences.minMonthlySalary = null;

  if (text('willingToRelocate')) {
    const willing = parseYesNo(text('willingToRelocate'));
    if (willing === undefined) fail('willingToRelocate', '应为“是”或“否”');
    else preferences.willingToRelocate = willing;
  } else preferences.willingToRelocate = false;

  return preferences;
}

// ---------------------------------------------------------------------------------------------
// Error fields → columns

/**
 * The column a DTO field belongs to: `major.code` → 专业代码, `internships.1.months` → 实习经历,
 * `preferences.cities.0` → 意向城市, `major` → 专业代码. Indexes are ignored; the longest column
 * field that is a prefix of the path wins.
 */
export function columnForField(field: string): GraduateColumn | undefined {
  const path = field.split('.').filter((s) => !/^\d+$/.test(s));
  let best: GraduateColumn | undefined;
  let bestLength = 0;
  for (const column of GRADUATE_COLUMNS) {
    const parts = column.field.split('.');
    if (parts.length <= path.length && parts.every((p, i) => p === path[i]) && parts.length > bestLength) {
      best = column;
      bestLength = parts.length;
    }
  }
  return best ?? GRADUATE_COLUMNS.find((c) => c.field.startsWith(`${path.join('.')}.`));
}

/** The 1-based item number a field points at (`internships.1.months` → 2), for “第 2 项”. */
export function itemNumberOf(field: string): number | undefined {
  const index = /\.(\d+)(\.|$)/.exec(field)?.[1];
  return index === undefined ? undefined : Number(index) + 1;
}
