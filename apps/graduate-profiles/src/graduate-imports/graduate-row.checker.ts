import { HttpException, type ValidationPipe } from '@nestjs/common';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { createValidationPipe, type FieldProblem } from '#runtime';
import type { CollegeEntity } from '../colleges/index.js';
import {
  GraduateMajorDto,
  GraduatePreferencesDto,
  GraduateProfileInputDto,
  InternshipDto,
} from '../graduates/dto/graduate-profile-input.dto.js';
import { maskEmail, maskPhone } from '../graduates/graduate-masking.js';
import { checkGraduateContent, type NormalisedGraduateInput } from '../graduates/graduate-profile.rules.js';
import {
  columnForField,
  GRADUATE_COLUMN,
  GRADUATE_COLUMNS,
  itemNumberOf,
  parseGraduateRow,
  type GraduateColumn,
  type GraduateColumnKey,
} from './graduate-import.columns.js';

/** One problem of one row, as the error report shows it. */
export interface ImportRowError {
  /** Row number in the file as a person sees it (the header is row 1). */
  row: number;
  /** The column's header as the file names it; '' when the problem is not about one column. */
  column: string;
  /** The GraduateProfileInputDto field, e.g. `internships.1.months`. */
  field: string;
  /** The cell as uploaded; phone and e-mail masked (the report must not carry them in clear). */
  value: string;
  /** What is wrong, in Chinese. */
  message: string;
}

interface RowProblem {
  column: GraduateColumn | undefined;
  field: string;
  message: string;
}

/**
 * The verdict on one row from the sheet and the DTO, as plain data: a passing row carries its
 * GraduateProfileInputDto-shaped input (small to hold while its batch waits for the database).
 */
export type RowVerdict =
  | { ok: true; row: number; studentNumber: string; input: Record<string, unknown> }
  | { ok: false; row: number; studentNumber: string | undefined; errors: ImportRowError[] };

/** A row that passed the sheet and the DTO, with its cells; the catalogue and 院系 rules remain. */
export type ValidatedRow = Extract<RowVerdict, { ok: true }> & { values: Readonly<Record<string, string>> };

/**
 * The DTO's rules, without the pipe's per-call overhead. No whitelist check: the input comes from
 * parseGraduateRow, which only ever sets DTO fields (a failing row still goes through the pipe).
 */
const VALIDATOR_OPTIONS: ValidatorOptions = {
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
};

/** Longest cell text kept in the report: enough to recognise it, not a copy of a runaway cell. */
const MAX_VALUE_CHARS = 200;

/**
 * Checks one row of a cohort file the way the API checks one graduate: the sheet's own rules
 * (parseGraduateRow), then GraduateProfileInputDto, then the catalogue and 院系 rules. Valid rows
 * are the common case and take the fast path (class-validator directly, synchronously); only a
 * failing row goes through the API's validation pipe again, for the same Chinese messages.
 */
export class GraduateRowChecker {
  private readonly pipe: ValidationPipe = createValidationPipe();

  /** @param headers the file's header text per column (for the report's 列). */
  constructor(private readonly headers: ReadonlyMap<GraduateColumnKey, string>) {}

  /** The sheet and the DTO: no I/O, no college needed. */
  async check(rowNumber: number, values: Readonly<Record<string, string>>): Promise<RowVerdict> {
    const cell = this.cellsOf(values);
    const studentNumber = cell('studentNumber').normalize('NFKC') || undefined;
    const parsed = parseGraduateRow(cell);
    const problems: RowProblem[] = [...parsed.problems];

    const dto = toInputDto(parsed.input);
    if (validateSync(dto, VALIDATOR_OPTIONS).length > 0) problems.push(...(await this.pipeProblems(parsed.input)));
    if (problems.length > 0) {
      const errors = this.toRowErrors(rowNumber, cell, preferCellProblems(problems, parsed.problems.length));
      return { ok: false, row: rowNumber, studentNumber, errors };
    }
    return { ok: true, row: rowNumber, studentNumber: dto.studentNumber, input: parsed.input };
  }

  /** The catalogue and 院系 rules, against the college as it is in the batch's transaction. */
  checkContent(
    validated: ValidatedRow,
    college: Pick<CollegeEntity, 'departments'>,
  ): { ok: true; graduate: NormalisedGraduateInput } | { ok: false; errors: ImportRowError[] } {
    const dto = toInputDto(validated.input);
    const { graduate, problems } = checkGraduateContent(dto, college);
    if (problems.length > 0) {
      const cell = this.cellsOf(validated.values);
      return { ok: false, errors: this.toRowErrors(validated.row, cell, problems.map(fromFieldProblem)) };
    }
    // 无 in 电子邮箱 clears it: the rules lower-case the address and would turn null into “keep”.
    if (dto.email === null) graduate.email = null;
    return { ok: true, graduate };
  }

  /** An error about the row as a whole in the file (e.g. a repeated 学号), on one column. */
  rowError(rowNumber: number, key: GraduateColumnKey, value: string, message: string): ImportRowError {
    const column = GRADUATE_COLUMN[key];
    return {
      row: rowNumber,
      column: this.headers.get(key) ?? column.header,
      field: column.field,
      value: reportValue(column, value),
      message,
    };
  }

  private cellsOf(values: Readonly<Record<string, string>>): (key: GraduateColumnKey) => string {
    return (key) => {
      const header = this.headers.get(key);
      return header === undefined ? '' : (values[header] ?? '');
    };
  }

  private async pipeProblems(input: Record<string, unknown>): Promise<RowProblem[]> {
    try {
      await this.pipe.transform(input, { type: 'body', metatype: GraduateProfileInputDto });
      return [];
    } catch (err) {
      const body = err instanceof HttpException ? (err.getResponse() as { errors?: FieldProblem[] }) : undefined;
      if (!Array.isArray(body?.errors)) throw err;
      return body.errors.map(fromFieldProblem);
    }
  }

  private toRowErrors(
    rowNumber: number,
    cell: (key: GraduateColumnKey) => string,
    problems: RowProblem[],
  ): ImportRowError[] {
    const seen = new Set<string>();
    const order = (p: RowProblem) => (p.column ? GRADUATE_COLUMNS.indexOf(p.column) : -1);
    return [...problems]
      .sort((a, b) => order(a) - order(b))
      .map((p) => {
        const item = itemNumberOf(p.field);
        const listItem = item !== undefined && p.column && p.field.replace(/\.\d+(\..*)?$/, '') === p.column.field;
        return {
          row: rowNumber,
          column: p.column ? (this.headers.get(p.column.key) ?? p.column.header) : '',
          field: p.field,
          value: p.column ? reportValue(p.column, cell(p.column.key)) : '',
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
}

/**
 * The parsed row as DTO instances, built directly: what plainToInstance builds for this input
 * (the parser already trims, which is all the DTO's transforms do), at a fraction of its cost
 * per row. graduate-row.checker.spec.ts holds the two equal.
 */
export function toInputDto(input: Readonly<Record<string, unknown>>): GraduateProfileInputDto {
  const { major, internships, preferences, ...plain } = input as Record<string, unknown> & {
    major?: object;
    internships?: object[];
    preferences?: object;
  };
  const dto = Object.assign(new GraduateProfileInputDto(), plain);
  if (major !== undefined) dto.major = Object.assign(new GraduateMajorDto(), major);
  if (internships !== undefined) dto.internships = internships.map((i) => Object.assign(new InternshipDto(), i));
  if (preferences !== undefined) dto.preferences = Object.assign(new GraduatePreferencesDto(), preferences);
  return dto;
}

function fromFieldProblem(p: FieldProblem): RowProblem {
  return { column: columnForField(p.field), field: p.field, message: p.problem };
}

/**
 * A cell the sheet already explains (“应为 4 位年份”) is not explained again by the DTO in its own
 * words (“必须是整数”).
 */
function preferCellProblems(problems: RowProblem[], cellProblemCount: number): RowProblem[] {
  const explained = new Set(problems.slice(0, cellProblemCount).map((p) => p.column?.key));
  return problems.filter((p, i) => i < cellProblemCount || !p.column || !explained.has(p.column.key));
}

/** The value as the report shows it: personal data masked, long text cut. */
export function reportValue(column: GraduateColumn, value: string): string {
  if (value === '') return '';
  if (column.personal === 'phone') return maskPhone(value);
  if (column.personal === 'email') return maskEmail(value);
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
}
