import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import {
  bearer,
  makeCollegeInput,
  makeGraduateInput,
  makeSchoolCode,
  readTopic,
  startPlatform,
  topicMessageCount,
  waitFor,
  withClient,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';

type Json = Record<string, any>;

interface Envelope {
  eventId: string;
  eventType: string;
  payload: Json;
}

const college = (org: string) => bearer('college', org);
const admin = () => bearer('platform_admin');
const newCollegeId = (label: string) => `col-${label}-${randomUUID().slice(0, 8)}`;

describe('graduate profiles: colleges (院校)', () => {
  let platform: TestPlatform;
  let gp: ServiceProcess;

  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => gp.json(path, init);

  async function register(id: string, overrides: Json = {}): Promise<Json> {
    const res = await call('/colleges', { method: 'POST', headers: college(id), json: makeCollegeInput(overrides) });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function countColleges(where = 'true', params: unknown[] = []): Promise<number> {
    return withClient(platform.db.url, async (client) => {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "graduate-profiles".colleges WHERE ${where}`,
        params,
      );
      return rows[0].n;
    });
  }

  /** Every CollegeRegistered event on the topic once the relay sent them all; each exactly once. */
  async function collegeEvents(): Promise<Envelope[]> {
    const { total } = await waitFor(
      () =>
        withClient(platform.db.url, async (client) => {
          const { rows } = await client.query<{ total: number; unsent: number }>(
            `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS unsent
               FROM "graduate-profiles".outbox WHERE topic = $1`,
            [TOPICS.colleges],
          );
          return rows[0].unsent === 0 ? { total: rows[0].total } : null;
        }),
      { description: 'the outbox relay to send every college event' },
    );
    const topic = `${platform.topicPrefix}.${TOPICS.colleges}`;
    const messages = await readTopic(topic, total);
    expect(messages).toHaveLength(total);
    expect(await topicMessageCount(topic)).toBe(total);
    const envelopes = messages
      .sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset))
      .map((m) => ({ key: m.key, envelope: JSON.parse(m.value!) as Envelope }));
    for (const { key, envelope } of envelopes) expect(key).toBe(envelope.payload.college.collegeId);
    return envelopes.map((e) => e.envelope);
  }

  beforeAll(async () => {
    platform = await startPlatform('colleges', ['graduate-profiles']);
    gp = platform.service('graduate-profiles');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('registration', () => {
    it('registers a college as its own organisation: 201, version 1, ETag, Location and labels', async () => {
      const id = newCollegeId('self');
      const schoolCode = makeSchoolCode(id);
      const res = await call('/colleges', {
        method: 'POST',
        headers: college(id),
        json: makeCollegeInput({
          schoolCode: ` ${schoolCode} `,
          type: 'higher_vocational',
          departments: [' 信息工程学院 '],
        }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.headers.get('location')).toBe(`/colleges/${id}`);
      expect(res.body).toMatchObject({
        id,
        name: '浙江示例大学',
        schoolCode,
        type: 'higher_vocational',
        typeLabel: '高职专科',
        regionCode: '330106',
        regionName: '浙江省杭州市西湖区',
        departments: ['信息工程学院'],
        version: 1,
      });
      const got = await call(`/colleges/${id}`, { headers: college(id) });
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
    });

    it('refuses a second registration of the same college with 409 college_already_registered', async () => {
      const id = newCollegeId('twice');
      await register(id);
      const res = await call('/colleges', { method: 'POST', headers: college(id), json: makeCollegeInput() });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'college_already_registered', id });
    });

    it('lets a platform admin register any college under the explicit id, and requires that id', async () => {
      const id = newCollegeId('admin');
      const res = await call('/colleges', { method: 'POST', headers: admin(), json: makeCollegeInput({ id }) });
      expect(res.status).toBe(201);
      expect(res.body.id).toBe(id);
      const missing = await call('/colleges', { method: 'POST', headers: admin(), json: makeCollegeInput() });
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: Json) => e.field)).toEqual(['id']);
    });

    it('refuses a college token registering another college id (400 naming id, nothing written)', async () => {
      const mine = newCollegeId('mine');
      const other = newCollegeId('other');
      const res = await call('/colleges', {
        method: 'POST',
        headers: college(mine),
        json: makeCollegeInput({ id: other }),
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: Json) => e.field)).toEqual(['id']);
      expect(await countColleges('id IN ($1, $2)', [mine, other])).toBe(0);
    });

    it('refuses a 学校标识码 already registered: 409 school_code_taken naming schoolCode, nothing written', async () => {
      const schoolCode = makeSchoolCode(randomUUID());
      await register(newCollegeId('first'), { schoolCode });
      const second = newCollegeId('second');
      const res = await call('/colleges', {
        method: 'POST',
        headers: college(second),
        json: makeCollegeInput({ schoolCode }),
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'school_code_taken', field: 'schoolCode' });
      expect(await countColleges('id = $1', [second])).toBe(0);
    });

    it('refuses enterprises, organizers and graduates with 403', async () => {
      for (const headers of [
        bearer('enterprise', 'ent-1'),
        bearer('organizer', 'org-1'),
        bearer('graduate', 'col-x'),
      ]) {
        const res = await call('/colleges', { method: 'POST', headers, json: makeCollegeInput() });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('role_forbidden');
      }
    });

    const badFields: [string, Json, string][] = [
      ['name', { name: '' }, 'name'],
      ['name', { name: '校'.repeat(101) }, 'name'],
      ['name', { name: 42 }, 'name'],
      ['schoolCode', { schoolCode: '41330' }, 'schoolCode'],
      ['schoolCode', { schoolCode: '41330A0001' }, 'schoolCode'],
      ['type', { type: 'university' }, 'type'],
      ['regionCode', { regionCode: '33010' }, 'regionCode'],
      ['regionCode', { regionCode: '999999' }, 'regionCode'],
      ['departments', { departments: '计算机学院' }, 'departments'],
      ['departments', { departments: ['计算机学院', ' '] }, 'departments'],
      ['departments', { departments: ['计算机学院', '计算机学院'] }, 'departments'],
      ['departments', { departments: [7] }, 'departments'],
      ['id', { id: 'bad id!' }, 'id'],
      ['an unknown field', { nationalId: '330106200001010011' }, 'nationalId'],
    ];
    it.each(badFields)('refuses a bad %s with 400 naming the field, in Chinese', async (_label, override, field) => {
      const id = newCollegeId('bad');
      const res = await call('/colleges', {
        method: 'POST',
        headers: admin(),
        json: makeCollegeInput({ id, ...override }),
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await countColleges('id = $1', [id])).toBe(0);
    });

    it('names the unknown region in the message', async () => {
      const res = await call('/colleges', {
        method: 'POST',
        headers: admin(),
        json: makeCollegeInput({ id: newCollegeId('region'), regionCode: '999999' }),
      });
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'regionCode', problem: '999999 不在现行行政区划代码表中（GB/T 2260）' }),
      ]);
    });
  });

  describe('reading', () => {
    it('shows a college to itself, its graduates, organizers and admins; 404 to other colleges; 403 to enterprises', async () => {
      const id = newCollegeId('read');
      await register(id);
      for (const headers of [college(id), bearer('graduate', id), bearer('organizer', 'org-1'), admin()]) {
        const res = await call(`/colleges/${id}`, { headers });
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(id);
      }
      for (const headers of [college(newCollegeId('nosy')), bearer('graduate', newCollegeId('elsewhere'))]) {
        const res = await call(`/colleges/${id}`, { headers });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
      expect((await call(`/colleges/${id}`, { headers: bearer('enterprise', 'ent-1') })).status).toBe(403);
      expect((await call(`/colleges/${newCollegeId('ghost')}`, { headers: admin() })).status).toBe(404);
    });
  });

  describe('updates', () => {
    it('needs If-Match: 428 without, 412 when stale, and changes nothing then', async () => {
      const id = newCollegeId('etag');
      await register(id, { name: '原名大学' });
      const missing = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: college(id),
        json: { name: '新名大学' },
      });
      expect(missing.status).toBe(428);
      const stale = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(id), 'if-match': '"7"' },
        json: { name: '新名大学' },
      });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 1 });
      expect((await call(`/colleges/${id}`, { headers: college(id) })).body.name).toBe('原名大学');
    });

    it('updates name, type, region and 院系, bumping the version; an identical update keeps it', async () => {
      const id = newCollegeId('upd');
      await register(id);
      const res = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(id), 'if-match': '"1"' },
        json: {
          name: '浙江示例理工大学',
          type: 'undergraduate',
          regionCode: '330110',
          departments: ['计算机学院', '理学院'],
        },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(res.body).toMatchObject({
        name: '浙江示例理工大学',
        regionCode: '330110',
        departments: ['计算机学院', '理学院'],
        version: 2,
      });
      const same = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(id), 'if-match': '"2"' },
        json: { name: '浙江示例理工大学' },
      });
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(2);
    });

    it('refuses a changed 学校标识码, an empty name and null type with 400 naming the field', async () => {
      const id = newCollegeId('imm');
      await register(id);
      for (const [json, field] of [
        [{ schoolCode: makeSchoolCode() }, 'schoolCode'],
        [{ name: '' }, 'name'],
        [{ type: null }, 'type'],
        [{ departments: ['A', 'A'] }, 'departments'],
      ] as [Json, string][]) {
        const res = await call(`/colleges/${id}`, {
          method: 'PATCH',
          headers: { ...college(id), 'if-match': '"1"' },
          json,
        });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      }
    });

    it('gives another college 404 and lets a platform admin update', async () => {
      const id = newCollegeId('foreign');
      await register(id);
      const other = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(newCollegeId('intruder')), 'if-match': '"1"' },
        json: { name: '被改名' },
      });
      expect(other.status).toBe(404);
      const byAdmin = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...admin(), 'if-match': '"1"' },
        json: { name: '管理员改名大学' },
      });
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.version).toBe(2);
    });

    it('refuses to drop a 院系 that graduate records still name: 409 department_in_use', async () => {
      const id = newCollegeId('dept');
      await register(id, { departments: ['计算机学院', '机械工程学院', '外国语学院'] });
      const put = await call(`/colleges/${id}/graduates/D0001`, {
        method: 'PUT',
        headers: college(id),
        json: makeGraduateInput({ department: '机械工程学院' }),
      });
      expect(put.status).toBe(201);
      const res = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(id), 'if-match': '"1"' },
        json: { departments: ['计算机学院'] },
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'department_in_use',
        field: 'departments',
        departmentsInUse: ['机械工程学院'],
      });
      const ok = await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(id), 'if-match': '"1"' },
        json: { departments: ['计算机学院', '机械工程学院'] },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.departments).toEqual(['计算机学院', '机械工程学院']);
    });
  });

  describe('events', () => {
    it('sends CollegeRegisteredV1 once on registration and once per real change, keyed by college, without 院系', async () => {
      const id = newCollegeId('events');
      const registered = await register(id);
      await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(id), 'if-match': '"1"' },
        json: { name: '事件测试大学' },
      });
      // No change: no event.
      await call(`/colleges/${id}`, {
        method: 'PATCH',
        headers: { ...college(id), 'if-match': '"2"' },
        json: { name: '事件测试大学' },
      });
      const mine = (await collegeEvents()).filter((e) => e.payload.college.collegeId === id);
      expect(mine.map((e) => [e.eventType, e.payload.college.version, e.payload.college.name])).toEqual([
        ['CollegeRegistered', 1, '浙江示例大学'],
        ['CollegeRegistered', 2, '事件测试大学'],
      ]);
      expect(mine[0].payload).toEqual({
        college: {
          collegeId: id,
          name: '浙江示例大学',
          schoolCode: registered.schoolCode,
          type: 'undergraduate',
          regionCode: '330106',
          version: 1,
        },
        registeredAt: registered.createdAt,
      });
      expect(mine[1].payload.registeredAt).toBe(registered.createdAt);
    });
  });
});
