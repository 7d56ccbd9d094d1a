import { HttpException, Logger } from '@nestjs/common';
import type { Caller } from '#auth';
import { AppException, validationFailed } from '#runtime';
import { writeCsv, type CellValue } from '#tabular';
import type { CreateDemandDto } from '../../demands/dto/demand-input.dto.js';
import type { CreateDemandUseCase } from '../../demands/use-cases/create-demand.use-case.js';
import { IMPORT_COLUMNS } from '../demand-import.columns.js';
import { DEMAND_IMPORT_MAX_ROWS } from '../demand-import.constants.js';
import { exampleRow } from '../demand-import.template.js';
import { ImportDemandsUseCase, type ImportDemandsCommand } from './import-demands.use-case.js';

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const enterprise: Caller = { subject: 'u-1', role: 'enterprise', orgId: 'ent-1' };
const organizer: Caller = { subject: 'u-2', role: 'organizer', orgId: 'org-1' };

function csvFile(rows: Record<string, CellValue>[], headers: readonly string[] = HEADERS) {
  return { buffer: writeCsv(rows, headers), originalName: '需求.csv', mimeType: 'text/csv' };
}

const row = (overrides: Record<string, CellValue> = {}) => ({ ...exampleRow(), ...overrides });

/** CreateDemandUseCase without a database: records what it was asked to create. */
class FakeCreateDemand {
  readonly created: CreateDemandDto[] = [];
  failWith: ((dto: CreateDemandDto, n: number) => Error | undefined) | undefined;

  execute(_caller: Caller, dto: CreateDemandDto): Promise<{ id: string }> {
    const error = this.failWith?.(dto, this.created.length);
    if (error) return Promise.reject(error);
    this.created.push(dto);
    return Promise.resolve({ id: `d-${this.created.length}` });
  }
}

function setup() {
  const fake = new FakeCreateDemand();
  const useCase = new ImportDemandsUseCase(fake as unknown as CreateDemandUseCase);
  const run = (command: Partial<ImportDemandsCommand> & Pick<ImportDemandsCommand, 'file'>) =>
    useCase.execute({ caller: enterprise, ...command });
  return { fake, run };
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; body: Record<string, any> }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HttpException)
      return { status: err.getStatus(), body: err.getResponse() as Record<string, any> };
    throw err;
  }
  throw new Error('expected the import to be refused');
}

describe('ImportDemandsUseCase', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('creates the valid rows and reports each bad row with its number, column, field and value', async () => {
    const { fake, run } = setup();
    const result = await run({
      file: csvFile([
        row(),
        row({ 专业代码: '080901、089999' }),
        row({ 月薪下限: '20000', 月薪上限: '10000' }),
        row({ 最低学历: '专升本', 招聘人数: '0' }),
        row({ 岗位名称: '第二个岗位' }),
      ]),
    });
    expect(result).toMatchObject({ totalRows: 5, created: 2, rejected: 3, createdIds: ['d-1', 'd-2'], dryRun: false });
    expect(fake.created.map((d) => d.title)).toEqual(['Java 开发工程师', '第二个岗位']);
    expect(fake.created[0]).toMatchObject({
      kind: 'job',
      minDegree: 'bachelor',
      majors: [{ code: '080901' }, { code: '0807' }],
    });
    expect(result.errors).toEqual([
      {
        row: 3,
        column: '专业代码',
        field: 'majors.1.code',
        value: '080901、089999',
        message: '第 2 项：专业代码 089999 不在 2025 年版专业目录中',
      },
      { row: 4, column: '月薪下限', field: 'salaryMin', value: '20000', message: '月薪下限不能高于上限' },
      { row: 5, column: '招聘人数', field: 'headcount', value: '0', message: '不能小于 1' },
      {
        row: 5,
        column: '最低学历',
        field: 'minDegree',
        value: '专升本',
        message: '无法识别的学历“专升本”，应为 中职/高职专科/本科/硕士/博士 之一',
      },
    ]);
  });

  it('reports a row CreateDemandUseCase refuses, and goes on with the next', async () => {
    const { fake, run } = setup();
    fake.failWith = (dto) =>
      dto.title === '冲突'
        ? validationFailed([
            { field: 'deadline', problem: '报名截止日期不能早于今天', constraint: 'futureDeadline', detail: '' },
          ])
        : undefined;
    const result = await run({ file: csvFile([row({ 岗位名称: '冲突' }), row()]) });
    expect(result).toMatchObject({ created: 1, rejected: 1 });
    expect(result.errors).toEqual([
      {
        row: 2,
        column: '报名截止日期',
        field: 'deadline',
        value: exampleRow()['报名截止日期'],
        message: '报名截止日期不能早于今天',
      },
    ]);
  });

  it('refuses the whole import when the enterprise cannot have demands, before anything is written', async () => {
    const { fake, run } = setup();
    fake.failWith = () =>
      new AppException('enterprise_not_registered', 409, '企业尚未注册，不能发布需求', { field: 'enterpriseId' });
    const res = await refusal(run({ file: csvFile([row(), row()]) }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('enterprise_not_registered');
    expect(fake.created).toEqual([]);
  });

  it('after a failure mid-way, reports the rows not written and keeps the ones that were', async () => {
    const { fake, run } = setup();
    fake.failWith = (_dto, n) => (n === 2 ? new Error('connection lost') : undefined);
    const result = await run({ file: csvFile([row(), row(), row(), row({ 招聘人数: 'x' }), row()]) });
    expect(result).toMatchObject({ totalRows: 5, created: 2, rejected: 3, createdIds: ['d-1', 'd-2'] });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [4, ''],
      [5, '招聘人数'],
      [6, ''],
    ]);
    expect(result.errors[0]!.message).toMatch(/^未导入：服务内部错误。本文件中之前的行已导入/);
  });

  it('checks without writing on a dry run', async () => {
    const { fake, run } = setup();
    const result = await run({ file: csvFile([row(), row({ 工作城市: '999999' })]), dryRun: true });
    expect(result).toMatchObject({ totalRows: 2, created: 0, rejected: 1, createdIds: [], dryRun: true });
    expect(result.errors).toEqual([
      {
        row: 3,
        column: '工作城市',
        field: 'cities.0',
        value: '999999',
        message: '第 1 项：行政区划代码 999999 不存在',
      },
    ]);
    expect(fake.created).toEqual([]);
  });

  it('imports for the named enterprise when an organizer uploads', async () => {
    const { fake, run } = setup();
    await run({ caller: organizer, enterpriseId: 'ent-9', file: csvFile([row()]) });
    expect(fake.created[0]!.enterpriseId).toBe('ent-9');
  });

  describe('refuses the whole file, writing nothing', () => {
    it.each([
      ['an organizer without enterpriseId', { caller: organizer }, 400, 'validation_failed'],
      ['an enterprise importing for another', { enterpriseId: 'ent-2' }, 403, 'tenant_forbidden'],
    ])('%s', async (_what, command, status, code) => {
      const { fake, run } = setup();
      const res = await refusal(run({ ...command, file: csvFile([row()]) }));
      expect(res).toMatchObject({ status, body: { code } });
      expect(fake.created).toEqual([]);
    });

    it('an unknown header, naming it and the known ones', async () => {
      const { fake, run } = setup();
      const headers = HEADERS.map((h) => (h === '月薪下限' ? '月薪下线' : h));
      const res = await refusal(run({ file: csvFile([{ ...row(), 月薪下线: '8000' }], [...headers, '备注']) }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'import_header_invalid',
        headerProblems: [
          { header: '月薪下线', message: '无法识别的列“月薪下线”，是否应为“月薪下限”？' },
          { header: '备注', message: '无法识别的列“备注”' },
          { header: '月薪下限', message: '缺少必需的列“月薪下限”' },
        ],
      });
      expect(res.body.message).toMatch(/可用的列：需求类型、岗位名称/);
      expect(fake.created).toEqual([]);
    });

    it(`more than ${DEMAND_IMPORT_MAX_ROWS} rows`, async () => {
      const { fake, run } = setup();
      const rows = Array.from({ length: DEMAND_IMPORT_MAX_ROWS + 1 }, () => row());
      const res = await refusal(run({ file: csvFile(rows) }));
      expect(res).toMatchObject({
        status: 413,
        body: { code: 'import_too_many_rows', maxRows: DEMAND_IMPORT_MAX_ROWS },
      });
      expect(res.body.message).toContain(String(DEMAND_IMPORT_MAX_ROWS));
      expect(fake.created).toEqual([]);
    });

    it.each([
      [
        'an old .xls',
        {
          buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          originalName: '需求.xls',
          mimeType: 'application/vnd.ms-excel',
        },
        415,
        'import_format_unsupported',
        /另存为/,
      ],
      ['a header without rows', csvFile([]), 400, 'import_empty', /没有需求数据行/],
      [
        'a broken CSV',
        { buffer: Buffer.from('需求类型,岗位名称\n"实习,x\n'), originalName: 'a.csv', mimeType: 'text/csv' },
        400,
        'import_file_unreadable',
        /引号没有闭合/,
      ],
      [
        'a damaged .xlsx',
        { buffer: Buffer.from('PK\u0003\u0004broken'), originalName: 'a.xlsx', mimeType: 'application/octet-stream' },
        400,
        'import_file_unreadable',
        /无法读取 Excel 文件/,
      ],
    ])('%s', async (_what, file, status, code, message) => {
      const { run } = setup();
      const res = await refusal(run({ file }));
      expect(res).toMatchObject({ status, body: { code } });
      expect(res.body.message).toMatch(message);
    });
  });
});
