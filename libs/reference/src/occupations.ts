import { loadOnce, readCsvRows } from './reference-data-files.js';

// 中华人民共和国职业分类大典（2022年版）, 细类 (level 4, the occupations themselves) only: the source's
// 中类 and 小类 rows are incomplete (see ../data/README.md).

export interface Occupation {
  /** `1-01-00-01`: 大类-中类-小类-细类. */
  readonly code: string;
  /** Display name, without the edition's S / L markers. */
  readonly name: string;
  /** Marked S: 数字职业. */
  readonly digital: boolean;
  /** Marked L: 绿色职业. */
  readonly green: boolean;
  readonly definition: string | null;
  /** Other job titles the source lists for this occupation (the official name left out). */
  readonly aliases: readonly string[];
}

const OCCUPATION_CODE = /^\d-\d{2}-\d{2}-\d{2}$/;
// Markers the 2022 edition appends to names: S, L, or both as `L/S`.
const EDITION_MARKERS = /(?:[LS]\/[LS]|[LS])$/;

const occupations = loadOnce((): ReadonlyMap<string, Occupation> => {
  const byCode = new Map<string, Occupation>();
  const rows = readCsvRows('csco22.csv', ['level', 'code', 'name', 'definition', 'alias']);
  for (const row of rows) {
    // The source repeats a few rows verbatim (修鞋工, 压缩机装配调试工); the first one stands.
    if (row.level !== '4' || byCode.has(row.code)) continue;
    if (!OCCUPATION_CODE.test(row.code)) throw new Error(`reference data: bad occupation code ${row.code}`);
    const markers = EDITION_MARKERS.exec(row.name)?.[0] ?? '';
    const name = row.name.slice(0, row.name.length - markers.length);
    byCode.set(row.code, {
      code: row.code,
      name,
      digital: markers.includes('S'),
      green: markers.includes('L'),
      definition: row.definition || null,
      aliases: [...new Set(row.alias.split(',').map((alias) => alias.trim()))].filter((a) => a && a !== name),
    });
  }
  return byCode;
});

/** An occupation (细类) by its `1-01-00-01` style code. */
export function occupationByCode(code: string): Occupation | undefined {
  return OCCUPATION_CODE.test(code) ? occupations().get(code) : undefined;
}

export function isKnownOccupationCode(code: string): boolean {
  return occupationByCode(code) !== undefined;
}

/** Every occupation in code order, for seeding and pickers. */
export function listOccupations(): Occupation[] {
  return [...occupations().values()];
}
