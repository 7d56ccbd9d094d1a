import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '#contracts';
import { readTable } from '#tabular';
import {
  bearer,
  makeCollegeInput,
  startPlatform,
  topicMessageCount,
  waitFor,
  withClient,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';
import {
  COHORT_DEPARTMENTS,
  COHORT_HEADERS,
  cohortRow,
  csvLineOf,
  studentNumberOf,
  type CohortRow,
} from '../perf/cohort-generator.js';

type Json = Record<string, any>;

const college = (org: string) => bearer('college', org);
const newId = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
const CJK = /[\u4e00-\u9fff]/;

function csvOf(rows: readonly Readonly<Record<string, string>>[], headers: readonly string[] = COHORT_HEADERS): string {
  return [headers.join(','), ...rows.map((r) => csvLineOf(r, headers))].join('\r\n') + '\r\n';
}

const utf8Csv = (rows: readonly CohortRow[], headers?: readonly string[]) => ({
  bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(rows, headers), 'utf8')]),
  name: '2027届毕业生.csv',
  type: 'text/csv',
});

/** Typed cells, as Excel keeps them: numbers as numbers (the reader must give back the text a person sees). */
async function xlsxOf(rows: readonly CohortRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('毕业生');
  sheet.addRow([...COHORT_HEADERS]);
  for (const row of rows) {
    sheet.addRow(
      COHORT_HEADERS.map((h) => {
        const v = row[h];
        // 学号 S…, 专业代码 0…: text; 毕业年份, 百分位, 月薪, 手机号: numbers.
        return ['毕业年份', '学业排名百分位', '最低期望月薪', '手机号'].includes(h) && v !== '' ? Number(v) : v;
      }),
    );
  }
  workbook.addWorksheet('说明').addRow(['这一页不会被读取']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface SseEvent {
  event: string;
  data: Json;
}

describe('graduate profiles: cohort import (毕业生批量导入)', () => {
  let platform: TestPlatform;
  let gp: ServiceProcess;
  const importDir = mkdtempSync(join(tmpdir(), 'tb-graduate-imports-'));
  const colA = newId('col-imp-a');
  const colB = newId('col-imp-b');
  const colC = newId('col-imp-c');
  const colK = newId('col-imp-k');
  const graduatesTopic = () => `${platform.topicPrefix}.${TOPICS.graduates}`;

  async function call(path: string, init: RequestInit & { json?: unknown } = {}) {
    const res = await gp.request(path, init);
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return {
      status: res.status,
      body: (json && bytes.length ? JSON.parse(bytes.toString('utf8')) : {}) as Json,
      bytes,
      headers: res.headers,
    };
  }

  async function upload(
    collegeId: string,
    file: { bytes: Uint8Array; name: string; type?: string },
    { headers = college(collegeId), field = 'file' } = {},
  ) {
    const form = new FormData();
    form.append(field, new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    return call(`/colleges/${collegeId}/graduate-imports`, { method: 'POST', headers, body: form });
  }

  async function finished(jobId: string, headers: Record<string, string>): Promise<Json> {
    return waitFor(
      async () => {
        const res = await call(`/graduate-imports/${jobId}`, { headers });
        expect(res.status).toBe(200);
        return ['completed', 'failed'].includes(res.body.status) ? res.body : null;
      },
      { timeoutMs: 240_000, intervalMs: 300, description: `import job ${jobId} to finish` },
    );
  }

  async function importAndWait(collegeId: string, file: { bytes: Uint8Array; name: string; type?: string }) {
    const res = await upload(collegeId, file);
    expect(res.status).toBe(202);
    return finished(res.body.id, college(collegeId));
  }

  /** Reads an SSE response to its end. */
  async function readEvents(
    path: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; events: SseEvent[] }> {
    const res = await gp.request(path, { headers: { ...headers, accept: 'text/event-stream' } });
    if (res.status !== 200) return { status: res.status, events: [] };
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    const events = text
      .split(/\n\n/)
      .map((block) => {
        const lines = block.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
        const data = lines
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        return data ? { event, data: JSON.parse(data) as Json } : null;
      })
      .filter((e): e is SseEvent => e !== null);
    return { status: res.status, events };
  }

  async function graduatesOf(collegeId: string): Promise<Json[]> {
    return withClient(platform.db.url, async (c) => {
      const { rows } = await c.query(
        `SELECT student_number, name, department, major_code, major_name, major_catalogue_year, degree,
                graduation_year, skills, certificates, internships, gpa_percentile::text AS gpa, preferences,
                phone, email, version, updated_at
           FROM "graduate-profiles".graduates WHERE college_id = $1 ORDER BY student_number`,
        [collegeId],
      );
      return rows as Json[];
    });
  }

  async function outboxCount(): Promise<number> {
    return withClient(platform.db.url, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM "graduate-profiles".outbox WHERE event_type = 'GraduateProfileUpserted'`,
      );
      return rows[0].n as number;
    });
  }

  beforeAll(async () => {
    platform = await startPlatform('gradimports', ['graduate-profiles'], {
      'graduate-profiles': { GRADUATE_IMPORT_DIR: importDir, GRADUATE_IMPORT_BATCH_SIZE: '500' },
    });
    gp = platform.service('graduate-profiles');
    for (const id of [colA, colB, colC, colK]) {
      const res = await call('/colleges', {
        method: 'POST',
        headers: college(id),
        json: makeCollegeInput({ departments: COHORT_DEPARTMENTS }),
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(importDir, { recursive: true, force: true });
  });

  // ---------------------------------------------------------------------------------------------
  // The acceptance file: 10,000 rows, 37 of them bad in different ways.

  const PREFIX_A = 'A27';
  /** Row index (0-based) → how it is broken and the column the report must name. */
  const FAULTS: Record<number, { cells: Partial<CohortRow>; column: string; message?: RegExp }> = {
    12: { cells: { 学号: '2027/001' }, column: '学号', message: /学号须为/ },
    250: { cells: { 姓名: '' }, column: '姓名', message: /必填/ },
    511: { cells: { 院系: '艺术学院' }, column: '院系', message: /不是本校登记的院系/ },
    777: {
      cells: { 院系: '计算机学院', 专业代码: '089999' },
      column: '专业代码',
      message: /不在 2025 年版本科专业目录中/,
    },
    901: {
      cells: { 学历: '高职专科', 专业代码: '510201', 专业名称: '' },
      column: '专业名称',
      message: /须填写专业名称/,
    },
    1000: { cells: { 学历: '专升本本科' }, column: '学历', message: /无法识别的学历/ },
    1203: { cells: { 毕业年份: '二〇二七' }, column: '毕业年份', message: /4 位年份/ },
    1499: { cells: { 毕业年份: '1999' }, column: '毕业年份' },
    1750: { cells: { 实习经历: '某公司|3' }, column: '实习经历', message: /单位\|行业门类\|月数\|岗位/ },
    1998: { cells: { 实习经历: '某公司|Z|3|实习生' }, column: '实习经历', message: /第 1 项/ },
    2222: { cells: { 实习经历: '某公司|C|三个月|实习生' }, column: '实习经历', message: /月数/ },
    2500: { cells: { 学业排名百分位: '101' }, column: '学业排名百分位' },
    2750: { cells: { 学业排名百分位: '前10%' }, column: '学业排名百分位', message: /0–100/ },
    3001: { cells: { 意向城市: '330100、999999' }, column: '意向城市', message: /999999 不在现行行政区划代码表中/ },
    3333: { cells: { 意向城市: '火星市' }, column: '意向城市', message: /无法识别的城市/ },
    3600: { cells: { 意向行业: 'Z' }, column: '意向行业' },
    3900: { cells: { 意向类型: '兼职' }, column: '意向类型', message: /无法识别的意向类型/ },
    4100: { cells: { 最低期望月薪: '面议' }, column: '最低期望月薪', message: /整数/ },
    4444: { cells: { 最低期望月薪: '-100' }, column: '最低期望月薪' },
    4700: { cells: { 是否愿意异地: '看情况' }, column: '是否愿意异地', message: /是.*否/ },
    5000: { cells: { 手机号: '12345678901' }, column: '手机号', message: /11 位大陆手机号/ },
    5250: { cells: { 手机号: '1381234' }, column: '手机号' },
    5500: { cells: { 电子邮箱: 'zhang.san@@example' }, column: '电子邮箱', message: /电子邮箱格式不正确/ },
    5800: { cells: { 学号: '' }, column: '学号', message: /必填/ },
    6000: { cells: { 专业代码: '' }, column: '专业代码', message: /必填/ },
    6200: { cells: { 学历: '' }, column: '学历', message: /必填/ },
    6400: { cells: { 技能: 'x'.repeat(51) }, column: '技能' },
    6600: { cells: { 证书: Array.from({ length: 31 }, (_, i) => `证书${i}`).join('、') }, column: '证书' },
    6800: { cells: { 姓名: '王'.repeat(51) }, column: '姓名' },
    7000: { cells: { 专业目录年份: '1888' }, column: '专业目录年份' },
    7200: {
      cells: { 院系: '机械工程学院', 专业代码: '080202', 专业名称: '机械工程' },
      column: '专业名称',
      message: /与目录不一致/,
    },
    7400: { cells: { 学历: '博士后' }, column: '学历' },
    7600: { cells: { 实习经历: '|C|3|实习生' }, column: '实习经历' },
    8000: { cells: { 电子邮箱: `${'a'.repeat(250)}@example.com` }, column: '电子邮箱' },
    // Repeats of an earlier row's 学号 (rows 103 and 9001 of the file): the later row is refused.
    8500: { cells: { 学号: studentNumberOf(PREFIX_A, 101) }, column: '学号', message: /与第 103 行重复/ },
    9500: { cells: { 学号: studentNumberOf(PREFIX_A, 8999) }, column: '学号', message: /与第 9001 行重复/ },
    9999: { cells: { 毕业年份: '2027年届' }, column: '毕业年份' },
  };
  const fileRowOf = (index: number) => index + 2;
  const cohortA = Array.from({ length: 10_000 }, (_, i) => ({
    ...cohortRow(i, { prefix: PREFIX_A }),
    ...FAULTS[i]?.cells,
  }));

  let jobA: Json;

  it('has 37 different faults in the acceptance file', () => {
    expect(Object.keys(FAULTS)).toHaveLength(37);
  });

  it('imports a 10,000-row file: reports exactly its 37 bad rows, progress reaches 100 % (poll and SSE)', async () => {
    const accepted = await upload(colA, utf8Csv(cohortA));
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/graduate-imports/${accepted.body.id}`);
    expect(accepted.body).toMatchObject({ collegeId: colA, status: 'queued', fileFormat: 'csv', processedRows: 0 });

    // The progress stream, from the start to the end of the job.
    const stream = await readEvents(`/graduate-imports/${accepted.body.id}/events`, college(colA));
    expect(stream.status).toBe(200);
    expect(stream.events.length).toBeGreaterThan(1);
    expect(stream.events.every((e) => e.event === 'progress')).toBe(true);
    const processed = stream.events.map((e) => e.data.processedRows as number);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    const last = stream.events[stream.events.length - 1]!.data;
    expect(last).toMatchObject({ status: 'completed', progress: 100, processedRows: 10_000, totalRows: 10_000 });

    jobA = await finished(accepted.body.id, college(colA));
    expect(jobA).toMatchObject({
      status: 'completed',
      totalRows: 10_000,
      processedRows: 10_000,
      progress: 100,
      accepted: 9_963,
      created: 9_963,
      updated: 0,
      unchanged: 0,
      rejected: 37,
      error: null,
      // Nobody consents yet: no profile goes to matching.
      eventsWritten: 0,
    });

    const report = await call(`/graduate-imports/${jobA.id}/errors?format=json&limit=1000`, { headers: college(colA) });
    expect(report.status).toBe(200);
    const errors = report.body.items as Json[];
    expect(report.body.total).toBe(errors.length);
    const expectedRows = Object.keys(FAULTS)
      .map(Number)
      .map(fileRowOf)
      .sort((a, b) => a - b);
    expect([...new Set(errors.map((e) => e.row))]).toEqual(expectedRows);
    for (const [index, fault] of Object.entries(FAULTS)) {
      const rowErrors = errors.filter((e) => e.row === fileRowOf(Number(index)));
      expect(rowErrors).toContainEqual(expect.objectContaining({ column: fault.column }));
      const onColumn = rowErrors.find((e) => e.column === fault.column)!;
      if (fault.message) expect(onColumn.message).toMatch(fault.message);
      for (const e of rowErrors) expect(e.message).toMatch(CJK);
    }

    // Personal data is not echoed back in clear.
    const phoneError = errors.find((e) => e.row === fileRowOf(5000))!;
    expect(phoneError.value).toBe('123****8901');
    const emailError = errors.find((e) => e.row === fileRowOf(5500))!;
    expect(emailError.value).not.toContain('zhang.san');
    expect(emailError.value).toMatch(/^z\*\*\*/);

    const stored = await graduatesOf(colA);
    expect(stored).toHaveLength(9_963);
    const bad = new Set(
      Object.entries(FAULTS)
        .filter(([, f]) => f.cells.学号 === undefined)
        .map(([i]) => studentNumberOf(PREFIX_A, Number(i))),
    );
    expect(stored.filter((g) => bad.has(g.student_number))).toEqual([]);
    // The first of two rows with one 学号 is the one kept.
    const first = stored.find((g) => g.student_number === studentNumberOf(PREFIX_A, 101))!;
    expect(first.name).toBe(cohortA[101]!.姓名);
  });

  it('serves the report as a CSV with a BOM (行号, 列, 值, 错误说明) and as JSON pages that add up to it', async () => {
    const csv = await call(`/graduate-imports/${jobA.id}/errors`, { headers: college(colA) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Json[] = [];
    for await (const row of readTable(csv.bytes, { format: 'csv' })) rows.push(row.values);
    expect(Object.keys(rows[0]!)).toEqual(['行号', '列', '值', '错误说明']);
    expect(rows).toHaveLength(jobA.errorCount);
    expect(rows).toContainEqual({
      行号: '5002',
      列: '手机号',
      值: '123****8901',
      错误说明: expect.stringMatching(CJK),
    });
    expect(csv.bytes.toString('utf8')).not.toContain('12345678901');

    // Accept: application/json, 10 at a time.
    const pages: Json[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/graduate-imports/${jobA.id}/errors?limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(path, { headers: { ...college(colA), accept: 'application/json' } });
      expect(page.status).toBe(200);
      pages.push(...(page.body.items as Json[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(pages.map((e) => [String(e.row), e.column, e.value, e.message])).toEqual(
      rows.map((r) => [r.行号, r.列, r.值, r.错误说明]),
    );

    const badCursor = await call(`/graduate-imports/${jobA.id}/errors?format=json&cursor=nonsense`, {
      headers: college(colA),
    });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toContainEqual(expect.objectContaining({ field: 'cursor' }));
  });

  it('re-uploading the same file changes nothing and emits nothing; a corrected file updates only what changed', async () => {
    // Consent for a tenth of the cohort: their matching-relevant changes must now reach matching.
    const consenting = Array.from({ length: 1_000 }, (_, k) => studentNumberOf(PREFIX_A, k * 10 + 3));
    await withClient(platform.db.url, (c) =>
      c.query(
        `UPDATE "graduate-profiles".graduates SET consent_status = 'given', consent_changed_at = now()
          WHERE college_id = $1 AND student_number = ANY($2)`,
        [colA, consenting],
      ),
    );
    const before = await graduatesOf(colA);
    const outboxBefore = await outboxCount();

    const again = await importAndWait(colA, utf8Csv(cohortA));
    expect(again).toMatchObject({
      status: 'completed',
      created: 0,
      updated: 0,
      unchanged: 9_963,
      rejected: 37,
      eventsWritten: 0,
    });
    // Not a row touched (versions and timestamps as they were), not an event written.
    expect(await graduatesOf(colA)).toEqual(before);
    expect(await outboxCount()).toBe(outboxBefore);
    const topicBefore = await topicMessageCount(graduatesTopic());

    // Corrected file: 5 consenting graduates change a skill (matching uses it), 5 without consent
    // change a skill, 3 consenting change only the phone (matching does not use it).
    const corrected = cohortA.map((row) => ({ ...row }));
    const skillChange = [3, 13, 23, 33, 43];
    const skillChangeNoConsent = [4, 14, 24, 34, 44];
    const phoneChange = [53, 63, 73];
    for (const i of [...skillChange, ...skillChangeNoConsent]) corrected[i]!.技能 = `${corrected[i]!.技能}、Rust`;
    for (const i of phoneChange) corrected[i]!.手机号 = '13900000000';
    const result = await importAndWait(colA, utf8Csv(corrected));
    expect(result).toMatchObject({
      status: 'completed',
      created: 0,
      updated: 13,
      unchanged: 9_950,
      rejected: 37,
      eventsWritten: 5,
    });
    const after = await graduatesOf(colA);
    const changed = after.filter((g, k) => g.version !== before[k]!.version).map((g) => g.student_number);
    expect(changed.sort()).toEqual(
      [...skillChange, ...skillChangeNoConsent, ...phoneChange].map((i) => studentNumberOf(PREFIX_A, i)).sort(),
    );

    // Exactly those 5 events reach the topic (and none came from the no-op upload before).
    await waitFor(async () => (await topicMessageCount(graduatesTopic())) >= topicBefore + 5, {
      timeoutMs: 30_000,
      description: 'the 5 profile events on the topic',
    });
    expect(await topicMessageCount(graduatesTopic())).toBe(topicBefore + 5);
    expect(await outboxCount()).toBe(outboxBefore + 5);
  });

  it('imports the same data from a GB18030 CSV and from an XLSX', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => cohortRow(i, { prefix: 'C27', seed: 7 }));
    rows[5]!.姓名 = '𠀀龘'; // outside GBK: GB18030 four-byte sequences
    const gb = iconv.encode(csvOf(rows), 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();

    const fromCsv = await importAndWait(colC, {
      bytes: gb,
      name: '毕业生（GBK）.csv',
      type: 'application/vnd.ms-excel',
    });
    expect(fromCsv).toMatchObject({ status: 'completed', fileFormat: 'csv', created: 300, rejected: 0 });
    const stored = await graduatesOf(colC);
    expect(stored.find((g) => g.student_number === rows[5]!.学号)!.name).toBe('𠀀龘');

    const fromXlsx = await importAndWait(colC, {
      bytes: await xlsxOf(rows),
      name: '毕业生.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    // Identical content: every row unchanged, nothing rewritten.
    expect(fromXlsx).toMatchObject({ status: 'completed', fileFormat: 'xlsx', created: 0, updated: 0, unchanged: 300 });
    expect(await graduatesOf(colC)).toEqual(stored);
  });

  it('keeps tenants apart: another college gets 404 for the import route and for every job route', async () => {
    const asB = college(colB);
    const tried = await upload(colA, utf8Csv(cohortA.slice(0, 3)), { headers: asB });
    expect(tried.status).toBe(404);
    for (const path of [
      `/graduate-imports/${jobA.id}`,
      `/graduate-imports/${jobA.id}/errors`,
      `/graduate-imports/${jobA.id}/errors?format=json`,
      `/colleges/${colA}/graduate-imports`,
    ]) {
      expect({ path, status: (await call(path, { headers: asB })).status }).toEqual({ path, status: 404 });
    }
    expect((await readEvents(`/graduate-imports/${jobA.id}/events`, asB)).status).toBe(404);
    // Unknown and malformed ids look the same.
    expect((await call(`/graduate-imports/${randomUUID()}`, { headers: college(colA) })).status).toBe(404);
    expect((await call(`/graduate-imports/not-a-job`, { headers: college(colA) })).status).toBe(404);
    // Other roles are refused outright; a platform admin sees any college's jobs.
    expect((await call(`/graduate-imports/${jobA.id}`, { headers: bearer('enterprise', 'ent-1') })).status).toBe(403);
    expect((await call(`/graduate-imports/${jobA.id}`, { headers: bearer('platform_admin') })).status).toBe(200);
    // Nothing of the refused upload was written or kept on disk.
    expect(await graduatesOf(colB)).toEqual([]);
    await waitFor(() => readdirSync(importDir).length === 0, { description: 'no upload left on disk' });
  });

  it("lists a college's jobs newest first, a page at a time", async () => {
    const first = await call(`/colleges/${colA}/graduate-imports?limit=2`, { headers: college(colA) });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await call(`/colleges/${colA}/graduate-imports?limit=2&cursor=${first.body.nextCursor}`, {
      headers: college(colA),
    });
    const ids = [...first.body.items, ...rest.body.items].map((j: Json) => j.id);
    expect(ids).toHaveLength(3);
    expect(ids[2]).toBe(jobA.id);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses a file it cannot import as a whole, writing nothing', async () => {
    // Unknown column (with a hint) and a missing required one.
    const header = COHORT_HEADERS.map((h) => (h === '手机号' ? '手机好' : h)).filter((h) => h !== '学号');
    const badHeader = await importAndWait(colB, utf8Csv([cohortRow(1)], header));
    expect(badHeader.status).toBe('failed');
    expect(badHeader.error.code).toBe('import_header_invalid');
    expect(badHeader.error.message).toMatch(/无法识别的列“手机好”，是否应为“手机号”/);
    expect(badHeader.error.message).toMatch(/缺少必需的列“学号”/);

    // Data the platform must not collect.
    const withId = await importAndWait(
      colB,
      utf8Csv([{ ...cohortRow(1), 身份证号: '330106200001010011' } as CohortRow], [...COHORT_HEADERS, '身份证号']),
    );
    expect(withId.error.message).toMatch(/不收集身份证号/);

    const empty = await importAndWait(colB, utf8Csv([]));
    expect(empty.error.code).toBe('import_empty');

    const garbage = await importAndWait(colB, { bytes: Buffer.from('PK\u0003\u0004garbage'), name: 'x.xlsx' });
    expect(garbage.error.code).toBe('import_file_unreadable');
    expect(garbage.error.message).toMatch(/无法读取 Excel 文件/);

    // One row over the limit: refused after counting, before any write (required columns only, to stay small).
    const required = ['学号', '姓名', '院系', '专业代码', '学历', '毕业年份'];
    const tooMany = Buffer.from(
      [
        required.join(','),
        ...Array.from({ length: 100_001 }, (_, i) => `T${i},王${i},计算机学院,080901,本科,2027`),
      ].join('\n'),
    );
    const over = await importAndWait(colB, { bytes: tooMany, name: 'big.csv' });
    expect(over.error.code).toBe('import_too_many_rows');
    expect(over.error.message).toMatch(/最多导入 100000 行/);

    expect(await graduatesOf(colB)).toEqual([]);

    // Refused at once: not a table format, no file, too large.
    const xls = await upload(colB, { bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), name: '名单.xls' });
    expect(xls.status).toBe(415);
    expect(xls.body.code).toBe('import_format_unsupported');
    const noFile = await call(`/colleges/${colB}/graduate-imports`, {
      method: 'POST',
      headers: college(colB),
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('import_file_missing');
    const huge = await upload(colB, { bytes: Buffer.alloc(50 * 1024 * 1024 + 1, 0x41), name: 'huge.csv' });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('import_file_too_large');
    await waitFor(() => readdirSync(importDir).length === 0, { description: 'refused uploads removed from disk' });
  });

  it('serves the template as XLSX (data sheet with headers, 填写说明, 示例) and as CSV', async () => {
    const xlsx = await call('/graduate-imports/template?format=xlsx', { headers: college(colA) });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['毕业生', '填写说明', '示例']);
    const headers = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([...COHORT_HEADERS]);
    expect(workbook.worksheets[0]!.rowCount).toBe(1);
    const notes = workbook.getWorksheet('填写说明')!;
    const help = notes.getColumn(4).values.map(String).join('\n');
    expect(help).toMatch(/单位\|行业门类\|月数\|岗位/);

    const csv = await call('/graduate-imports/template?format=csv', { headers: college(colA) });
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.subarray(3).toString('utf8')).toBe(`${COHORT_HEADERS.join(',')}\r\n`);
  });

  // ---------------------------------------------------------------------------------------------
  // Durability: the job outlives the process that ran it.

  async function storedCount(collegeId: string): Promise<number> {
    return withClient(platform.db.url, async (c) => {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM "graduate-profiles".graduates WHERE college_id = $1`,
        [collegeId],
      );
      return rows[0].n as number;
    });
  }

  /** Uploads and waits until some batches are committed but the job is not done. */
  async function uploadAndWaitForProgress(collegeId: string, rows: CohortRow[]): Promise<string> {
    const res = await upload(collegeId, utf8Csv(rows));
    expect(res.status).toBe(202);
    await waitFor(
      async () => {
        const job = (await call(`/graduate-imports/${res.body.id}`, { headers: college(collegeId) })).body;
        if (job.status === 'completed') throw new Error('the job finished before the service could be stopped');
        return job.processedRows >= 1_000;
      },
      { timeoutMs: 60_000, intervalMs: 50, description: 'the first committed batches' },
    );
    return res.body.id as string;
  }

  it('resumes a job after the service is killed mid-import, with exact counts and nothing twice', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => cohortRow(i, { prefix: 'K27', seed: 11 }));
    const jobId = await uploadAndWaitForProgress(colK, rows);

    await gp.kill('SIGKILL');
    const committed = await storedCount(colK);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(30_000);
    const left = await withClient(platform.db.url, async (c) => {
      const { rows: jobs } = await c.query(
        `SELECT status, processed_rows FROM "graduate-profiles".import_jobs WHERE id = $1`,
        [jobId],
      );
      return jobs[0] as Json;
    });
    // The job's counters moved with the rows: what it reports is what is stored.
    expect(left).toEqual({ status: 'running', processed_rows: committed });

    // Once the dead runner's lease runs out, the restarted service takes the job over.
    await gp.start();
    const job = await finished(jobId, college(colK));
    expect(job).toMatchObject({
      status: 'completed',
      totalRows: 30_000,
      processedRows: 30_000,
      created: 30_000,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      attempts: 2,
    });
    expect(await storedCount(colK)).toBe(30_000);
  });

  it('hands a running job back to the queue on a graceful stop and finishes it after the restart', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => cohortRow(i, { prefix: 'G27', seed: 12 }));
    const jobId = await uploadAndWaitForProgress(colK, rows);

    await gp.stop();
    const paused = await withClient(platform.db.url, async (c) => {
      const { rows: jobs } = await c.query(
        `SELECT status, lease_owner, attempts FROM "graduate-profiles".import_jobs WHERE id = $1`,
        [jobId],
      );
      return jobs[0] as Json;
    });
    expect(paused).toEqual({ status: 'queued', lease_owner: null, attempts: 0 });

    await gp.start();
    const job = await finished(jobId, college(colK));
    // Not a crash: the restart does not count as another attempt.
    expect(job).toMatchObject({ status: 'completed', processedRows: 30_000, created: 30_000, attempts: 1 });
    expect(await storedCount(colK)).toBe(60_000);
  });
});
