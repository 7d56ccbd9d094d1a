import { randomUUID } from 'node:crypto';
import { CandidateStatusChangedV1Contract, createEnvelope, TOPICS, type CandidateStatus } from '#contracts';
import {
  bearer,
  expectEventually,
  makeCollegeInput,
  makeGraduateInput,
  startPlatform,
  testKafka,
  tokenFor,
  withClient,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';

type Json = Record<string, any>;

const college = (org: string) => bearer('college', org);
const graduateOf = (collegeId: string, graduateId: string) => ({
  authorization: `Bearer ${tokenFor('graduate', collegeId, graduateId)}`,
});
const enterprise = (org: string) => bearer('enterprise', org);
const newId = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

describe('graduate profiles: graduates (毕业生档案)', () => {
  let platform: TestPlatform;
  let gp: ServiceProcess;
  /** One college with a handful of graduates most tests read. */
  const colA = newId('col-a');
  const colB = newId('col-b');

  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => gp.json(path, init);

  async function registerCollege(id: string, overrides: Json = {}): Promise<void> {
    const res = await call('/colleges', { method: 'POST', headers: college(id), json: makeCollegeInput(overrides) });
    expect(res.status).toBe(201);
  }

  async function put(collegeId: string, studentNumber: string, overrides: Json = {}) {
    return call(`/colleges/${collegeId}/graduates/${encodeURIComponent(studentNumber)}`, {
      method: 'PUT',
      headers: college(collegeId),
      json: makeGraduateInput(overrides),
    });
  }

  async function createGraduate(collegeId: string, studentNumber: string, overrides: Json = {}): Promise<Json> {
    const res = await put(collegeId, studentNumber, overrides);
    expect(res.status).toBe(201);
    return res.body.graduate;
  }

  async function reveals(graduateId: string): Promise<Json[]> {
    return withClient(platform.db.url, async (client) => {
      const { rows } = await client.query(
        `SELECT viewer_role, viewer_id, viewer_org_id, fields, reason FROM "graduate-profiles".contact_reveals
          WHERE graduate_id = $1 ORDER BY id`,
        [graduateId],
      );
      return rows;
    });
  }

  async function publishCandidateStatus(
    graduateId: string,
    enterpriseId: string,
    demandId: string,
    status: CandidateStatus,
  ): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    try {
      const envelope = createEnvelope(
        CandidateStatusChangedV1Contract,
        {
          recommendationId: randomUUID(),
          demandId,
          enterpriseId,
          graduateId,
          previousStatus: null,
          status,
          changedAt: new Date().toISOString(),
        },
        { producer: 'matching', correlationId: randomUUID() },
      );
      await producer.send({
        topic: `${platform.topicPrefix}.${TOPICS.recommendations}`,
        messages: [{ key: demandId, value: JSON.stringify(envelope) }],
      });
    } finally {
      await producer.disconnect();
    }
  }

  beforeAll(async () => {
    platform = await startPlatform('graduates', ['graduate-profiles']);
    gp = platform.service('graduate-profiles');
    await registerCollege(colA, { departments: ['计算机学院', '机械工程学院'] });
    await registerCollege(colB);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('college upsert (PUT /colleges/{id}/graduates/{studentNumber})', () => {
    it('creates (201), leaves an identical profile alone (200 unchanged) and updates a change (200)', async () => {
      const created = await put(colA, 'U1001');
      expect(created.status).toBe(201);
      expect(created.body.outcome).toBe('created');
      expect(created.headers.get('etag')).toBe('"1"');
      expect(created.headers.get('location')).toBe(`/graduates/${created.body.graduate.id}`);
      expect(created.body.graduate).toMatchObject({
        collegeId: colA,
        studentNumber: 'U1001',
        name: '王小明',
        department: '计算机学院',
        major: { code: '080901', name: '计算机科学与技术', catalogueYear: 2025 },
        degree: 'bachelor',
        graduationYear: 2027,
        skills: ['java', 'mysql'],
        // Masked: a reveal of stored contacts happens only on the audited GET.
        phone: '138****5678',
        email: 'w***@example.com',
        personalisedRanking: true,
        consent: { scope: 'recommend', status: 'none', changedAt: null },
        version: 1,
      });

      const again = await put(colA, 'U1001');
      expect(again.status).toBe(200);
      expect(again.body.outcome).toBe('unchanged');
      expect(again.body.graduate.version).toBe(1);

      const changed = await put(colA, 'U1001', { gpaPercentile: 90 });
      expect(changed.status).toBe(200);
      expect(changed.body.outcome).toBe('updated');
      expect(changed.body.graduate).toMatchObject({ id: created.body.graduate.id, gpaPercentile: 90, version: 2 });
    });

    const badFields: [string, Json, string][] = [
      ['name', { name: '' }, 'name'],
      ['department (not a registered 院系)', { department: '不存在学院' }, 'department'],
      ['major.code format', { major: { code: '0809', catalogueYear: 2025 } }, 'major.code'],
      ['major.code not in the 本科 catalogue', { major: { code: '089999', catalogueYear: 2025 } }, 'major.code'],
      [
        'major.name unlike the catalogue',
        { major: { code: '080901', name: '软件工程', catalogueYear: 2025 } },
        'major.name',
      ],
      [
        'major.name missing for a vocational major',
        { degree: 'associate', major: { code: '510201', catalogueYear: 2025 } },
        'major.name',
      ],
      ['degree', { degree: 'phd' }, 'degree'],
      ['graduationYear', { graduationYear: 1999 }, 'graduationYear'],
      ['skills', { skills: [''] }, 'skills'],
      ['certificates', { certificates: 'CET-6' }, 'certificates'],
      ['internships.0.months', { internships: [{ enterprise: '某公司', months: 0 }] }, 'internships.0.months'],
      ['internships.0.enterprise', { internships: [{ enterprise: '', months: 2 }] }, 'internships.0.enterprise'],
      ['gpaPercentile', { gpaPercentile: 101 }, 'gpaPercentile'],
      ['preferences.cities', { preferences: { cities: ['999999'] } }, 'preferences.cities'],
      ['preferences.industries', { preferences: { industries: ['Z'] } }, 'preferences.industries'],
      ['preferences.demandKinds', { preferences: { demandKinds: ['gig'] } }, 'preferences.demandKinds'],
      ['preferences.minMonthlySalary', { preferences: { minMonthlySalary: -1 } }, 'preferences.minMonthlySalary'],
      ['phone', { phone: '12345' }, 'phone'],
      ['email', { email: 'not-an-email' }, 'email'],
      ['national ID (never collected)', { idNumber: '330106200001010011' }, 'idNumber'],
      ['ethnicity (never collected)', { ethnicity: '汉族' }, 'ethnicity'],
    ];
    it.each(badFields)(
      'refuses a bad %s with 400 naming the field, writing nothing',
      async (_label, override, field) => {
        const studentNumber = newId('BAD');
        const res = await put(colA, studentNumber, override);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
        const count = await withClient(platform.db.url, async (client) => {
          const { rows } = await client.query(`SELECT 1 FROM "graduate-profiles".graduates WHERE student_number = $1`, [
            studentNumber,
          ]);
          return rows.length;
        });
        expect(count).toBe(0);
      },
    );

    it('refuses a student number with characters a college system never produces (400 naming studentNumber)', async () => {
      const res = await put(colA, '学号 1');
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: Json) => e.field)).toEqual(['studentNumber']);
    });

    it('accepts a vocational major with a name, and lets only the college itself upsert', async () => {
      const res = await put(colA, 'V2001', {
        degree: 'associate',
        major: { code: '510201', name: '计算机应用技术', catalogueYear: 2021 },
      });
      expect(res.status).toBe(201);
      expect(res.body.graduate.major).toEqual({ code: '510201', name: '计算机应用技术', catalogueYear: 2021 });
      const foreign = await call(`/colleges/${colA}/graduates/X1`, {
        method: 'PUT',
        headers: college(colB),
        json: makeGraduateInput(),
      });
      expect(foreign.status).toBe(404);
      for (const headers of [bearer('platform_admin'), bearer('organizer', 'org-1'), graduateOf(colA, randomUUID())]) {
        const res2 = await call(`/colleges/${colA}/graduates/X1`, {
          method: 'PUT',
          headers,
          json: makeGraduateInput(),
        });
        expect(res2.status).toBe(403);
      }
    });

    it('answers 409 college_not_registered to a college that has not registered itself', async () => {
      const unregistered = newId('col-none');
      const res = await call(`/colleges/${unregistered}/graduates/N1`, {
        method: 'PUT',
        headers: college(unregistered),
        json: makeGraduateInput(),
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('college_not_registered');
    });
  });

  describe('reading one profile: masking and the reveal audit per viewer kind', () => {
    let g: Json;
    beforeAll(async () => {
      g = await createGraduate(colA, 'R3001', { name: '欧阳娜娜', phone: '13912345678', email: 'ouyang@example.com' });
    });

    it('shows the graduate everything in clear and audits nothing', async () => {
      const res = await call(`/graduates/${g.id}`, { headers: graduateOf(colA, g.id) });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.body).toMatchObject({
        name: '欧阳娜娜',
        studentNumber: 'R3001',
        phone: '13912345678',
        email: 'ouyang@example.com',
      });
      expect(await reveals(g.id)).toEqual([]);
    });

    it('shows the own college contacts in clear and writes one reveal row per read', async () => {
      const res = await call(`/graduates/${g.id}`, { headers: college(colA) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: '欧阳娜娜', studentNumber: 'R3001', phone: '13912345678' });
      expect(await reveals(g.id)).toEqual([
        {
          viewer_role: 'college',
          viewer_id: `college:${colA}`,
          viewer_org_id: colA,
          fields: ['phone', 'email'],
          reason: 'own_college',
        },
      ]);
    });

    it('gives other colleges, other graduates and unaccepted enterprises 404; organizers and admins 403', async () => {
      for (const headers of [
        college(colB),
        graduateOf(colA, randomUUID()),
        graduateOf(colB, g.id),
        enterprise('ent-none'),
      ]) {
        const res = await call(`/graduates/${g.id}`, { headers });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
      for (const headers of [bearer('organizer', 'org-1'), bearer('platform_admin')]) {
        expect((await call(`/graduates/${g.id}`, { headers })).status).toBe(403);
      }
      expect((await call(`/graduates/not-a-uuid`, { headers: college(colA) })).status).toBe(404);
      expect((await reveals(g.id)).length).toBe(1);
    });

    it('opens the profile to an enterprise after the graduate accepts it (audited) and closes it on decline', async () => {
      const ent = newId('ent');
      const demand = randomUUID();
      expect((await call(`/graduates/${g.id}`, { headers: enterprise(ent) })).status).toBe(404);

      await publishCandidateStatus(g.id, ent, demand, 'invited');
      await publishCandidateStatus(g.id, ent, demand, 'accepted');
      let seen: Json = {};
      await expectEventually(async () => {
        const res = await call(`/graduates/${g.id}`, { headers: enterprise(ent) });
        expect(res.status).toBe(200);
        seen = res.body;
      });
      expect(seen).toMatchObject({
        name: '欧阳娜娜',
        phone: '13912345678',
        email: 'ouyang@example.com',
        studentNumber: '***01',
        skills: ['java', 'mysql'],
      });
      const entReveals = (await reveals(g.id)).filter((r) => r.viewer_role === 'enterprise');
      expect(entReveals.length).toBeGreaterThanOrEqual(1);
      for (const r of entReveals) {
        expect(r).toEqual({
          viewer_role: 'enterprise',
          viewer_id: `enterprise:${ent}`,
          viewer_org_id: ent,
          fields: ['name', 'phone', 'email'],
          reason: 'accepted_enterprise',
        });
      }
      // Another enterprise learns nothing from this acceptance.
      expect((await call(`/graduates/${g.id}`, { headers: enterprise(newId('ent-other')) })).status).toBe(404);

      await publishCandidateStatus(g.id, ent, demand, 'declined');
      await expectEventually(async () => {
        expect((await call(`/graduates/${g.id}`, { headers: enterprise(ent) })).status).toBe(404);
      });
    });

    it('lets the graduate and the college read the reveal log, newest first and paged; nobody else', async () => {
      const viaGraduate = await call(`/graduates/${g.id}/contact-reveals?limit=1`, { headers: graduateOf(colA, g.id) });
      expect(viaGraduate.status).toBe(200);
      expect(viaGraduate.body.items).toHaveLength(1);
      expect(viaGraduate.body.nextCursor).toEqual(expect.any(String));
      const all: Json[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/graduates/${g.id}/contact-reveals?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await call(path, { headers: college(colA) });
        expect(page.status).toBe(200);
        all.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const stored = await reveals(g.id);
      expect(all).toHaveLength(stored.length);
      expect(all.at(-1)).toMatchObject({
        viewerRole: 'college',
        reason: 'own_college',
        reasonLabel: '本校查看毕业生档案',
      });
      expect(all[0]).toMatchObject({ viewerRole: 'enterprise', fields: ['name', 'phone', 'email'] });

      expect((await call(`/graduates/${g.id}/contact-reveals`, { headers: college(colB) })).status).toBe(404);
      expect((await call(`/graduates/${g.id}/contact-reveals`, { headers: enterprise('ent-1') })).status).toBe(403);
      const badCursor = await call(`/graduates/${g.id}/contact-reveals?cursor=zzz`, { headers: college(colA) });
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.errors.map((e: Json) => e.field)).toEqual(['cursor']);
    });
  });

  describe('the college list (GET /colleges/{id}/graduates)', () => {
    const listCollege = newId('col-list');
    beforeAll(async () => {
      await registerCollege(listCollege, { departments: ['计算机学院', '机械工程学院'] });
      await createGraduate(listCollege, 'L005', { name: '赵五', graduationYear: 2026 });
      await createGraduate(listCollege, 'L001', { name: '张一' });
      await createGraduate(listCollege, 'L003', {
        name: '张三',
        department: '机械工程学院',
        major: { code: '080202', catalogueYear: 2025 },
      });
      await createGraduate(listCollege, 'L002', { name: '李二', phone: null, email: null });
      await createGraduate(listCollege, 'L004', { name: '王四' });
    });

    const list = async (query = '') =>
      call(`/colleges/${listCollege}/graduates${query}`, { headers: college(listCollege) });

    it('lists the college’s graduates by student number with contacts masked, and pages without gaps or repeats', async () => {
      const first = await list('?limit=2');
      expect(first.status).toBe(200);
      expect(first.body.items.map((i: Json) => i.studentNumber)).toEqual(['L001', 'L002']);
      expect(first.body.items[0]).toMatchObject({ name: '张一', phone: '138****5678', email: 'w***@example.com' });
      expect(first.body.items[1]).toMatchObject({ phone: null, email: null });
      const seen = [...first.body.items];
      let cursor = first.body.nextCursor as string | null;
      while (cursor) {
        const page = await list(`?limit=2&cursor=${cursor}`);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      }
      expect(seen.map((i) => i.studentNumber)).toEqual(['L001', 'L002', 'L003', 'L004', 'L005']);
      // Listing reveals nothing, so nothing is audited.
      const ids = seen.map((i) => i.id);
      const audited = await withClient(platform.db.url, async (client) => {
        const { rows } = await client.query(
          `SELECT 1 FROM "graduate-profiles".contact_reveals WHERE graduate_id = ANY($1)`,
          [ids],
        );
        return rows.length;
      });
      expect(audited).toBe(0);
    });

    it('filters by cohort, 院系, major, consent status and text on name or student number', async () => {
      const numbers = async (query: string) => (await list(query)).body.items.map((i: Json) => i.studentNumber);
      expect(await numbers('?graduationYear=2026')).toEqual(['L005']);
      expect(await numbers(`?department=${encodeURIComponent('机械工程学院')}`)).toEqual(['L003']);
      expect(await numbers('?majorCode=080202')).toEqual(['L003']);
      expect(await numbers('?consentStatus=none')).toEqual(['L001', 'L002', 'L003', 'L004', 'L005']);
      expect(await numbers('?consentStatus=given')).toEqual([]);
      expect(await numbers(`?q=${encodeURIComponent('张')}`)).toEqual(['L001', 'L003']);
      expect(await numbers('?q=l00')).toEqual(['L001', 'L002', 'L003', 'L004', 'L005']);
      expect(await numbers('?q=%25')).toEqual([]);
    });

    it('names the bad query field with 400', async () => {
      for (const [query, field] of [
        ['?graduationYear=next', 'graduationYear'],
        ['?consentStatus=maybe', 'consentStatus'],
        ['?majorCode=08', 'majorCode'],
        ['?limit=0', 'limit'],
        ['?cursor=not-a-cursor', 'cursor'],
      ]) {
        const res = await list(query);
        expect(res.status).toBe(400);
        expect([...new Set(res.body.errors.map((e: Json) => e.field))]).toEqual([field]);
      }
    });

    it('gives another college 404 and every other role 403', async () => {
      expect((await call(`/colleges/${listCollege}/graduates`, { headers: college(colA) })).status).toBe(404);
      for (const headers of [
        bearer('organizer', 'org-1'),
        bearer('platform_admin'),
        enterprise('ent-1'),
        graduateOf(listCollege, randomUUID()),
      ]) {
        expect((await call(`/colleges/${listCollege}/graduates`, { headers })).status).toBe(403);
      }
    });
  });

  describe('the graduate’s own edits (PATCH /graduates/{id})', () => {
    let g: Json;
    beforeAll(async () => {
      g = await createGraduate(colA, 'P4001');
    });
    const patch = (id: string, json: unknown, headers: Record<string, string>) =>
      call(`/graduates/${id}`, { method: 'PATCH', headers, json });

    it('needs If-Match (428) and a fresh version (412)', async () => {
      expect((await patch(g.id, { skills: ['Go'] }, graduateOf(colA, g.id))).status).toBe(428);
      const stale = await patch(g.id, { skills: ['Go'] }, { ...graduateOf(colA, g.id), 'if-match': '"9"' });
      expect(stale.status).toBe(412);
    });

    it('changes preferences (merging), skills, certificates, contacts and the ranking switch; identical data keeps the version', async () => {
      const res = await patch(
        g.id,
        {
          preferences: { cities: ['310000'], minMonthlySalary: 8000 },
          skills: [' Python ', 'python', 'Docker'],
          certificates: ['CET-6', 'CET-6'],
          phone: '13700001111',
          email: 'New.Mail@Example.com',
          personalisedRanking: false,
        },
        { ...graduateOf(colA, g.id), 'if-match': '"1"' },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(res.body).toMatchObject({
        preferences: {
          cities: ['310000'],
          industries: ['I'],
          demandKinds: ['job'],
          minMonthlySalary: 8000,
          willingToRelocate: false,
        },
        skills: ['python', 'docker'],
        certificates: ['CET-6'],
        phone: '13700001111',
        email: 'new.mail@example.com',
        personalisedRanking: false,
        name: '王小明',
        version: 2,
      });
      const same = await patch(
        g.id,
        { skills: ['python', 'docker'] },
        { ...graduateOf(colA, g.id), 'if-match': '"2"' },
      );
      expect(same.status).toBe(200);
      expect(same.body.version).toBe(2);
      const cleared = await patch(g.id, { phone: null }, { ...graduateOf(colA, g.id), 'if-match': '"2"' });
      expect(cleared.body).toMatchObject({ phone: null, email: 'new.mail@example.com', version: 3 });
    });

    const badPatches: [string, Json, string][] = [
      ['phone', { phone: '0571-88123456' }, 'phone'],
      ['email', { email: 'nope' }, 'email'],
      ['skills', { skills: null }, 'skills'],
      ['skills', { skills: ['x'.repeat(51)] }, 'skills'],
      ['preferences.cities', { preferences: { cities: ['123456'] } }, 'preferences.cities'],
      ['preferences.willingToRelocate', { preferences: { willingToRelocate: 'yes' } }, 'preferences.willingToRelocate'],
      ['personalisedRanking', { personalisedRanking: 'off' }, 'personalisedRanking'],
      ['name (kept by the college)', { name: '改名' }, 'name'],
      ['major (kept by the college)', { major: { code: '080902', catalogueYear: 2025 } }, 'major'],
    ];
    it.each(badPatches)('refuses a bad %s with 400 naming the field', async (_label, json, field) => {
      const current = await call(`/graduates/${g.id}`, { headers: graduateOf(colA, g.id) });
      const res = await patch(g.id, json, { ...graduateOf(colA, g.id), 'if-match': current.headers.get('etag')! });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      const after = await call(`/graduates/${g.id}`, { headers: graduateOf(colA, g.id) });
      expect(after.body.version).toBe(current.body.version);
    });

    it('keeps what the graduate set when the college re-submits without it, and does not reveal it in the answer', async () => {
      const own = await createGraduate(colA, 'P4002');
      const me = graduateOf(colA, own.id);
      const edited = await patch(own.id, { phone: '13655556666' }, { ...me, 'if-match': '"1"' });
      expect(edited.status).toBe(200);
      const { phone: _phone, email: _email, ...withoutContacts } = makeGraduateInput({ gpaPercentile: 70 });
      const resubmitted = await call(`/colleges/${colA}/graduates/P4002`, {
        method: 'PUT',
        headers: college(colA),
        json: withoutContacts,
      });
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body.graduate).toMatchObject({ gpaPercentile: 70, phone: '136****6666', version: 3 });
      expect((await call(`/graduates/${own.id}`, { headers: me })).body.phone).toBe('13655556666');
    });

    it('lets nobody but the graduate edit: another graduate 404, the college 403', async () => {
      expect(
        (await patch(g.id, { skills: ['Go'] }, { ...graduateOf(colA, randomUUID()), 'if-match': '"3"' })).status,
      ).toBe(404);
      expect((await patch(g.id, { skills: ['Go'] }, { ...college(colA), 'if-match': '"3"' })).status).toBe(403);
    });
  });
});
