import { HttpException, Injectable, Logger, type ValidationPipe } from '@nestjs/common';
import type { Caller } from '#auth';
import { AppException, createValidationPipe, validationFailed, type FieldProblem } from '#runtime';
import { detectFormat, readTable, TabularError, type TableRow } from '#tabular';
import { checkDemandContent } from '../../demands/demand-rules.js';
import { CreateDemandDto } from '../../demands/dto/demand-input.dto.js';
import { CreateDemandUseCase } from '../../demands/use-cases/create-demand.use-case.js';
import {
  columnForField,
  IMPORT_COLUMNS,
  itemNumberOf,
  parseDemandRow,
  resolveHeaders,
  type HeaderLayout,
  type ImportColumn,
  type ImportColumnKey,
} from '../demand-import.columns.js';
import { DEMAND_IMPORT_MAX_ROWS } from '../demand-import.constants.js';
import { DemandImportException } from '../demand-import.exception.js';

export interface DemandImportFile {
  buffer: Buffer;
  originalName: string;
  mimeType: string;
}

export interface ImportDemandsCommand {
  caller: Caller;
  file: DemandImportFile;
  /** The enterprise the demands are for: required for organizers and admins, optional (own) for an enterprise. */
  enterpriseId?: string;
  /** Check every row and report, write nothing. */
  dryRun?: boolean;
}

export interface DemandImportRowError {
  /** Row number in the file as a person sees it (the header is row 1). */
  row: number;
  /** The template column (Chinese header), '' when the problem is not about one column. */
  column: string;
  /** The CreateDemandDto field, e.g. `majors.1.code`. */
  field: string;
  /** The cell as uploaded. */
  value: string;
  /** What is wrong, in Chinese. */
  message: string;
}

export interface DemandImportResult {
  /** Data rows read (empty rows are not counted). */
  totalRows: number;
  created: number;
  /** Rows not created, each with at least one entry in `errors`. */
  rejected: number;
  /** Ids of the created drafts, in file order. */
  createdIds: string[];
  errors: DemandImportRowError[];
  dryRun: boolean;
}

interface RowProblem {
  column: ImportColumn | undefined;
  field: string;
  message: string;
}

interface CheckedRow {
  row: TableRow;
  cell: (key: ImportColumnKey) => string;
  dto?: CreateDemandDto;
  problems: RowProblem[];
}

/** Errors of CreateDemandUseCase that concern the whole import (the enterprise), not a row. */
const WHOLE_IMPORT_CODES = new Set(['enterprise_not_registered', 'enterprise_not_allowed', 'tenant_forbidden']);

/**
 * Bulk upload of demands: reads a CSV/XLSX, checks every row with the same DTO and rules as
 * POST /demands, then creates each valid row as a draft through CreateDemandUseCase — one
 * transaction per row, so a row is either fully written or not at all, and an invalid row
 * writes nothing. Problems with the file as a whole (format, header, size, the enterprise)
 * refuse it before anything is written.
 */
@Injectable()
export class ImportDemandsUseCase {
  private readonly logger = new Logger(ImportDemandsUseCase.name);
  private readonly pipe: ValidationPipe = createValidationPipe();

  constructor(private readonly createDemand: CreateDemandUseCase) {}

  async execute(command: ImportDemandsCommand): Promise<DemandImportResult> {
    const started = Date.now();
    const enterpriseId = enterpriseFor(command.caller, command.enterpriseId);
    const { rows, layout } = await readRows(command.file);

    const checked: CheckedRow[] = [];
    for (const row of rows) checked.push(await this.check(row, layout, enterpriseId));

    const createdIds: string[] = [];
    const createProblems = new Map<CheckedRow, RowProblem[]>();
    if (!command.dryRun) {
      const valid = checked.filter((c) => c.dto && c.problems.length === 0);
      for (const [i, candidate] of valid.entries()) {
        try {
          createdIds.push((await this.createDemand.execute(command.caller, candidate.dto!)).id);
        } catch (err) {
          const problems = rowProblemsOf(err);
          if (problems) {
            createProblems.set(candidate, problems);
            continue;
          }
          // The enterprise cannot have demands, or the service failed: before the first write
          // that is the answer to the whole request; after it, the rest is reported as not imported.
          if (createdIds.length === 0) throw err;
          const reason = err instanceof HttpException ? err.message : '服务内部错误';
          this.logger.error({ msg: 'demand import stopped', row: candidate.row.rowNumber, err });
          for (const rest of valid.slice(i)) {
            createProblems.set(rest, [
              {
                column: undefined,
                field: '',
                message: `未导入：${reason}。本文件中之前的行已导入，请只重新上传未导入的行`,
              },
            ]);
          }
          break;
        }
      }
    }

    const errors = checked.flatMap((c) => toRowErrors(c, [...c.problems, ...(createProblems.get(c) ?? [])]));
    const rejected = new Set(errors.map((e) => e.row)).size;
    const result: DemandImportResult = {
      totalRows: rows.length,
      created: createdIds.length,
      rejected,
      createdIds,
      errors,
      dryRun: command.dryRun === true,
    };
    this.logger.log({
      msg: 'demands imported',
      enterpriseId: enterpriseId ?? command.caller.orgId,
      totalRows: rows.length,
      created: createdIds.length,
      rejected,
      dryRun: result.dryRun,
      ms: Date.now() - started,
    });
    return result;
  }

  /** Everything that can be known about a row without writing: cells, DTO, catalogue and cross-field rules. */
  private async check(row: TableRow, layout: HeaderLayout, enterpriseId: string | undefined): Promise<CheckedRow> {
    const cell = (key: ImportColumnKey): string => {
      const header = layout.columns.get(key);
      return header === undefined ? '' : (row.values[header] ?? '');
    };
    const parsed = parseDemandRow(cell);
    const problems: RowProblem[] = [...parsed.problems];
    let dto: CreateDemandDto | undefined;
    try {
      dto = (await this.pipe.transform(
        { ...parsed.input, ...(enterpriseId ? { enterpriseId } : {}) },
        { type: 'body', metatype: CreateDemandDto },
      )) as CreateDemandDto;
    } catch (err) {
      const fromDto = rowProblemsOf(err);
      if (!fromDto) throw err;
      problems.push(...fromDto);
    }
    if (dto) {
      problems.push(...checkDemandContent(dto, { requireFutureDeadline: true }).problems.map(fromFieldProblem));
    }
    return { row, cell, dto, problems: preferCellProblems(problems, parsed.problems.length) };
  }
}

/** Mirrors CreateDemandUseCase: an enterprise imports for itself; others must name the enterprise. */
function enterpriseFor(caller: Caller, requested: string | undefined): string | undefined {
  if (caller.role === 'enterprise') {
    if (requested && requested !== caller.orgId) {
      throw new AppException('tenant_forbidden', 403, '只能为本企业导入需求', { field: 'enterpriseId' });
    }
    return undefined;
  }
  if (!requested) {
    throw validationFailed([
      {
        field: 'enterpriseId',
        problem: '代企业导入需求时必须指定企业（表单字段或查询参数 enterpriseId）',
        constraint: 'isDefined',
        detail: 'required',
      },
    ]);
  }
  return requested;
}

async function readRows(file: DemandImportFile): Promise<{ rows: TableRow[]; layout: HeaderLayout }> {
  const format = detectFormat(file.originalName, file.mimeType, file.buffer.subarray(0, 8));
  if (!format) throw DemandImportException.unsupportedFormat(file.originalName);
  const state: { layout?: HeaderLayout } = {};
  const rows: TableRow[] = [];
  try {
    const table = readTable(file.buffer, {
      format,
      onHeader: (headers) => {
        const layout = resolveHeaders(headers);
        if (layout.problems.length) {
          throw DemandImportException.badHeader(
            layout.problems,
            IMPORT_COLUMNS.map((c) => c.header),
          );
        }
        state.layout = layout;
      },
    });
    for await (const row of table) {
      if (rows.length === DEMAND_IMPORT_MAX_ROWS) throw DemandImportException.tooManyRows();
      rows.push(row);
    }
  } catch (err) {
    if (err instanceof TabularError) throw DemandImportException.unreadable(err.message, err.code, err.rowNumber);
    throw err;
  }
  if (!rows.length || !state.layout) throw DemandImportException.empty();
  return { rows, layout: state.layout };
}

function fromFieldProblem(p: FieldProblem): RowProblem {
  return { column: columnForField(p.field), field: p.field, message: p.problem };
}

/**
 * Row problems from an error of the validation pipe or CreateDemandUseCase: a 400 with
 * `errors`, or a 4xx of one row (e.g. a conflict naming a field). `undefined`: not a row
 * problem (the enterprise, or a failure of the service).
 */
function rowProblemsOf(err: unknown): RowProblem[] | undefined {
  if (!(err instanceof HttpException) || err.getStatus() >= 500) return undefined;
  const body = err.getResponse() as { code?: string; errors?: FieldProblem[]; field?: string; message?: string };
  if (typeof body !== 'object' || body === null) return undefined;
  if (body.code && WHOLE_IMPORT_CODES.has(body.code)) return undefined;
  if (Array.isArray(body.errors) && body.errors.length) return body.errors.map(fromFieldProblem);
  const field = typeof body.field === 'string' ? body.field : '';
  return [{ column: columnForField(field), field, message: err.message }];
}

/**
 * A cell the sheet already explains (“应为整数”, “无法识别的学历”) is not explained again by
 * the DTO in its own words (“必须是整数”, “取值必须是以下之一: bachelor…”).
 */
function preferCellProblems(problems: RowProblem[], cellProblemCount: number): RowProblem[] {
  const explained = new Set(problems.slice(0, cellProblemCount).map((p) => p.column?.key));
  return problems.filter((p, i) => i < cellProblemCount || !p.column || !explained.has(p.column.key));
}

function toRowErrors(checked: CheckedRow, problems: RowProblem[]): DemandImportRowError[] {
  const seen = new Set<string>();
  const order = (p: RowProblem) => (p.column ? IMPORT_COLUMNS.indexOf(p.column) : -1);
  return [...problems]
    .sort((a, b) => order(a) - order(b))
    .map((p) => {
      const item = itemNumberOf(p.field);
      const listItem = item !== undefined && p.column && p.field.replace(/\.\d+(\..*)?$/, '') === p.column.field;
      return {
        row: checked.row.rowNumber,
        column: p.column?.header ?? '',
        field: p.field,
        value: p.column ? checked.cell(p.column.key) : '',
        message: listItem ? `第 ${item} 项：${p.message}` : p.message,
      };
    })
    .filter((e) => {
      const key = `${e.column}|${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
