import {
  DEGREE_LEVEL_LABELS,
  DEGREE_LEVELS,
  DEMAND_KIND_LABELS,
  DEMAND_KINDS,
  type DegreeLevel,
  type DemandKind,
} from '#contracts';
import { UNDERGRAD_CATALOGUE_YEAR } from '#reference';

/**
 * The bulk-upload template: one column per thing a demand says, with Chinese headers, and how
 * each cell becomes a field of CreateDemandDto. Everything here is pure (no I/O), so the rules
 * for reading a cell are unit-tested on their own.
 */

export const IMPORT_COLUMN_KEYS = [
  'kind',
  'title',
  'description',
  'occupationCode',
  'headcount',
  'majorCodes',
  'catalogueYear',
  'minDegree',
  'skills',
  'certificates',
  'cities',
  'salaryMin',
  'salaryMax',
  'graduationYears',
  'deadline',
  'internshipMonths',
  'internshipStipend',
  'apprenticeshipMonths',
  'trainingProvider',
  'partnerColleges',
  'cohortSize',
  'trainingStartTerm',
  'hireCommitment',
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header in the template and in error reports. */
  header: string;
  /** The CreateDemandDto path the column fills, as named in error reports. */
  field: string;
  /** Other header spellings accepted on upload (compared after normaliseHeader). */
  aliases?: string[];
  /** 'always': the column must be in the file and the cell filled; a kind: filled for that kind only. */
  required: 'always' | 'optional' | DemandKind;
  /** What to write, for the template's 填写说明 sheet. */
  help: string;
  /** Codes that Excel would turn into numbers (losing leading zeros) are typed as text in the template. */
  text?: boolean;
}

const KIND_CHOICES = DEMAND_KINDS.map((k) => DEMAND_KIND_LABELS[k]).join('/');
const DEGREE_CHOICES = DEGREE_LEVELS.map((d) => DEGREE_LEVEL_LABELS[d]).join('/');

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'kind',
    header: '需求类型',
    field: 'kind',
    required: 'always',
    help: `${KIND_CHOICES}（也可写 ${DEMAND_KINDS.join('/')}）`,
  },
  {
    key: 'title',
    header: '岗位名称',
    field: 'title',
    aliases: ['需求名称', '标题'],
    required: 'always',
    help: '不超过 100 字',
  },
  {
    key: 'description',
    header: '岗位描述',
    field: 'description',
    aliases: ['需求描述'],
    required: 'optional',
    help: '不超过 5000 字，可换行',
  },
  {
    key: 'occupationCode',
    header: '职业编码',
    field: 'occupationCode',
    required: 'optional',
    help: '职业分类大典（2022）编码，如 2-02-10-03',
    text: true,
  },
  {
    key: 'headcount',
    header: '招聘人数',
    field: 'headcount',
    aliases: ['人数'],
    required: 'always',
    help: '1–10000 的整数',
  },
  {
    key: 'majorCodes',
    header: '专业代码',
    field: 'majors',
    aliases: ['专业'],
    required: 'always',
    help: '本科专业目录代码，门类 2 位、专业类 4 位或专业 6 位；多个用 、 ; , 或空格分隔，如 080901、0807',
    text: true,
  },
  {
    key: 'catalogueYear',
    header: '专业目录年份',
    field: 'majors.catalogueYear',
    required: 'optional',
    help: `专业代码所属的专业目录版本，留空为 ${UNDERGRAD_CATALOGUE_YEAR}`,
  },
  {
    key: 'minDegree',
    header: '最低学历',
    field: 'minDegree',
    aliases: ['学历要求', '学历'],
    required: 'always',
    help: DEGREE_CHOICES,
  },
  {
    key: 'skills',
    header: '技能',
    field: 'skills',
    aliases: ['技能要求'],
    required: 'optional',
    help: '“名称:权重:必备”，权重 1–5（留空为 3），不是必备的省略第三项；多个用 ; 分隔，如 Java:5:必备;MySQL:3',
  },
  {
    key: 'certificates',
    header: '证书',
    field: 'certificates',
    aliases: ['证书要求'],
    required: 'optional',
    help: '多个用 、 或 ; 分隔',
  },
  {
    key: 'cities',
    header: '工作城市',
    field: 'cities',
    aliases: ['工作地点', '城市代码'],
    required: 'always',
    help: '6 位行政区划代码，如 330100（杭州市）；多个用 ; 分隔',
    text: true,
  },
  {
    key: 'salaryMin',
    header: '月薪下限',
    field: 'salaryMin',
    aliases: ['月薪下限（元）'],
    required: 'always',
    help: '元/月，整数',
  },
  {
    key: 'salaryMax',
    header: '月薪上限',
    field: 'salaryMax',
    aliases: ['月薪上限（元）'],
    required: 'always',
    help: '元/月，整数，不低于下限',
  },
  {
    key: 'graduationYears',
    header: '毕业年份',
    field: 'graduationYears',
    aliases: ['毕业届别'],
    required: 'always',
    help: '可接受的毕业年份，多个用 ; 分隔，如 2026;2027',
  },
  {
    key: 'deadline',
    header: '报名截止日期',
    field: 'deadline',
    aliases: ['截止日期'],
    required: 'always',
    help: 'YYYY-MM-DD（北京时间），不早于今天，如 2027-06-30',
  },
  {
    key: 'internshipMonths',
    header: '实习时长（月）',
    field: 'internship.durationMonths',
    required: 'internship',
    help: '实习需求必填，1–24',
  },
  {
    key: 'internshipStipend',
    header: '实习补贴（元/月）',
    field: 'internship.stipendMonthly',
    required: 'internship',
    help: '实习需求必填，0–100000',
  },
  {
    key: 'apprenticeshipMonths',
    header: '学徒期（月）',
    field: 'apprenticeship.durationMonths',
    required: 'apprenticeship',
    help: '新型学徒制必填，1–60',
  },
  {
    key: 'trainingProvider',
    header: '培训机构',
    field: 'apprenticeship.trainingProvider',
    required: 'optional',
    help: '新型学徒制可填，不超过 100 字',
  },
  {
    key: 'partnerColleges',
    header: '合作院校',
    field: 'orderTraining.partnerCollegeIds',
    required: 'order_training',
    help: '订单培养必填，院校 ID，多个用 、 或 ; 分隔',
  },
  {
    key: 'cohortSize',
    header: '培养规模',
    field: 'orderTraining.cohortSize',
    required: 'order_training',
    help: '订单培养必填，1–5000 人',
  },
  {
    key: 'trainingStartTerm',
    header: '开始培养学期',
    field: 'orderTraining.trainingStartTerm',
    required: 'order_training',
    help: '订单培养必填，“年份-春”或“年份-秋”，如 2027-秋',
  },
  {
    key: 'hireCommitment',
    header: '录用承诺',
    field: 'orderTraining.hireCommitment',
    required: 'order_training',
    help: '订单培养必填，不超过 500 字',
  },
];

export const COLUMN: Readonly<Record<ImportColumnKey, ImportColumn>> = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c.key, c]),
) as Record<ImportColumnKey, ImportColumn>;

/** The kind-specific columns: filled for that kind, left empty for every other. */
const KIND_DETAIL_COLUMNS: Readonly<Record<Exclude<DemandKind, 'job'>, readonly ImportColumnKey[]>> = {
  internship: ['internshipMonths', 'internshipStipend'],
  apprenticeship: ['apprenticeshipMonths', 'trainingProvider'],
  order_training: ['partnerColleges', 'cohortSize', 'trainingStartTerm', 'hireCommitment'],
};

// ---------------------------------------------------------------------------------------------
// Headers

/**
 * How headers are compared: full-width and half-width forms are the same (（月） = (月)), spaces
 * and the `*` that marks required columns in many templates do not count, letters ignore case.
 */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
}

const HEADER_INDEX = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((c) => [c.header, ...(c.aliases ?? [])].map((h) => [normaliseHeader(h), c] as const)),
);

export interface HeaderProblem {
  header: string;
  message: string;
}

export interface HeaderLayout {
  /** The file's header text for each known column it has. */
  columns: Map<ImportColumnKey, string>;
  problems: HeaderProblem[];
}

/**
 * Matches a file's headers to the template: an unknown header (with the closest known one as
 * a hint), a column given twice, or a required column missing is a problem with the whole
 * file, refused before any row is looked at.
 */
export function resolveHeaders(headers: readonly string[]): HeaderLayout {
  const columns = new Map<ImportColumnKey, string>();
  const problems: HeaderProblem[] = [];
  for (const header of headers) {
    const column = HEADER_INDEX.get(normaliseHeader(header));
    if (!column) {
      const hint = closestHeader(header);
      problems.push({ header, message: `无法识别的列“${header}”${hint ? `，是否应为“${hint}”？` : ''}` });
      continue;
    }
    const earlier = columns.get(column.key);
    if (earlier !== undefined) {
      problems.push({ header, message: `列“${header}”与列“${earlier}”是同一列（${column.header}），请只保留一列` });
      continue;
    }
    columns.set(column.key, header);
  }
  for (const column of IMPORT_COLUMNS) {
    if (column.required === 'always' && !columns.has(column.key)) {
      problems.push({ header: column.header, message: `缺少必需的列“${column.header}”` });
    }
  }
  return { columns, problems };
}

function closestHeader(header: string): string | undefined {
  const target = normaliseHeader(header);
  let best: { header: string; distance: number } | undefined;
  for (const column of IMPORT_COLUMNS) {
    const distance = editDistance(target, normaliseHeader(column.header));
    if (!best || distance < best.distance) best = { header: column.header, distance };
  }
  // Within two edits, and not a different word altogether.
  return best && best.distance <= Math.min(2, Math.floor(best.header.length / 2)) ? best.header : undefined;
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Separators between items of a list of codes: 、 ; , (either width), line breaks and spaces. */
const CODE_SEPARATORS = /[、;；,，\s]+/;
/** Separators between names (certificates, colleges, skills), which may contain spaces. */
const NAME_SEPARATORS = /[、;；,，\r\n]+/;

export function splitCodes(text: string): string[] {
  return text
    .split(CODE_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function splitNames(text: string, separators = NAME_SEPARATORS): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

const KIND_ALIASES: Record<string, DemandKind> = {
  全职: 'job',
  全职岗位: 'job',
  岗位: 'job',
  就业岗位: 'job',
  招聘: 'job',
  实习: 'internship',
  实习岗位: 'internship',
  学徒: 'apprenticeship',
  学徒制: 'apprenticeship',
  新型学徒制: 'apprenticeship',
  订单: 'order_training',
  订单班: 'order_training',
  订单培养: 'order_training',
  订单式培养: 'order_training',
};

/** 全职岗位/实习/新型学徒制/订单培养 (and a few everyday variants), or the API values. */
export function parseKind(text: string): DemandKind | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  return (DEMAND_KINDS as readonly string[]).includes(t) ? (t as DemandKind) : KIND_ALIASES[t];
}

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
  硕士: 'master',
  研究生: 'master',
  硕士研究生: 'master',
  博士: 'doctor',
  博士研究生: 'doctor',
};

/** 中职/高职专科/本科/硕士/博士 (with 及以上 allowed, and common variants), or the API values. */
export function parseDegree(text: string): DegreeLevel | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(/(及|或)?以上(学历)?$/, '')
    .replace(/学历$/, '')
    .toLowerCase();
  return (DEGREE_LEVELS as readonly string[]).includes(t) ? (t as DegreeLevel) : DEGREE_ALIASES[t];
}

/** A whole number as people type it in a sheet: `8000`, `8,000`, `8000.0`, full-width digits. */
export function parseWholeNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  const plain = /^\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^[-+]?\d+(\.0+)?$/.test(plain)) return undefined;
  const n = Number(plain);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A major code as typed: Excel drops the leading zero of 080901 (→ 80901) when the cell is a
 * number. Valid codes have 2, 4 or 6 digits, so an odd count means exactly one lost zero.
 */
export function normaliseMajorCode(raw: string): string {
  const code = raw.normalize('NFKC').toUpperCase();
  const digits = /^(\d+)([A-Z]*)$/.exec(code);
  if (digits && digits[1]!.length % 2 === 1 && digits[1]!.length <= 5) return `0${code}`;
  return code;
}

/** 2027-06-30, 2027/6/30, 2027.6.30, 2027年6月30日 → 2027-06-30; anything else unchanged (the DTO rejects it). */
export function normaliseDate(text: string): string {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s+00:00(:00)?)?$/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
}

/** 2027-秋, 2027秋, 2027年秋季, 2027 秋季学期 → 2027-秋; anything else unchanged. */
export function normaliseTerm(text: string): string {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-年]?\s*(春|秋)(季)?(学期)?$/.exec(t);
  return m ? `${m[1]}-${m[2]}` : t;
}

const REQUIRED_WORDS = new Set(['必备', '必须', '必需', '必要', '必选', '是', 'y', 'yes', 'true', 'required']);
const OPTIONAL_WORDS = new Set(['可选', '加分', '优先', '非必备', '否', 'n', 'no', 'false', 'optional']);

export interface ParsedSkill {
  name: string;
  weight: number;
  required: boolean;
}

/**
 * `Java:5:必备;MySQL:3;Linux` → skills. Each item is name, then (in any order) a weight 1–5
 * (default 3) and a flag 必备/可选 (default 可选); `:` or `：` between parts; items separated
 * by ; 、 , (either width) or line breaks.
 */
export function parseSkills(text: string): { skills: ParsedSkill[]; problems: string[] } {
  const skills: ParsedSkill[] = [];
  const problems: string[] = [];
  for (const item of splitNames(text)) {
    const [rawName, ...rest] = item.split(/[:：]/).map((p) => p.trim());
    const name = rawName ?? '';
    if (!name) {
      problems.push(`“${item}”缺少技能名称`);
      continue;
    }
    let weight: number | undefined;
    let required: boolean | undefined;
    let bad = false;
    for (const part of rest.filter(Boolean)) {
      const word = part.normalize('NFKC').toLowerCase();
      const n = /^\d+$/.test(word) ? Number(word) : undefined;
      if (n !== undefined && weight === undefined) {
        if (n < 1 || n > 5) {
          problems.push(`技能“${name}”的权重应为 1–5 的整数，实际为 ${part}`);
          bad = true;
        }
        weight = n;
      } else if (required === undefined && REQUIRED_WORDS.has(word)) required = true;
      else if (required === undefined && OPTIONAL_WORDS.has(word)) required = false;
      else {
        problems.push(`技能“${name}”中的“${part}”无法识别，应为“名称:权重:必备”，如 Java:5:必备`);
        bad = true;
      }
    }
    if (!bad) skills.push({ name, weight: weight ?? 3, required: required ?? false });
  }
  return { skills, problems };
}

// ---------------------------------------------------------------------------------------------
// A row

export interface CellProblem {
  column: ImportColumn;
  /** The DTO field, with the item index when one item is at fault (e.g. `skills.1`). */
  field: string;
  message: string;
}

export interface ParsedRow {
  /** A plain object shaped like CreateDemandDto (without enterpriseId), for the validation pipe. */
  input: Record<string, unknown>;
  problems: CellProblem[];
}

/**
 * One row's cells → a CreateDemandDto-shaped object. Problems found here are the ones only the
 * sheet can explain (an unknown 学历 label, a text where a number belongs, a kind-specific
 * column on the wrong kind); everything else is left to the DTO and the demand rules, so an
 * import refuses exactly what POST /demands refuses.
 */
export function parseDemandRow(cell: (key: ImportColumnKey) => string): ParsedRow {
  const problems: CellProblem[] = [];
  const input: Record<string, unknown> = {};
  const fail = (key: ImportColumnKey, message: string, field = COLUMN[key].field) =>
    problems.push({ column: COLUMN[key], field, message });
  const filled = (key: ImportColumnKey) => cell(key) !== '';

  const text = (key: ImportColumnKey): string | undefined => (filled(key) ? cell(key) : undefined);
  const whole = (key: ImportColumnKey, example: string): number | undefined => {
    if (!filled(key)) return undefined;
    const n = parseWholeNumber(cell(key));
    if (n === undefined) fail(key, `应为整数，如 ${example}`);
    return n;
  };

  for (const column of IMPORT_COLUMNS) {
    if (column.required === 'always' && !filled(column.key)) fail(column.key, '必填，不能为空');
  }

  // 需求类型 decides which kind-specific columns belong.
  let kind: DemandKind | undefined;
  if (filled('kind')) {
    kind = parseKind(cell('kind'));
    if (kind) input.kind = kind;
    else fail('kind', `无法识别的需求类型“${cell('kind')}”，应为 ${KIND_CHOICES} 之一`);
  }
  input.title = text('title');
  input.description = text('description');
  input.occupationCode = text('occupationCode');
  input.headcount = whole('headcount', '5');

  const catalogueYear = filled('catalogueYear')
    ? whole('catalogueYear', String(UNDERGRAD_CATALOGUE_YEAR))
    : UNDERGRAD_CATALOGUE_YEAR;
  if (filled('majorCodes')) {
    input.majors = splitCodes(cell('majorCodes')).map((code) => ({ code: normaliseMajorCode(code), catalogueYear }));
  }

  if (filled('minDegree')) {
    const degree = parseDegree(cell('minDegree'));
    if (degree) input.minDegree = degree;
    else fail('minDegree', `无法识别的学历“${cell('minDegree')}”，应为 ${DEGREE_CHOICES} 之一`);
  }

  const skills = parseSkills(cell('skills'));
  skills.problems.forEach((p) => fail('skills', p));
  input.skills = skills.skills;

  if (filled('certificates')) input.certificates = splitNames(cell('certificates'));
  if (filled('cities')) input.cities = splitCodes(cell('cities'));
  input.salaryMin = whole('salaryMin', '8000');
  input.salaryMax = whole('salaryMax', '12000');

  if (filled('graduationYears')) {
    const years = splitCodes(cell('graduationYears'));
    const numbers = years.map((y) => parseWholeNumber(y.replace(/(届|年)$/, '')));
    const bad = years.filter((_, i) => numbers[i] === undefined);
    if (bad.length)
      fail('graduationYears', `毕业年份应为 4 位年份，多个用 ; 分隔，如 2026;2027（无法识别：${bad.join('、')}）`);
    else input.graduationYears = numbers;
  }
  if (filled('deadline')) input.deadline = normaliseDate(cell('deadline'));

  // Kind-specific details: only for their kind, and then complete.
  for (const [detailKind, keys] of Object.entries(KIND_DETAIL_COLUMNS) as [
    Exclude<DemandKind, 'job'>,
    readonly ImportColumnKey[],
  ][]) {
    const label = DEMAND_KIND_LABELS[detailKind];
    if (kind !== detailKind) {
      if (kind) {
        for (const key of keys.filter(filled)) {
          fail(
            key,
            `只有“${label}”需求填写此列，本行的需求类型是“${DEMAND_KIND_LABELS[kind]}”；请清空此列或改需求类型`,
          );
        }
      }
      continue;
    }
    for (const key of keys) {
      if (COLUMN[key].required === detailKind && !filled(key)) fail(key, `需求类型为“${label}”时必填`);
    }
  }
  if (kind === 'internship') {
    input.internship = {
      durationMonths: whole('internshipMonths', '6'),
      stipendMonthly: whole('internshipStipend', '3000'),
    };
  }
  if (kind === 'apprenticeship') {
    input.apprenticeship = {
      durationMonths: whole('apprenticeshipMonths', '12'),
      trainingProvider: text('trainingProvider'),
    };
  }
  if (kind === 'order_training') {
    input.orderTraining = {
      partnerCollegeIds: filled('partnerColleges') ? splitNames(cell('partnerColleges')) : undefined,
      cohortSize: whole('cohortSize', '40'),
      trainingStartTerm: filled('trainingStartTerm') ? normaliseTerm(cell('trainingStartTerm')) : undefined,
      hireCommitment: text('hireCommitment'),
    };
  }

  return { input: withoutUndefined(input), problems: dedupeProblems(problems) };
}

/** Absent, not `undefined`: optional DTO fields skip validation only when the key is missing. */
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [
        k,
        v && typeof v === 'object' && !Array.isArray(v) ? withoutUndefined(v as Record<string, unknown>) : v,
      ]),
  );
}

function dedupeProblems(problems: CellProblem[]): CellProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.column.key}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Error fields → columns

/**
 * The column a DTO field belongs to: `majors.1.code` → 专业代码, `majors.0.catalogueYear` →
 * 专业目录年份, `internship` → 实习时长（月）. Indexes are ignored; the longest column field that is
 * a prefix of the path wins; a whole detail object maps to its first column.
 */
export function columnForField(field: string): ImportColumn | undefined {
  const path = field.split('.').filter((s) => !/^\d+$/.test(s));
  let best: ImportColumn | undefined;
  let bestLength = 0;
  for (const column of IMPORT_COLUMNS) {
    const parts = column.field.split('.');
    if (parts.length <= path.length && parts.every((p, i) => p === path[i]) && parts.length > bestLength) {
      best = column;
      bestLength = parts.length;
    }
  }
  return best ?? IMPORT_COLUMNS.find((c) => c.field.startsWith(`${path.join('.')}.`));
}

/** The 1-based item number a field points at (`skills.1.weight` → 2), for “第 2 项”. */
export function itemNumberOf(field: string): number | undefined {
  const index = /\.(\d+)(\.|$)/.exec(field)?.[1];
  return index === undefined ? undefined : Number(index) + 1;
}
