import { DEMAND_KIND_LABELS, DEGREE_LEVEL_LABELS } from '#contracts';
import { UNDERGRAD_CATALOGUE_YEAR } from '#reference';
import { writeCsv, writeXlsx, type CellValue, type TableFormat } from '#tabular';
import { todayInChina } from '../demands/demand-rules.js';
import { IMPORT_COLUMNS, type ImportColumn, type ImportColumnKey } from './demand-import.columns.js';
import type { DemandImportRowError } from './use-cases/import-demands.use-case.js';

/** One filled-in row: a job that passes every rule when uploaded as it is. */
export function exampleRow(now = new Date()): Record<string, CellValue> {
  const deadline = todayInChina(new Date(now.getTime() + 90 * 86400_000));
  const example: Partial<Record<ImportColumnKey, string>> = {
    kind: DEMAND_KIND_LABELS.job,
    title: 'Java 开发工程师',
    description: '参与智能制造 MES 系统开发',
    occupationCode: '2-02-10-03',
    headcount: '3',
    majorCodes: '080901、0807',
    catalogueYear: String(UNDERGRAD_CATALOGUE_YEAR),
    minDegree: DEGREE_LEVEL_LABELS.bachelor,
    skills: 'Java:5:必备;MySQL:3',
    certificates: '1+X Web 前端开发职业技能等级证书',
    cities: '330100',
    salaryMin: '8000',
    salaryMax: '12000',
    graduationYears: '2026;2027',
    deadline,
  };
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.header, example[c.key] ?? '']));
}

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

function requiredLabel(column: ImportColumn): string {
  if (column.required === 'always') return '必填';
  if (column.required === 'optional') return '选填';
  return `${DEMAND_KIND_LABELS[column.required]}必填`;
}

/** The upload template: headers and one example row; the .xlsx adds a 填写说明 sheet. */
export async function buildTemplate(format: TableFormat, now = new Date()): Promise<Buffer> {
  if (format === 'csv') return writeCsv([exampleRow(now)], HEADERS);
  return writeXlsx([
    {
      name: '需求',
      headers: HEADERS,
      rows: [exampleRow(now)],
      textColumns: IMPORT_COLUMNS.filter((c) => c.text).map((c) => c.header),
      widths: { 岗位名称: 20, 岗位描述: 30, 技能: 24, 证书: 30, 专业代码: 16, 报名截止日期: 14 },
    },
    {
      name: '填写说明',
      headers: ['列名', '是否必填', '对应字段', '说明'],
      rows: IMPORT_COLUMNS.map((c) => ({
        列名: c.header,
        是否必填: requiredLabel(c),
        对应字段: c.field,
        说明: c.help,
      })),
      widths: { 列名: 18, 是否必填: 14, 对应字段: 32, 说明: 90 },
    },
  ]);
}

export const ERROR_REPORT_HEADERS = ['行号', '列', '字段', '值', '错误说明'] as const;

/** The row errors as a CSV a person opens in Excel next to the file they uploaded. */
export function errorReportCsv(errors: readonly DemandImportRowError[]): Buffer {
  return writeCsv(
    errors.map((e) => ({ 行号: e.row, 列: e.column, 字段: e.field, 值: e.value, 错误说明: e.message })),
    ERROR_REPORT_HEADERS,
  );
}
