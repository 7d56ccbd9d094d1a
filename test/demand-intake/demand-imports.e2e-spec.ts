import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { randomUUID } from 'node:crypto';
import { readTable, writeCsv, type CellValue } from '#tabular';
import {
  bearer,
  makeEnterpriseInput,
  startPlatform,
  withClient,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';

type Json = Record<string, any>;

/** The template's columns, as a person filling it in sees them (black box: not imported from the app). */
const HEADERS = [
  '需求类型',
  '岗位名称',
  '岗位描述',
  '职业编码',
  '招聘人数',
  '专业代码',
  '专业目录年份',
  '最低学历',
  '技能',
  '证书',
  '工作城市',
  '月薪下限',
  '月薪上限',
  '毕业年份',
  '报名截止日期',
  '实习时长（月）',
  '实习补贴（元/月）',
  '学徒期（月）',
  '培训机构',
  '合作院校',
  '培养规模',
  '开始培养学期',
  '录用承诺',
];

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

function demandRow(title: string, overrides: Record<string, CellValue> = {}): Record<string, CellValue> {
  return {
    需求类型: '全职岗位',
    岗位名称: title,
    岗位描述: '参与智能制造 MES 系统开发，含“引号”, 逗号\n和换行',
    职业编码: '2-02-10-03',
    招聘人数: '3',
    专业代码: '080901、0807',
    最低学历: '本科',
    技能: 'Java:5:必备;MySQL:3',
    证书: '1+X Web 前端开发职业技能等级证书',
    工作城市: '330100;330200',
    月薪下限: '8000',
    月薪上限: '12000',
    毕业年份: '2026;2027',
    报名截止日期: inDays(90),
    ...overrides,
  };
}

describe('demand intake: bulk import of demands', () => {
  let platform: TestPlatform;
  let di: ServiceProcess;
  const ent = `ent-imp-${randomUUID().slice(0, 8)}`;
  const asEnterprise = () => bearer('enterprise', ent);
  const asOrganizer = () => bearer('organizer', 'org-1');

  async function call(path: string, init: RequestInit & { json?: unknown } = {}) {
    const res = await di.request(path, init);
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: (json && text ? JSON.parse(text) : {}) as Json, text, headers: res.headers };
  }

  async function upload(
    file: { bytes: Uint8Array; name: string; type?: string },
    { headers = asEnterprise(), query = '', fields = {} as Record<string, string>, field = 'file' } = {},
  ) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append(field, new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    return call(`/demands/imports${query}`, { method: 'POST', headers, body: form });
  }

  const csv = (rows: Record<string, CellValue>[], headers: readonly string[] = HEADERS) => ({
    bytes: writeCsv(rows, headers),
    name: '需求.csv',
    type: 'text/csv',
  });

  async function demandCount(enterpriseId = ent): Promise<number> {
    return withClient(platform.db.url, async (c) => {
      const r = await c.query<{ n: string }>(
        `SELECT count(*) AS n FROM "demand-intake".demands WHERE enterprise_id = $1`,
        [enterpriseId],
      );
      return Number(r.rows[0]!.n);
    });
  }

  beforeAll(async () => {
    platform = await startPlatform('imports', ['demand-intake']);
    di = platform.service('demand-intake');
    const reg = await call('/enterprises', { method: 'POST', headers: asEnterprise(), json: makeEnterpriseInput() });
    expect(reg.status).toBe(201);
    const v = await call(`/enterprises/${ent}/verification`, {
      method: 'POST',
      headers: asOrganizer(),
      json: { decision: 'verified' },
    });
    expect(v.status).toBeLessThan(300);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('imports 2,000 rows: creates the 1,990 valid ones and reports each of the 10 bad ones by row and field', async () => {
    const faults: Record<number, { cells: Record<string, CellValue>; column: string; field: string }> = {
      17: { cells: { 专业代码: '080901、089999' }, column: '专业代码', field: 'majors.1.code' },
      211: { cells: { 报名截止日期: '2027-13-45' }, column: '报名截止日期', field: 'deadline' },
      402: { cells: { 月薪下限: '20000', 月薪上限: '10000' }, column: '月薪下限', field: 'salaryMin' },
      598: { cells: { 工作城市: '330100;999999' }, column: '工作城市', field: 'cities.1' },
      777: { cells: { 招聘人数: '0' }, column: '招聘人数', field: 'headcount' },
      1000: { cells: { 最低学历: '专升本' }, column: '最低学历', field: 'minDegree' },
      1203: { cells: { 需求类型: '兼职' }, column: '需求类型', field: 'kind' },
      1499: { cells: { 技能: 'Java:9:必备' }, column: '技能', field: 'skills' },
      1750: { cells: { 职业编码: '9-99-99-99' }, column: '职业编码', field: 'occupationCode' },
      1998: { cells: { 需求类型: '实习' }, column: '实习时长（月）', field: 'internship.durationMonths' },
    };
    const rows = Array.from({ length: 2000 }, (_, i) => demandRow(`批量岗位 ${i}`, faults[i]?.cells));
    const before = await demandCount();

    const res = await upload(csv(rows));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalRows: 2000, created: 1990, rejected: 10, dryRun: false });
    expect(res.body.createdIds).toHaveLength(1990);
    expect(new Set(res.body.createdIds as string[]).size).toBe(1990);

    const errors = res.body.errors as { row: number; column: string; field: string; value: string; message: string }[];
    expect([...new Set(errors.map((e) => e.row))]).toEqual(Object.keys(faults).map((i) => Number(i) + 2));
    for (const [i, fault] of Object.entries(faults)) {
      const rowErrors = errors.filter((e) => e.row === Number(i) + 2);
      expect(rowErrors).toContainEqual(expect.objectContaining({ column: fault.column, field: fault.field }));
      for (const e of rowErrors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(errors.find((e) => e.row === 19)).toMatchObject({
      value: '080901、089999',
      message: '第 2 项：专业代码 089999 不在 2025 年版专业目录中',
    });

    expect((await demandCount()) - before).toBe(1990);
    const titles = await withClient(platform.db.url, (c) =>
      c.query<{ title: string }>(`SELECT title FROM "demand-intake".demands WHERE title = ANY($1)`, [
        Object.keys(faults).map((i) => `批量岗位 ${i}`),
      ]),
    );
    expect(titles.rows).toEqual([]);

    const first = await call(`/demands/${res.body.createdIds[0]}`, { headers: asEnterprise() });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      enterpriseId: ent,
      title: '批量岗位 0',
      status: 'draft',
      kind: 'job',
      minDegree: 'bachelor',
      majors: [
        { code: '080901', catalogueYear: 2025 },
        { code: '0807', catalogueYear: 2025 },
      ],
      skills: [
        { skillId: 'java', weight: 5, required: true },
        { skillId: 'mysql', weight: 3, required: false },
      ],
      cities: ['330100', '330200'],
      graduationYears: [2026, 2027],
    });
    expect(first.body.description).toBe('参与智能制造 MES 系统开发，含“引号”, 逗号\n和换行');
  });

  it('imports an .xlsx, with real dates and numbers Excel made of the cells', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('需求');
    sheet.addRow(HEADERS);
    const deadline = new Date(`${inDays(60)}T00:00:00Z`);
    const cells = (title: string, extra: Record<string, unknown> = {}) => {
      const row: Record<string, unknown> = {
        ...demandRow(title),
        招聘人数: 2,
        // A major code typed into a number cell loses its leading zero.
        专业代码: 80901,
        工作城市: 330100,
        月薪下限: 6000,
        月薪上限: 9000,
        毕业年份: 2026,
        报名截止日期: deadline,
        ...extra,
      };
      return HEADERS.map((h) => row[h] ?? null);
    };
    sheet.addRow(cells('XLSX 岗位 1'));
    sheet.addRow(cells('XLSX 实习', { 需求类型: '实习', '实习时长（月）': 6, '实习补贴（元/月）': 3000 }));
    sheet.addRow([]);
    sheet.addRow(
      cells('XLSX 订单班', {
        需求类型: '订单培养',
        合作院校: 'c-1、c-2',
        培养规模: 40,
        开始培养学期: '2027秋',
        录用承诺: '考核合格者全部录用',
      }),
    );
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const res = await upload({ bytes, name: '需求.xlsx' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalRows: 3, created: 3, rejected: 0, errors: [] });
    const order = await call(`/demands/${res.body.createdIds[2]}`, { headers: asEnterprise() });
    expect(order.body).toMatchObject({
      kind: 'order_training',
      majors: [{ code: '080901', catalogueYear: 2025 }],
      deadline: inDays(60),
      orderTraining: { partnerCollegeIds: ['c-1', 'c-2'], cohortSize: 40, trainingStartTerm: '2027-秋' },
    });
  });

  it('imports a GB18030 CSV (what Excel on Chinese Windows saves)', async () => {
    const text = writeCsv([demandRow('GBK 岗位 1'), demandRow('GBK 岗位 2', { 最低学历: '高职专科' })], HEADERS)
      .subarray(3)
      .toString('utf8');
    const bytes = iconv.encode(text, 'gb18030');
    const res = await upload({ bytes, name: '需求.csv', type: 'application/vnd.ms-excel' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalRows: 2, created: 2, rejected: 0 });
    const second = await call(`/demands/${res.body.createdIds[1]}`, { headers: asEnterprise() });
    expect(second.body).toMatchObject({ title: 'GBK 岗位 2', minDegree: 'associate' });
  });

  it('lets an organizer import on behalf of an enterprise, and only with its id', async () => {
    const missing = await upload(csv([demandRow('代导入')]), { headers: asOrganizer() });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'enterpriseId' }));

    const res = await upload(csv([demandRow('代导入')]), { headers: asOrganizer(), fields: { enterpriseId: ent } });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);

    const other = await upload(csv([demandRow('越权')]), { query: '?enterpriseId=ent-someone-else' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('tenant_forbidden');

    const unregistered = await upload(csv([demandRow('无企业')]), {
      headers: bearer('enterprise', 'ent-not-registered'),
    });
    expect(unregistered.status).toBe(409);
    expect(unregistered.body.code).toBe('enterprise_not_registered');
    expect(await demandCount('ent-not-registered')).toBe(0);

    const graduate = await upload(csv([demandRow('毕业生')]), { headers: bearer('graduate', 'college-1') });
    expect(graduate.status).toBe(403);
  });

  describe('the template', () => {
    it('downloads as CSV with a BOM, the Chinese headers and an example row that imports as it is', async () => {
      const res = await di.request('/demands/imports/template?format=csv', { headers: asEnterprise() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="demand-import-template.csv"; filename*=UTF-8''${encodeURIComponent('需求导入模板.csv')}`,
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe(HEADERS.join(','));

      const back = await upload({ bytes, name: '需求导入模板.csv', type: 'text/csv' });
      expect(back.body).toMatchObject({ totalRows: 1, created: 1, rejected: 0 });
    });

    it('downloads as XLSX with the same columns (the default)', async () => {
      const res = await di.request('/demands/imports/template', { headers: asEnterprise() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('需求导入模板.xlsx'));
      const bytes = Buffer.from(await res.arrayBuffer());
      const rows = [];
      for await (const row of readTable(bytes, { format: 'xlsx', onHeader: (h) => expect(h).toEqual(HEADERS) }))
        rows.push(row);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.values).toMatchObject({
        需求类型: '全职岗位',
        专业代码: '080901、0807',
        技能: 'Java:5:必备;MySQL:3',
      });
    });
  });

  describe('refuses the whole file, writing nothing', () => {
    it('names an unknown header column and the columns it knows', async () => {
      const before = await demandCount();
      const headers = [...HEADERS.map((h) => (h === '月薪上限' ? '月薪上线' : h)), '备注'];
      const rows = [{ ...demandRow('表头错误'), 月薪上线: '12000', 备注: '随便写写' }];
      const res = await upload(csv(rows, headers));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('import_header_invalid');
      expect(res.body.headerProblems).toEqual([
        { header: '月薪上线', message: '无法识别的列“月薪上线”，是否应为“月薪上限”？' },
        { header: '备注', message: '无法识别的列“备注”' },
        { header: '月薪上限', message: '缺少必需的列“月薪上限”' },
      ]);
      expect(res.body.message).toMatch(/可用的列：需求类型、岗位名称/);
      expect(await demandCount()).toBe(before);
    });

    it('refuses more than 5,000 rows with a 413 naming the limit', async () => {
      const before = await demandCount();
      const rows = Array.from({ length: 5001 }, (_, i) => demandRow(`超限 ${i}`));
      const res = await upload(csv(rows));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'import_too_many_rows', maxRows: 5000 });
      expect(res.body.message).toContain('5000');
      expect(await demandCount()).toBe(before);
    });

    it('refuses a file over 10 MB with a 413', async () => {
      const res = await upload({
        bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
        name: '大文件.csv',
        type: 'text/csv',
      });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('import_file_too_large');
      expect(res.body.message).toMatch(/10 MB/);
    });

    it.each([
      ['no file', { field: 'attachment' }, 400, 'import_file_field'],
      [
        'an old .xls',
        { name: '需求.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
        415,
        'import_format_unsupported',
      ],
      ['a header only', { bytes: writeCsv([], HEADERS) }, 400, 'import_empty'],
    ])('%s', async (_what, spec: { field?: string; name?: string; bytes?: Uint8Array }, status, code) => {
      const res = await upload(
        { bytes: spec.bytes ?? writeCsv([demandRow('x')], HEADERS), name: spec.name ?? '需求.csv' },
        { field: spec.field },
      );
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
    });

    it('a request without multipart body', async () => {
      const res = await call('/demands/imports', { method: 'POST', headers: asEnterprise(), json: {} });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('import_file_missing');
    });
  });

  it('checks without writing on a dry run, and gives the errors as a CSV report on request', async () => {
    const before = await demandCount();
    const rows = [demandRow('好'), demandRow('坏', { 工作城市: '999999' }), demandRow('也坏', { 月薪下限: '=1+1' })];
    const res = await di.request('/demands/imports?dryRun=true&report=csv', {
      method: 'POST',
      headers: asEnterprise(),
      body: (() => {
        const form = new FormData();
        form.append('file', new Blob([writeCsv(rows, HEADERS)]), '需求.csv');
        return form;
      })(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('需求导入错误报告.csv'));
    expect([
      res.headers.get('x-import-total-rows'),
      res.headers.get('x-import-created'),
      res.headers.get('x-import-rejected'),
    ]).toEqual(['3', '0', '2']);
    const report = Buffer.from(await res.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n');
    expect(report).toEqual([
      '行号,列,字段,值,错误说明',
      '3,工作城市,cities.0,999999,第 1 项：行政区划代码 999999 不存在',
      // A value that a spreadsheet would run as a formula is neutralised.
      "4,月薪下限,salaryMin,'=1+1,应为整数，如 8000",
      '',
    ]);
    expect(await demandCount()).toBe(before);
  });
});
