import { randomUUID } from 'node:crypto';
import { bearer, startPlatform, tokenFor, withClient, type ServiceProcess, type TestPlatform } from '#testing';
import {
  backdateDestination,
  eraseGraduateRow,
  insertCollege,
  insertGraduate,
} from './fixtures/cohort-rows.fixture.js';
import {
  AS_OF,
  COLLEGE_A_GRADUATES,
  COLLEGE_B_GRADUATES,
  NOW,
  PROGRAMMES,
  registrationBody,
  type FixtureGraduate,
} from './fixtures/placement-timeline.fixture.js';

type Json = Record<string, any>;

const college = (org: string) => bearer('college', org);
const graduateOf = (collegeId: string, graduateId: string) => ({
  authorization: `Bearer ${tokenFor('graduate', collegeId, graduateId)}`,
});
const organizer = () => bearer('organizer', 'org-1');

const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** Registration for next year's cohort is open today (the API refuses a closed cohort). */
const OPEN_YEAR = Number(shanghaiToday.slice(0, 4)) + 1;

const GROUPS = ['协议和合同就业', '灵活就业', '自主创业', '升学', '待就业', '暂不就业'];
const CODES = ['10', '11', '27', '46', '50', '51', '12', '76', '75', '80', '85', '70', '71', '72'];
const byGroup = (...counts: number[]) => Object.fromEntries(GROUPS.map((g, i) => [g, counts[i]]));
const byCategory = (...counts: number[]) => Object.fromEntries(CODES.map((c, i) => [c, counts[i]]));

/** The counts behind a row and the rates a person computes from them. */
function expectRow(
  row: Json,
  [graduates, registered, placed, confirmed, placedConfirmed]: number[],
  [placementRate, placementRatePercent, confirmedShare, confirmedSharePercent, confirmedPlacementRate]: (
    number | string | null
  )[],
) {
  expect(row).toMatchObject({
    graduates,
    registered,
    unregistered: graduates - registered,
    placed,
    confirmed,
    placedConfirmed,
    placementRate,
    placementRatePercent,
    confirmedShare,
    confirmedSharePercent,
    confirmedPlacementRate,
  });
}

describe('graduate profiles: placement rates (毕业去向落实率)', () => {
  let platform: TestPlatform;
  let gp: ServiceProcess;
  const colA = `col-a-${randomUUID().slice(0, 8)}`;
  const colB = `col-b-${randomUUID().slice(0, 8)}`;

  async function call(path: string, init: RequestInit & { json?: unknown } = {}) {
    const res = await gp.request(path, init);
    // Keep a byte-order mark if there is one: the CSV must start with it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const json = res.headers.get('content-type')?.includes('json') ?? false;
    return { status: res.status, body: (json && text ? JSON.parse(text) : {}) as Json, text, headers: res.headers };
  }

  const rates = (query: string, headers: Record<string, string> = college(colA)) =>
    call(`/placement-rates?${query}`, { headers });

  /** Builds one college's history through the API, then moves it to the fixture's times. */
  async function build(collegeId: string, graduates: FixtureGraduate[]): Promise<void> {
    const moves: { destinationId: string; at: string; auditAt?: string }[] = [];
    for (const fixture of graduates) {
      const id = await withClient(platform.db.url, (c) =>
        insertGraduate(c, {
          collegeId,
          ...PROGRAMMES[fixture.programme],
          graduationYear: fixture.cohort === 'previous' ? OPEN_YEAR - 1 : OPEN_YEAR,
        }),
      );
      for (const r of fixture.registrations) {
        const headers = r.by === 'college' ? college(collegeId) : graduateOf(collegeId, id);
        const created = await call(`/graduates/${id}/destinations`, {
          method: 'POST',
          headers,
          json: registrationBody(r.category, shanghaiToday),
        });
        expect([fixture.key, created.status]).toEqual([fixture.key, 201]);
        if (r.audit) {
          const decided = await call(`/destinations/${created.body.id}/audit`, {
            method: 'POST',
            headers: college(collegeId),
            json: {
              decision: r.audit.decision,
              ...(r.audit.decision === 'return' ? { reason: '证明材料不全' } : {}),
              ...(r.audit.categoryCode ? { categoryCode: r.audit.categoryCode } : {}),
            },
          });
          expect([fixture.key, decided.status]).toEqual([fixture.key, 200]);
        }
        if (r.at !== NOW) moves.push({ destinationId: created.body.id, at: r.at, auditAt: r.audit?.at });
      }
      if (fixture.erased) await withClient(platform.db.url, (c) => eraseGraduateRow(c, id));
    }
    await withClient(platform.db.url, async (c) => {
      for (const m of moves) await backdateDestination(c, m.destinationId, m.at, m.auditAt);
    });
  }

  beforeAll(async () => {
    platform = await startPlatform('placement', ['graduate-profiles']);
    gp = platform.service('graduate-profiles');
    await withClient(platform.db.url, async (c) => {
      await insertCollege(c, { id: colA, name: '浙江示例大学', regionCode: '330106' });
      await insertCollege(c, { id: colB, name: '江苏示例学院', regionCode: '320102', type: 'higher_vocational' });
    });
    await build(colA, COLLEGE_A_GRADUATES);
    await build(colB, COLLEGE_B_GRADUATES);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('the hand-computed fixture', () => {
    it(`as of ${AS_OF}: returned-later counts, registered-later does not, corrections and returned changes apply`, async () => {
      const res = await rates(`graduationYear=${OPEN_YEAR}&asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ asOf: AS_OF, groupBy: 'college', collegeId: colA, graduationYear: OPEN_YEAR });
      expect(res.body.rows).toHaveLength(1);
      const [row] = res.body.rows;
      expect(row).toMatchObject({ collegeId: colA, collegeName: '浙江示例大学', regionCode: '330106' });
      // 21 graduates: g01–g20 and g22 (g21 is the previous cohort).
      // Registered 16: g01–g05, g07–g13, g15 (its confirmed 70), g16 (corrected to 10), g17 (erased), g20 (its 11).
      // Placed 13: the registered minus g12, g13, g15 (待就业/暂不就业).
      // Confirmed 9: g01, g04, g07, g09, g10, g12, g15, g16, g17 (g03 only in April).
      expectRow(row, [21, 16, 13, 9, 7], [0.619, '61.90%', 0.5625, '56.25%', 0.3333]);
      expect(row.byGroup).toEqual(byGroup(8, 2, 1, 2, 2, 1));
      expect(row.byCategory).toEqual(byCategory(3, 2, 1, 1, 1, 0, 1, 1, 1, 1, 1, 2, 1, 0));
      expect(res.body.total).toMatchObject({ graduates: 21, registered: 16, placed: 13, placementRate: 0.619 });
    });

    it('a registration at 07:00 Beijing time on the next day (still the date before in UTC) waits for that day', async () => {
      const next = await rates(`graduationYear=${OPEN_YEAR}&asOf=2026-03-02`);
      expectRow(next.body.rows[0], [21, 17, 13, 9, 7], [0.619, '61.90%', 0.5294, '52.94%', 0.3333]);
      expect(next.body.rows[0].byCategory['72']).toBe(1);
    });

    it('as of today (the default): every one of the 14 categories in force', async () => {
      const res = await rates(`graduationYear=${OPEN_YEAR}`);
      expect(res.body.asOf).toBe(shanghaiToday);
      const [row] = res.body.rows;
      // Registered 18: g01–g17 (g05 and g15 by their newest registration) and g20; not g18, g19, g22.
      // Placed 15: all but g12, g13, g14. Confirmed 9: g01, g03 (since April), g04, g07, g09, g10, g12,
      // g16, g17 — g15's newest registration is pending. Placed and confirmed 8 (all but g12).
      expectRow(row, [21, 18, 15, 9, 8], [0.7143, '71.43%', 0.5, '50.00%', 0.381]);
      expect(row.byGroup).toEqual(byGroup(10, 2, 1, 2, 1, 2));
      expect(row.byCategory).toEqual(byCategory(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
      expect(Object.values(row.byCategory).every((n) => (n as number) > 0)).toBe(true);
      expect(res.body.reportGroups).toEqual(GROUPS);
      expect(res.body.categories.map((c: Json) => c.code)).toEqual(CODES);
      expect(res.body.definition).toContain('毕业去向落实率 = 已落实人数 ÷ 毕业生总数');
    });

    it('by department, major and degree', async () => {
      const dept = await rates(`graduationYear=${OPEN_YEAR}&groupBy=department`);
      const byDept = (name: string) => dept.body.rows.find((r: Json) => r.department === name);
      expect(dept.body.rows).toHaveLength(2);
      expectRow(byDept('计算机学院'), [14, 11, 9, 6, 5], [0.6429, '64.29%', 0.5455, '54.55%', 0.3571]);
      expectRow(byDept('机械工程学院'), [7, 7, 6, 3, 3], [0.8571, '85.71%', 0.4286, '42.86%', 0.4286]);
      expect(byDept('计算机学院')).toMatchObject({ collegeId: colA, collegeName: '浙江示例大学' });
      expectRow(dept.body.total, [21, 18, 15, 9, 8], [0.7143, '71.43%', 0.5, '50.00%', 0.381]);

      const major = await rates(`graduationYear=${OPEN_YEAR}&groupBy=major`);
      const byMajor = (code: string) => major.body.rows.find((r: Json) => r.majorCode === code);
      expect(major.body.rows.map((r: Json) => r.majorCode)).toEqual(['080202', '080901', '510201']);
      expectRow(byMajor('080901'), [10, 8, 7, 4, 4], [0.7, '70.00%', 0.5, '50.00%', 0.4]);
      expectRow(byMajor('080202'), [7, 7, 6, 3, 3], [0.8571, '85.71%', 0.4286, '42.86%', 0.4286]);
      expectRow(byMajor('510201'), [4, 3, 2, 2, 1], [0.5, '50.00%', 0.6667, '66.67%', 0.25]);
      expect(byMajor('510201').majorName).toBe('计算机应用技术');

      const degree = await rates(`graduationYear=${OPEN_YEAR}&groupBy=degree`);
      const byDegree = (d: string) => degree.body.rows.find((r: Json) => r.degree === d);
      expectRow(byDegree('bachelor'), [17, 15, 13, 7, 7], [0.7647, '76.47%', 0.4667, '46.67%', 0.4118]);
      expectRow(byDegree('associate'), [4, 3, 2, 2, 1], [0.5, '50.00%', 0.6667, '66.67%', 0.25]);
      expect(byDegree('associate').degreeLabel).toBe('高职专科');
    });

    it('by cohort, without a cohort filter: the previous cohort with nobody registered rates 0', async () => {
      const res = await rates('groupBy=cohort');
      expect(res.body.rows.map((r: Json) => r.graduationYear)).toEqual([OPEN_YEAR - 1, OPEN_YEAR]);
      expectRow(res.body.rows[0], [1, 0, 0, 0, 0], [0, '0.00%', null, null, 0]);
      expectRow(res.body.rows[1], [21, 18, 15, 9, 8], [0.7143, '71.43%', 0.5, '50.00%', 0.381]);
      expectRow(res.body.total, [22, 18, 15, 9, 8], [0.6818, '68.18%', 0.5, '50.00%', 0.3636]);
    });

    it('exports CSV: UTF-8 with a BOM, Chinese headers, a 合计 line', async () => {
      const res = await rates(`graduationYear=${OPEN_YEAR}&groupBy=department&format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('毕业去向落实率'));
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const lines = res.text.slice(1).trimEnd().split('\r\n');
      const header = lines[0].split(',');
      expect(header.slice(0, 5)).toEqual(['院校名称', '院系', '毕业生数', '已登记', '未登记']);
      expect(header).toEqual(
        expect.arrayContaining(['毕业去向落实率', '审核确认占比', '分组：升学', '85 境外留学', '数据截至']),
      );
      const cells = (line: string) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v]));
      const rows = lines.slice(1).map(cells);
      expect(rows).toHaveLength(3);
      expect(rows.find((r) => r['院系'] === '机械工程学院')).toMatchObject({
        院校名称: '浙江示例大学',
        毕业生数: '7',
        已落实: '6',
        毕业去向落实率: '85.71%',
        审核确认占比: '42.86%',
        数据截至: shanghaiToday,
      });
      expect(rows[2]).toMatchObject({ 院校名称: '合计', 院系: '', 毕业生数: '21', 毕业去向落实率: '71.43%' });
    });
  });

  describe('the region report', () => {
    it('gives organizers one row per college, filtered by province or city', async () => {
      const all = await call(`/placement-rates/region?graduationYear=${OPEN_YEAR}`, { headers: organizer() });
      expect(all.status).toBe(200);
      const row = (id: string) => all.body.rows.find((r: Json) => r.collegeId === id);
      expectRow(row(colA), [21, 18, 15, 9, 8], [0.7143, '71.43%', 0.5, '50.00%', 0.381]);
      expectRow(row(colB), [2, 1, 1, 1, 1], [0.5, '50.00%', 1, '100.00%', 0.5]);
      expect(row(colB)).toMatchObject({
        regionCode: '320102',
        regionName: '江苏省南京市玄武区',
        collegeType: 'higher_vocational',
      });
      expectRow(all.body.total, [23, 19, 16, 10, 9], [0.6957, '69.57%', 0.5263, '52.63%', 0.3913]);

      const zhejiang = await call(`/placement-rates/region?graduationYear=${OPEN_YEAR}&region=330000`, {
        headers: bearer('platform_admin'),
      });
      expect(zhejiang.body.rows.map((r: Json) => r.collegeId)).toEqual([colA]);
      expect(zhejiang.body.region).toBe('330000');
      const nanjing = await call(`/placement-rates/region?graduationYear=${OPEN_YEAR}&region=320100`, {
        headers: organizer(),
      });
      expect(nanjing.body.rows.map((r: Json) => r.collegeId)).toEqual([colB]);
      const csv = await call(`/placement-rates/region?graduationYear=${OPEN_YEAR}&format=csv`, {
        headers: organizer(),
      });
      expect(csv.text.split('\r\n')[0]).toContain('院校标识,院校名称,院校类型,所在地代码,所在地,毕业生数');
      expect(csv.text).toContain('高职专科');
    });

    it('lets organizers read one college through the college report too', async () => {
      const res = await rates(`graduationYear=${OPEN_YEAR}&collegeId=${colB}`, organizer());
      expect(res.status).toBe(200);
      expectRow(res.body.rows[0], [2, 1, 1, 1, 1], [0.5, '50.00%', 1, '100.00%', 0.5]);
      expect((await rates(`collegeId=col-unknown`, organizer())).status).toBe(404);
    });
  });

  describe('access and query rules', () => {
    it('a college token cannot read another college’s rates, nor the region report', async () => {
      const foreign = await rates(`collegeId=${colB}`);
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body)).not.toContain('江苏示例学院');
      expect((await rates(`collegeId=${colA}`)).status).toBe(200);
      const own = await rates(`graduationYear=${OPEN_YEAR}`, college(colB));
      expect(own.body.rows.map((r: Json) => r.collegeId)).toEqual([colB]);
      expect((await call('/placement-rates/region', { headers: college(colA) })).status).toBe(403);
    });

    it('graduates and enterprises read no aggregates', async () => {
      for (const headers of [graduateOf(colA, randomUUID()), bearer('enterprise', 'ent-1')]) {
        expect((await rates('', headers)).status).toBe(403);
        expect((await call('/placement-rates/region', { headers })).status).toBe(403);
      }
      expect((await call('/placement-rates')).status).toBe(401);
    });

    it.each([
      ['groupBy=school', 'groupBy'],
      ['asOf=2026-02-30', 'asOf'],
      ['asOf=20260301', 'asOf'],
      ['asOf=2999-01-01', 'asOf'],
      ['graduationYear=abc', 'graduationYear'],
      ['graduationYear=1800', 'graduationYear'],
      ['format=xlsx', 'format'],
      ['colour=red', 'colour'],
    ])('%s → 400 naming %s', async (query, field) => {
      const res = await rates(query);
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: Json) => e.field))]).toEqual([field]);
    });

    it('refuses an unknown region code', async () => {
      const res = await call('/placement-rates/region?region=339999', { headers: organizer() });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('region');
    });
  });
});
