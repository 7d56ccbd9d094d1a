import { COLLEGE_TYPE_LABELS, DEGREE_LEVEL_LABELS } from '#contracts';
import { regionByCode, type DestinationCategory } from '#reference';
import { writeCsv, type CellValue } from '#tabular';
import { PLACEMENT_RATE_DEFINITION, ratesOf, type PlacementCounts } from './placement-rate.arithmetic.js';
import type { PlacementCountRow, PlacementGroupBy, PlacementKey } from './placement-rates.repository.js';
import type { PlacementRateRowDto, PlacementReportDto } from './dto/placement-rates.response.dto.js';

export interface ReportScope {
  asOf: string;
  groupBy: PlacementGroupBy;
  collegeId: string | null;
  region: string | null;
  graduationYear: number | null;
  categories: readonly DestinationCategory[];
}

function toRow(key: PlacementKey, counts: PlacementCounts): PlacementRateRowDto {
  return {
    ...key,
    ...(key.regionCode ? { regionName: regionByCode(key.regionCode)?.fullName ?? key.regionCode } : {}),
    ...(key.degree ? { degreeLabel: DEGREE_LEVEL_LABELS[key.degree] } : {}),
    graduates: counts.graduates,
    registered: counts.registered,
    placed: counts.placed,
    confirmed: counts.confirmed,
    placedConfirmed: counts.placedConfirmed,
    ...ratesOf(counts),
    byGroup: counts.byGroup,
    byCategory: counts.byCategory,
  };
}

export function buildReport(
  scope: ReportScope,
  counted: { rows: PlacementCountRow[]; total: PlacementCounts },
): PlacementReportDto {
  return {
    asOf: scope.asOf,
    groupBy: scope.groupBy,
    collegeId: scope.collegeId,
    region: scope.region,
    graduationYear: scope.graduationYear,
    definition: PLACEMENT_RATE_DEFINITION,
    reportGroups: [...new Set(scope.categories.map((c) => c.group))],
    categories: scope.categories.map((c) => ({ ...c })),
    rows: counted.rows.map((row) => toRow(row.key, row)),
    total: toRow({}, counted.total),
  };
}

/** The key columns of each grouping, with their Chinese headers. */
const KEY_COLUMNS: Record<PlacementGroupBy, [string, (row: PlacementRateRowDto) => CellValue][]> = {
  college: [
    ['院校标识', (r) => r.collegeId],
    ['院校名称', (r) => r.collegeName],
    ['院校类型', (r) => (r.collegeType ? COLLEGE_TYPE_LABELS[r.collegeType] : '')],
    ['所在地代码', (r) => r.regionCode],
    ['所在地', (r) => r.regionName],
  ],
  department: [
    ['院校名称', (r) => r.collegeName],
    ['院系', (r) => r.department],
  ],
  major: [
    ['专业代码', (r) => r.majorCode],
    ['专业名称', (r) => r.majorName],
  ],
  degree: [['学历层次', (r) => r.degreeLabel]],
  cohort: [['届别', (r) => r.graduationYear]],
};

/**
 * The report as a spreadsheet: one line per row and a 合计 line, counts and rates side by side,
 * registered graduates per group and per category, and the date the data stands at.
 */
export function reportCsv(report: PlacementReportDto): Buffer {
  const keys = KEY_COLUMNS[report.groupBy];
  const columns: [string, (row: PlacementRateRowDto) => CellValue][] = [
    ...keys,
    ['毕业生数', (r) => r.graduates],
    ['已登记', (r) => r.registered],
    ['未登记', (r) => r.unregistered],
    ['已落实', (r) => r.placed],
    ['已审核确认', (r) => r.confirmed],
    ['已落实且已审核', (r) => r.placedConfirmed],
    ['毕业去向落实率', (r) => r.placementRatePercent],
    ['审核确认占比', (r) => r.confirmedSharePercent],
    ['已审核口径落实率', (r) => r.confirmedPlacementRatePercent],
    ...report.reportGroups.map((group): [string, (row: PlacementRateRowDto) => CellValue] => [
      `分组：${group}`,
      (r) => r.byGroup[group] ?? 0,
    ]),
    ...report.categories.map((c): [string, (row: PlacementRateRowDto) => CellValue] => [
      `${c.code} ${c.name}`,
      (r) => r.byCategory[c.code] ?? 0,
    ]),
    ['数据截至', () => report.asOf],
  ];
  const headers = columns.map(([header]) => header);
  const line = (row: PlacementRateRowDto, total: boolean) =>
    Object.fromEntries(
      columns.map(([header, value], i) => [
        header,
        total && i === 0 ? '合计' : total && i < keys.length ? '' : value(row),
      ]),
    );
  return writeCsv([...report.rows.map((r) => line(r, false)), line(report.total, true)], headers);
}
