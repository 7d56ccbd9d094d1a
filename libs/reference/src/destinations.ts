import { loadOnce, readCsvRows } from './reference-data-files.js';

// 毕业去向 categories (教学厅函〔2021〕19号), with their report group and whether each counts toward
// 毕业去向落实率. The official rule has changed before (a 2024 revision is reported to narrow what
// counts), so the table is data: a rule change is a new CSV row value, not a code change.

export interface DestinationCategory {
  /** Two- or three-digit code, e.g. `11` 签劳动合同形式就业. */
  readonly code: string;
  readonly name: string;
  /** Report group: 协议和合同就业, 灵活就业, 自主创业, 升学, 待就业, 暂不就业. */
  readonly group: string;
  readonly countsAsPlaced: boolean;
}

const DESTINATION_CODE = /^\d{2,3}$/;

const categories = loadOnce((): ReadonlyMap<string, DestinationCategory> => {
  const byCode = new Map<string, DestinationCategory>();
  for (const row of readCsvRows('graduate-destinations.csv', ['code', 'name', 'group', 'counts_as_placed'])) {
    if (!DESTINATION_CODE.test(row.code)) throw new Error(`reference data: bad destination code ${row.code}`);
    if (row.counts_as_placed !== 'true' && row.counts_as_placed !== 'false') {
      throw new Error(`reference data: destination ${row.code} counts_as_placed must be true or false`);
    }
    if (byCode.has(row.code)) throw new Error(`reference data: destination ${row.code} twice`);
    byCode.set(row.code, {
      code: row.code,
      name: row.name,
      group: row.group,
      countsAsPlaced: row.counts_as_placed === 'true',
    });
  }
  return byCode;
});

/** Every category, in the table's order (grouped as reports show them). */
export function listDestinationCategories(): readonly DestinationCategory[] {
  return [...categories().values()];
}

export function destinationCategoryByCode(code: string): DestinationCategory | undefined {
  return categories().get(code);
}

/** Report groups in table order, each once. */
export function listDestinationGroups(): readonly string[] {
  return [...new Set(listDestinationCategories().map((c) => c.group))];
}
