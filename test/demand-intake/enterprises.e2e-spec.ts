import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import {
  bearer,
  makeCreditCode,
  makeEnterpriseInput,
  readTopic,
  startPlatform,
  topicMessageCount,
  waitFor,
  withClient,
  withWrongCheckCharacter,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';

type Json = Record<string, any>;

interface Envelope {
  eventId: string;
  eventType: string;
  correlationId: string;
  payload: Json;
}

const CONTACT = { name: '张三', phone: '13812341234', email: 'zhangsan@example.com' };
const MASKED_CONTACT = { name: '张*', phone: '138****1234', email: 'z***@example.com' };
const SNAPSHOT_KEYS = [
  'creditCode',
  'enterpriseId',
  'industryDivision',
  'industrySection',
  'integrationCertified',
  'name',
  'regionCode',
  'size',
  'status',
  'version',
];

const organizer = () => bearer('organizer', 'org-organizer');
const admin = () => bearer('platform_admin');
const college = () => bearer('college', 'col-1');
const graduate = () => bearer('graduate', 'col-1');
const enterprise = (org: string) => bearer('enterprise', org);
const newOrg = (label: string) => `ent-${label}-${randomUUID().slice(0, 8)}`;

describe('demand intake: enterprises (企业)', () => {
  let platform: TestPlatform;
  let di: ServiceProcess;

  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => di.json(path, init);

  async function register(org: string, overrides: Json = {}): Promise<Json> {
    const res = await call('/enterprises', {
      method: 'POST',
      headers: enterprise(org),
      json: makeEnterpriseInput({ contact: CONTACT, ...overrides }),
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function verify(id: string): Promise<void> {
    const res = await call(`/enterprises/${id}/verification`, {
      method: 'POST',
      headers: organizer(),
      json: { decision: 'verified' },
    });
    expect(res.status).toBe(200);
  }

  /**
   * Every event the service wrote for the enterprises topic, once the relay has sent them all,
   * read back from Kafka; fails unless the topic holds exactly the outbox's events, once each.
   */
  async function enterpriseEvents(): Promise<Envelope[]> {
    const { total } = await waitFor(
      () =>
        withClient(platform.db.url, async (client) => {
          const { rows } = await client.query<{ total: number; unsent: number }>(
            `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS unsent
               FROM "demand-intake".outbox WHERE topic = $1`,
            [TOPICS.enterprises],
          );
          return rows[0].unsent === 0 ? { total: rows[0].total } : null;
        }),
      { description: 'the outbox relay to send every enterprise event' },
    );
    const topic = `${platform.topicPrefix}.${TOPICS.enterprises}`;
    const messages = await readTopic(topic, total);
    expect(messages).toHaveLength(total);
    expect(await topicMessageCount(topic)).toBe(total);
    const envelopes = messages
      .sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset))
      .map((m) => ({ key: m.key, envelope: JSON.parse(m.value!) as Envelope }));
    for (const { key, envelope } of envelopes) expect(key).toBe(envelope.payload.enterpriseId);
    const ids = envelopes.map((e) => e.envelope.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    return envelopes.map((e) => e.envelope);
  }

  beforeAll(async () => {
    platform = await startPlatform('enterprises', ['demand-intake']);
    di = platform.service('demand-intake');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('registration', () => {
    it('registers an enterprise as its own organisation: 201, pending, version 1, ETag and Location', async () => {
      const org = newOrg('self');
      const res = await call('/enterprises', {
        method: 'POST',
        headers: enterprise(org),
        json: makeEnterpriseInput({ creditCode: makeCreditCode(org).toLowerCase(), contact: CONTACT }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.headers.get('location')).toBe(`/enterprises/${org}`);
      expect(res.body).toMatchObject({
        id: org,
        creditCode: makeCreditCode(org),
        industrySection: 'C',
        industryDivision: '39',
        regionCode: '330106',
        regionName: '浙江省杭州市西湖区',
        size: 'medium',
        integrationCertified: true,
        contact: CONTACT,
        status: 'pending',
        statusReason: null,
        version: 1,
      });
    });

    it('refuses a second registration of the same organisation with 409 enterprise_already_registered', async () => {
      const org = newOrg('twice');
      await register(org);
      const res = await call('/enterprises', { method: 'POST', headers: enterprise(org), json: makeEnterpriseInput() });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'enterprise_already_registered', id: org });
    });

    it('lets organizers and platform admins register on an enterprise’s behalf under a new UUID', async () => {
      for (const headers of [organizer(), admin()]) {
        const res = await call('/enterprises', { method: 'POST', headers, json: makeEnterpriseInput() });
        expect(res.status).toBe(201);
        expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.headers.get('location')).toBe(`/enterprises/${res.body.id}`);
        expect(res.body.status).toBe('pending');
      }
    });

    it('replays a retried registration with the same Idempotency-Key instead of answering 409', async () => {
      const org = newOrg('retry');
      const key = randomUUID();
      const body = makeEnterpriseInput();
      const send = (json: unknown) =>
        call('/enterprises', { method: 'POST', headers: { ...enterprise(org), 'idempotency-key': key }, json });
      const first = await send(body);
      expect(first.status).toBe(201);
      const retry = await send(body);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('etag')).toBe('"1"');
      expect(retry.headers.get('location')).toBe(`/enterprises/${org}`);
      expect(retry.body).toEqual(first.body);
      const other = await send({ ...body, name: '另一家有限公司' });
      expect(other.status).toBe(422);
    });

    it('refuses colleges and graduates with 403', async () => {
      for (const headers of [college(), graduate()]) {
        const res = await call('/enterprises', { method: 'POST', headers, json: makeEnterpriseInput() });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('role_forbidden');
      }
    });

    it('refuses a credit code already registered: 409 credit_code_taken naming creditCode, nothing written', async () => {
      const creditCode = makeCreditCode(randomUUID());
      await register(newOrg('first'), { creditCode });
      const second = newOrg('second');
      const res = await call('/enterprises', {
        method: 'POST',
        headers: enterprise(second),
        json: makeEnterpriseInput({ creditCode }),
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'credit_code_taken', field: 'creditCode' });
      expect(res.body.message).toContain(creditCode);
      expect((await call(`/enterprises/${second}`, { headers: admin() })).status).toBe(404);
    });

    it('lets exactly one of several concurrent registrations of one credit code through', async () => {
      const creditCode = makeCreditCode(randomUUID());
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          call('/enterprises', { method: 'POST', headers: organizer(), json: makeEnterpriseInput({ creditCode }) }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.body).toMatchObject({ code: 'credit_code_taken', field: 'creditCode' });
      }
      const rows = await withClient(platform.db.url, async (c) =>
        c.query(`SELECT id FROM "demand-intake".enterprises WHERE credit_code = $1`, [creditCode]),
      );
      expect(rows.rowCount).toBe(1);
    });
  });

  describe('field rules: 400 naming the field and the problem', () => {
    const valid = makeCreditCode('field-rules');
    it.each([
      ['creditCode', { creditCode: withWrongCheckCharacter(valid) }, '校验码不正确'],
      ['creditCode', { creditCode: valid.slice(0, 16) }, '长度必须为 18 位'],
      ['creditCode', { creditCode: `${valid.slice(0, 17)}I` }, '含有不允许的字符'],
      ['regionCode', { regionCode: '339999' }, '不在现行行政区划代码表中'],
      ['regionCode', { regionCode: '33010' }, '6 位数字'],
      ['industryDivision', { industrySection: 'A', industryDivision: '39' }, '不属于门类 A'],
      ['industrySection', { industrySection: 'Z' }, 'A–T'],
      ['size', { size: 'giant' }, 'micro（微型）'],
      ['contact.phone', { contact: { ...CONTACT, phone: '2381234123' } }, '手机号'],
      ['contact.phone', { contact: { ...CONTACT, phone: '0571-123' } }, '座机号'],
      ['contact.email', { contact: { ...CONTACT, email: 'zhangsan@' } }, '电子邮箱格式不正确'],
      ['name', { name: undefined }, '企业名称不能为空'],
      ['name', { name: '企'.repeat(101) }, '长度不能超过 100'],
      ['contact', { contact: undefined }, '联系人必填'],
      ['verifiedBy', { verifiedBy: 'me' }, '不是可接受的字段'],
    ])('%s: %j', async (field, overrides, problem) => {
      const res = await call('/enterprises', {
        method: 'POST',
        headers: enterprise(newOrg('bad')),
        json: makeEnterpriseInput(overrides),
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      const problems = (res.body.errors as { field: string; problem: string }[]).filter((e) => e.field === field);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((p) => p.problem).join('；')).toContain(problem);
      expect(res.body.message).toContain(field);
    });
  });

  describe('reading: masking per role and tenant isolation', () => {
    const owner = newOrg('reader');
    const other = newOrg('other');

    beforeAll(async () => {
      await register(owner, { contact: { name: '欧阳娜娜', phone: '13812341234', email: 'ouyang@example.com' } });
      await register(other);
    });

    it('shows the enterprise itself and platform admins the contact in full, with the ETag', async () => {
      for (const headers of [enterprise(owner), admin()]) {
        const res = await call(`/enterprises/${owner}`, { headers });
        expect(res.status).toBe(200);
        expect(res.headers.get('etag')).toBe('"1"');
        expect(res.body.contact).toEqual({ name: '欧阳娜娜', phone: '13812341234', email: 'ouyang@example.com' });
      }
    });

    it('shows organizers every enterprise, contact masked', async () => {
      const res = await call(`/enterprises/${owner}`, { headers: organizer() });
      expect(res.status).toBe(200);
      expect(res.body.contact).toEqual({ name: '欧阳**', phone: '138****1234', email: 'o***@example.com' });
      expect(JSON.stringify(res.body)).not.toMatch(/13812341234|ouyang@|娜娜/);
    });

    it('answers 404 to another enterprise, exactly as for an unknown id', async () => {
      const res = await call(`/enterprises/${owner}`, { headers: enterprise(other) });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
      expect(JSON.stringify(res.body)).not.toMatch(/欧阳|13812341234|杭州/);
      const unknown = await call(`/enterprises/ent-none`, { headers: enterprise('ent-none-2') });
      expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(res.body).sort());
    });

    it('hides unverified enterprises from colleges and graduates and shows verified ones masked', async () => {
      for (const headers of [college(), graduate()]) {
        expect((await call(`/enterprises/${owner}`, { headers })).status).toBe(404);
      }
      await verify(owner);
      for (const headers of [college(), graduate()]) {
        const res = await call(`/enterprises/${owner}`, { headers });
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('verified');
        expect(res.body.contact).toEqual({ name: '欧阳**', phone: '138****1234', email: 'o***@example.com' });
        expect(res.body.statusReason).toBeNull();
      }
    });

    it('answers 404 for an unknown id', async () => {
      const res = await call(`/enterprises/${randomUUID()}`, { headers: admin() });
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(/企业不存在/);
    });
  });

  describe('updating', () => {
    const owner = newOrg('upd');
    const intruder = newOrg('intruder');

    beforeAll(async () => {
      await register(owner);
      await register(intruder);
    });

    const patch = (id: string, json: unknown, headers: Record<string, string>) =>
      call(`/enterprises/${id}`, { method: 'PATCH', headers, json });

    it('requires If-Match: 428 without it', async () => {
      const res = await patch(owner, { name: '新名称有限公司' }, enterprise(owner));
      expect(res.status).toBe(428);
      expect(res.body).toMatchObject({ code: 'precondition_required', field: 'If-Match' });
    });

    it('refuses a stale If-Match with 412 and changes nothing', async () => {
      const res = await patch(owner, { name: '过期修改有限公司' }, { ...enterprise(owner), 'if-match': '"7"' });
      expect(res.status).toBe(412);
      expect(res.body).toMatchObject({ code: 'version_conflict', currentVersion: 1, currentEtag: '"1"' });
      const now = await call(`/enterprises/${owner}`, { headers: enterprise(owner) });
      expect(now.body).toMatchObject({ name: '杭州示例智能制造有限公司', version: 1 });
    });

    it('updates the fields sent, bumps the version and returns the new ETag', async () => {
      const res = await patch(
        owner,
        {
          name: '杭州示例软件有限公司',
          industrySection: 'I',
          industryDivision: '65',
          regionCode: '330110',
          size: 'small',
          integrationCertified: false,
          contact: { phone: '0571-88123456' },
        },
        { ...enterprise(owner), 'if-match': '"1"' },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(res.body).toMatchObject({
        name: '杭州示例软件有限公司',
        industrySection: 'I',
        industryDivision: '65',
        regionCode: '330110',
        regionName: '浙江省杭州市余杭区',
        size: 'small',
        integrationCertified: false,
        contact: { ...CONTACT, phone: '0571-88123456' },
        version: 2,
        status: 'pending',
      });
    });

    it('lets a platform admin update with If-Match', async () => {
      const res = await patch(owner, { contact: { phone: CONTACT.phone } }, { ...admin(), 'if-match': 'W/"2"' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 3, contact: CONTACT });
    });

    it('changes nothing (no new version) for a body that changes nothing', async () => {
      const res = await patch(owner, { size: 'small' }, { ...enterprise(owner), 'if-match': '"3"' });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"3"');
    });

    it('refuses to change the credit code, naming creditCode', async () => {
      const res = await patch(
        owner,
        { creditCode: makeCreditCode('new') },
        { ...enterprise(owner), 'if-match': '"3"' },
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'creditCode', constraint: 'immutable' })]);
      expect(res.body.errors[0].problem).toContain('不可修改');
    });

    it('checks a new division against the stored section, naming industryDivision', async () => {
      const res = await patch(owner, { industryDivision: '39' }, { ...enterprise(owner), 'if-match': '"3"' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'industryDivision', problem: expect.stringContaining('不属于门类 I') }),
      ]);
    });

    it('refuses fields that are not the enterprise’s to change (status, version)', async () => {
      const res = await patch(owner, { status: 'verified', version: 9 }, { ...enterprise(owner), 'if-match': '"3"' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['status', 'version']);
    });

    it('does not let another enterprise update it (404) nor organizers (403); nothing changes', async () => {
      const foreign = await patch(owner, { name: '篡改有限公司' }, { ...enterprise(intruder), 'if-match': '"3"' });
      expect(foreign.status).toBe(404);
      const staff = await patch(owner, { name: '篡改有限公司' }, { ...organizer(), 'if-match': '"3"' });
      expect(staff.status).toBe(403);
      const now = await call(`/enterprises/${owner}`, { headers: admin() });
      expect(now.body).toMatchObject({ name: '杭州示例软件有限公司', version: 3 });
    });
  });

  describe('verification, suspension and reinstatement', () => {
    const id = newOrg('life');
    const decide = (json: unknown, headers = organizer()) =>
      call(`/enterprises/${id}/verification`, { method: 'POST', headers, json });
    const suspend = (json: unknown, headers = organizer()) =>
      call(`/enterprises/${id}/suspension`, { method: 'POST', headers, json });
    const reinstate = (headers = organizer()) => call(`/enterprises/${id}/suspension`, { method: 'DELETE', headers });

    beforeAll(async () => {
      await register(id);
    });

    it('refuses suspending a pending enterprise: 409 listing the allowed transitions', async () => {
      const res = await suspend({ reason: '测试' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'invalid_enterprise_transition',
        currentStatus: 'pending',
        requestedAction: 'suspend',
        allowedTransitions: [
          { action: 'verify', to: 'verified' },
          { action: 'reject', to: 'rejected' },
        ],
      });
      expect(res.body.message).toMatch(/待审核/);
    });

    it('requires a reason to reject', async () => {
      const res = await decide({ decision: 'rejected' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    });

    it('keeps verification to staff', async () => {
      expect((await decide({ decision: 'verified' }, enterprise(id))).status).toBe(403);
      expect((await suspend({ reason: 'x' }, college())).status).toBe(403);
      expect((await reinstate(enterprise(id))).status).toBe(403);
    });

    it('rejects with a reason, then refuses rejecting again (409, only verify allowed)', async () => {
      const res = await decide({ decision: 'rejected', reason: '营业执照与名称不符' });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(res.body).toMatchObject({ status: 'rejected', statusReason: '营业执照与名称不符', version: 2 });
      expect(res.body.contact).toEqual(MASKED_CONTACT);
      const again = await decide({ decision: 'rejected', reason: '再次驳回' });
      expect(again.status).toBe(409);
      expect(again.body.allowedTransitions).toEqual([{ action: 'verify', to: 'verified' }]);
    });

    it('refuses a stale If-Match on a decision with 412', async () => {
      const res = await decide({ decision: 'verified' }, { ...organizer(), 'if-match': '"1"' });
      expect(res.status).toBe(412);
      expect(res.body.currentVersion).toBe(2);
    });

    it('verifies on re-review, then refuses verifying again', async () => {
      const res = await decide({ decision: 'verified' }, { ...admin(), 'if-match': '"2"' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'verified', statusReason: null, version: 3, contact: CONTACT });
      const again = await decide({ decision: 'verified' });
      expect(again.status).toBe(409);
      expect(again.body.allowedTransitions).toEqual([{ action: 'suspend', to: 'suspended' }]);
      const lift = await reinstate();
      expect(lift.status).toBe(409);
      expect(lift.body.allowedTransitions).toEqual([{ action: 'suspend', to: 'suspended' }]);
    });

    it('requires a reason to suspend', async () => {
      const res = await suspend({});
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    });

    it('suspends a verified enterprise, then refuses suspending or verifying it again', async () => {
      const res = await suspend({ reason: '学生投诉核查中' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'suspended', statusReason: '学生投诉核查中', version: 4 });
      expect((await call(`/enterprises/${id}`, { headers: college() })).status).toBe(404);
      for (const attempt of [await suspend({ reason: '再次' }), await decide({ decision: 'verified' })]) {
        expect(attempt.status).toBe(409);
        expect(attempt.body.allowedTransitions).toEqual([{ action: 'reinstate', to: 'verified' }]);
      }
    });

    it('reinstates a suspended enterprise to verified', async () => {
      const res = await reinstate();
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"5"');
      expect(res.body).toMatchObject({ status: 'verified', statusReason: null, version: 5 });
      expect((await call(`/enterprises/${id}`, { headers: graduate() })).status).toBe(200);
    });

    it('answers 404 for transitions of an unknown enterprise', async () => {
      const res = await call(`/enterprises/${randomUUID()}/suspension`, {
        method: 'POST',
        headers: organizer(),
        json: { reason: 'x' },
      });
      expect(res.status).toBe(404);
    });
  });

  describe('listing', () => {
    const tag = `列表${randomUUID().slice(0, 6)}`;
    const created: Json[] = [];

    beforeAll(async () => {
      const specs: Json[] = [
        { regionCode: '330106', industrySection: 'C', industryDivision: '39' },
        { regionCode: '330110', industrySection: 'I', industryDivision: '65' },
        { regionCode: '330206', industrySection: 'C', industryDivision: '38' },
        { regionCode: '440305', industrySection: 'I', industryDivision: '64' },
        { regionCode: '110101', industrySection: 'F', industryDivision: '51' },
      ];
      for (const [i, spec] of specs.entries()) {
        const res = await call('/enterprises', {
          method: 'POST',
          headers: admin(),
          json: makeEnterpriseInput({ ...spec, name: `${tag}-${i}_企业`, contact: CONTACT }),
        });
        expect(res.status).toBe(201);
        created.push(res.body);
      }
      await verify(created[1].id);
    });

    const list = async (query: string, headers = organizer()) => {
      const res = await call(`/enterprises?${query}`, { headers });
      expect(res.status).toBe(200);
      return res.body as { items: Json[]; nextCursor: string | null };
    };
    const names = (page: { items: Json[] }) => page.items.map((e) => e.name as string);

    it('pages newest first with a stable cursor, every enterprise exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`q=${encodeURIComponent(tag)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...names(page));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(created.map((e) => e.name as string).reverse());
    });

    it('filters by province, city or full region code', async () => {
      const q = `q=${encodeURIComponent(tag)}`;
      expect(names(await list(`${q}&regionCode=33`)).sort()).toEqual([0, 1, 2].map((i) => `${tag}-${i}_企业`));
      expect(names(await list(`${q}&regionCode=3301`)).sort()).toEqual([0, 1].map((i) => `${tag}-${i}_企业`));
      expect(names(await list(`${q}&regionCode=330100`)).sort()).toEqual([0, 1].map((i) => `${tag}-${i}_企业`));
      expect(names(await list(`${q}&regionCode=440305`))).toEqual([`${tag}-3_企业`]);
    });

    it('filters by industry section, status and name (literally, _ and % included)', async () => {
      const q = `q=${encodeURIComponent(tag)}`;
      expect(names(await list(`${q}&industrySection=I`)).sort()).toEqual([1, 3].map((i) => `${tag}-${i}_企业`));
      expect(names(await list(`${q}&status=verified`))).toEqual([`${tag}-1_企业`]);
      expect(names(await list(`q=${encodeURIComponent(`${tag}-4_`)}`))).toEqual([`${tag}-4_企业`]);
      expect(names(await list(`q=${encodeURIComponent(`${tag}%`)}`))).toEqual([]);
    });

    it('masks the contact for organizers, not for platform admins', async () => {
      const q = `q=${encodeURIComponent(tag)}&limit=1`;
      expect((await list(q)).items[0].contact).toEqual(MASKED_CONTACT);
      expect((await list(q, admin())).items[0].contact).toEqual(CONTACT);
    });

    it('is for staff only', async () => {
      for (const headers of [enterprise(created[0].id), college(), graduate()]) {
        expect((await call('/enterprises', { headers })).status).toBe(403);
      }
    });

    it.each([
      ['cursor', 'cursor=bm90LWEtY3Vyc29y'],
      ['limit', 'limit=0'],
      ['limit', 'limit=101'],
      ['regionCode', 'regionCode=330'],
      ['status', 'status=deleted'],
      ['sort', 'sort=name'],
    ])('names %s in a 400 for %s', async (field, query) => {
      const res = await call(`/enterprises?${query}`, { headers: organizer() });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('events on the enterprises topic', () => {
    it('carries each change exactly once, in order, keyed by the enterprise, without contact data', async () => {
      const id = newOrg('events');
      const requestId = `req-${randomUUID()}`;
      const reg = await call('/enterprises', {
        method: 'POST',
        headers: { ...enterprise(id), 'x-request-id': requestId },
        json: makeEnterpriseInput({ contact: CONTACT }),
      });
      expect(reg.status).toBe(201);
      const creditCode = reg.body.creditCode as string;

      const duplicate = await call('/enterprises', {
        method: 'POST',
        headers: organizer(),
        json: makeEnterpriseInput({ creditCode, name: '重复代码有限公司' }),
      });
      expect(duplicate.status).toBe(409);

      const updated = await call(`/enterprises/${id}`, {
        method: 'PATCH',
        headers: { ...enterprise(id), 'if-match': '"1"' },
        json: { name: '事件测试有限公司', contact: { email: 'lisi@example.com' } },
      });
      expect(updated.status).toBe(200);
      await verify(id);
      const suspended = await call(`/enterprises/${id}/suspension`, {
        method: 'POST',
        headers: organizer(),
        json: { reason: '资质复核' },
      });
      expect(suspended.status).toBe(200);
      const reinstated = await call(`/enterprises/${id}/suspension`, { method: 'DELETE', headers: organizer() });
      expect(reinstated.status).toBe(200);

      const events = await enterpriseEvents();
      const mine = events.filter((e) => e.payload.enterpriseId === id);
      expect(mine.map((e) => [e.eventType, e.payload.version, e.payload.status])).toEqual([
        ['EnterpriseRegistered', 1, 'pending'],
        ['EnterpriseUpdated', 2, 'pending'],
        ['EnterpriseVerified', 3, 'verified'],
        ['EnterpriseSuspended', 4, undefined],
        ['EnterpriseVerified', 5, 'verified'],
      ]);
      expect(Object.keys(mine[0].payload).sort()).toEqual(SNAPSHOT_KEYS);
      expect(Object.keys(mine[1].payload).sort()).toEqual(SNAPSHOT_KEYS);
      expect(mine[0].payload).toMatchObject({
        creditCode,
        name: '杭州示例智能制造有限公司',
        integrationCertified: true,
      });
      expect(mine[1].payload.name).toBe('事件测试有限公司');
      expect(mine[3].payload).toMatchObject({ reason: '资质复核', suspendedAt: expect.any(String) });
      expect(mine[4].payload).toMatchObject({ reason: null, decidedAt: expect.any(String) });
      expect(mine[0].correlationId).toBe(requestId);

      // No contact data on the topic at all, for any enterprise.
      const everything = JSON.stringify(events);
      expect(everything).not.toMatch(/contact|13812341234|zhangsan@|lisi@|张三|欧阳娜娜/);

      // The refused duplicate wrote no event: one registration per credit code.
      const registrations = events.filter((e) => e.eventType === 'EnterpriseRegistered');
      expect(registrations.filter((e) => e.payload.creditCode === creditCode)).toHaveLength(1);
      const codes = registrations.map((e) => e.payload.creditCode as string);
      expect(new Set(codes).size).toBe(codes.length);

      // Refused requests earlier in this file (stale If-Match, invalid transitions, 4xx) wrote nothing either.
      const rows = await withClient(platform.db.url, async (c) =>
        c.query<{ id: string; version: number }>(`SELECT id, version FROM "demand-intake".enterprises`),
      );
      const changesPerEnterprise = new Map<string, number>();
      for (const e of events) {
        changesPerEnterprise.set(e.payload.enterpriseId, (changesPerEnterprise.get(e.payload.enterpriseId) ?? 0) + 1);
      }
      for (const row of rows.rows) expect([row.id, changesPerEnterprise.get(row.id)]).toEqual([row.id, row.version]);
    });
  });
});
