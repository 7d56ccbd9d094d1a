import { loadOnce, readCsvRows } from './reference-data-files.js';

// 普通高等学校本科专业目录. Codes move between editions (a later edition moves 0832 交叉工程类 to a
// new 门类 14), so every lookup names the catalogue year it reads.

export const UNDERGRAD_CATALOGUE_YEAR = 2025;

export type MajorLevel = 'discipline' | 'class' | 'major';

export interface Major {
  /** 门类 `08`, 专业类 `0809`, or 专业 `080910T` with its T (特设) / K (国家控制布点) suffix. */
  readonly code: string;
  readonly name: string;
  readonly level: MajorLevel;
  readonly disciplineCode: string;
  readonly disciplineName: string;
  /** Null for a 门类. */
  readonly classCode: string | null;
  readonly className: string | null;
  readonly catalogueYear: number;
  /** The catalogue's 备注 on degrees (e.g. 可授工学或理学学士学位); null when there is none. */
  readonly degreeNote: string | null;
}

interface RestoredMajor {
  readonly code: string;
  readonly name: string;
}

interface CatalogueSource {
  readonly fileName: string;
  /** Majors the source file lost; each must be named by a merged row such as `教育技术学 040105`. */
  readonly restoredMajors: readonly RestoredMajor[];
}

const CATALOGUE_SOURCES: ReadonlyMap<number, CatalogueSource> = new Map([
  [2025, { fileName: 'undergrad-majors-2025.csv', restoredMajors: [{ code: '040105', name: '艺术教育' }] }],
]);

const COLUMNS = ['学科门类代码', '学科门类', '专业类代码', '专业类', '专业代码', '专业名称', '备注'] as const;
const MAJOR_CODE = /^(\d{6})(T|K|TK)?$/;
// A source row that swallowed the next major: `教育技术学 040105`.
const MERGED_NAME = /^(.+?)\s+(\d{6})(?:T|K|TK)?$/;
const LOOKUP_CODE = /^(\d{2}|\d{4}|\d{6})(T|K|TK)?$/;

interface Catalogue {
  /** Keyed by the digits of the code, so `080910` finds `080910T`. */
  readonly byDigits: ReadonlyMap<string, Major>;
  readonly inCodeOrder: readonly Major[];
}

const catalogues = new Map<number, () => Catalogue>(
  [...CATALOGUE_SOURCES].map(([year, source]) => [year, loadOnce(() => loadCatalogue(year, source))]),
);

function loadCatalogue(catalogueYear: number, source: CatalogueSource): Catalogue {
  const byDigits = new Map<string, Major>();
  const add = (major: Major): void => {
    const digits = major.code.replace(/[TK]+$/, '');
    if (byDigits.has(digits)) throw new Error(`reference data: ${source.fileName} has ${digits} twice`);
    byDigits.set(digits, major);
  };
  const restorable = new Map(source.restoredMajors.map((major) => [major.code, major]));
  const restored: RestoredMajor[] = [];

  for (const row of readCsvRows(source.fileName, COLUMNS)) {
    const discipline = { code: row['学科门类代码'], name: row['学科门类'] };
    const majorClass = { code: row['专业类代码'], name: row['专业类'] };
    let name = row['专业名称'];
    const merged = MERGED_NAME.exec(name);
    if (merged) {
      const lost = restorable.get(merged[2]);
      if (!lost) throw new Error(`reference data: ${source.fileName} merges an unexpected major into "${name}"`);
      name = merged[1];
      restored.push(lost);
    }
    const code = row['专业代码'];
    if (!MAJOR_CODE.test(code) || !code.startsWith(majorClass.code) || !majorClass.code.startsWith(discipline.code)) {
      throw new Error(`reference data: ${source.fileName} has inconsistent codes in row ${code}`);
    }
    if (!byDigits.has(discipline.code)) {
      add(entry(catalogueYear, 'discipline', discipline.code, discipline.name, discipline));
    }
    if (!byDigits.has(majorClass.code)) {
      add(entry(catalogueYear, 'class', majorClass.code, majorClass.name, discipline, majorClass));
    }
    add(entry(catalogueYear, 'major', code, name, discipline, majorClass, row['备注'] || null));
  }

  for (const lost of restored) {
    if (byDigits.has(lost.code)) continue;
    const lostClass = byDigits.get(lost.code.slice(0, 4));
    if (!lostClass) throw new Error(`reference data: no 专业类 for restored major ${lost.code}`);
    add(
      entry(
        catalogueYear,
        'major',
        lost.code,
        lost.name,
        { code: lostClass.disciplineCode, name: lostClass.disciplineName },
        { code: lostClass.code, name: lostClass.name },
      ),
    );
  }

  const inCodeOrder = [...byDigits.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, major]) => major);
  return { byDigits, inCodeOrder };
}

interface CodeAndName {
  readonly code: string;
  readonly name: string;
}

function entry(
  catalogueYear: number,
  level: MajorLevel,
  code: string,
  name: string,
  discipline: CodeAndName,
  majorClass: CodeAndName | null = null,
  degreeNote: string | null = null,
): Major {
  return {
    code,
    name,
    level,
    disciplineCode: discipline.code,
    disciplineName: discipline.name,
    classCode: majorClass?.code ?? null,
    className: majorClass?.name ?? null,
    catalogueYear,
    degreeNote,
  };
}

/**
 * A 门类 (2 digits), 专业类 (4 digits) or 专业 (6 digits, with or without its T/K suffix) in the given
 * catalogue; the result carries the canonical code. Undefined for unknown codes and catalogue years we lack.
 */
export function majorByCode(code: string, catalogueYear: number = UNDERGRAD_CATALOGUE_YEAR): Major | undefined {
  const match = LOOKUP_CODE.exec(code.toUpperCase());
  const catalogue = catalogues.get(catalogueYear)?.();
  if (!match || !catalogue) return undefined;
  const major = catalogue.byDigits.get(match[1]);
  // A suffix, when given, must be the right one: 080910K is not 080910T.
  if (!major || (match[2] !== undefined && major.code !== match[1] + match[2])) return undefined;
  return major;
}

/** Every 门类, 专业类 and 专业 of a catalogue in code order (门类 before its classes before their majors). */
export function listMajors(catalogueYear: number = UNDERGRAD_CATALOGUE_YEAR): readonly Major[] {
  return catalogues.get(catalogueYear)?.().inCodeOrder ?? [];
}

/** Catalogue years we can answer for. */
export function majorCatalogueYears(): number[] {
  return [...CATALOGUE_SOURCES.keys()];
}

/**
 * True when the graduate's 专业 falls under what the demand asks for, at the demand's level: the same
 * 专业, any 专业 of the same 专业类, or any 专业 of the same 门类. Unknown codes never match.
 */
export function majorAccepts(
  demandCode: string,
  graduateCode: string,
  catalogueYear: number = UNDERGRAD_CATALOGUE_YEAR,
): boolean {
  const demand = majorByCode(demandCode, catalogueYear);
  const graduate = majorByCode(graduateCode, catalogueYear);
  if (!demand || !graduate || graduate.level !== 'major') return false;
  switch (demand.level) {
    case 'discipline':
      return graduate.disciplineCode === demand.code;
    case 'class':
      return graduate.classCode === demand.code;
    case 'major':
      return graduate.code === demand.code;
  }
}
