import { randomUUID } from 'node:crypto';
import {
  CandidateHiredV1Contract,
  createEnvelope,
  EnterpriseRegisteredV1Contract,
  TOPICS,
  type EnterpriseRegisteredV1,
  type EventEnvelope,
} from '#contracts';
import {
  bearer,
  readTopic,
  startPlatform,
  testKafka,
  tokenFor,
  topicMessageCount,
  waitFor,
  withClient,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';
import { eraseGraduateRow, insertCollege, insertGraduate } from './fixtures/cohort-rows.fixture.js';

type Json = Record<string, any>;

const college = (org: string) => bearer('college', org);
const graduateOf = (collegeId: string, graduateId: string) => ({
  authorization: `Bearer ${tokenFor('graduate', collegeId, graduateId)}`,
});
const newId = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** The Beijing calendar: the cohort graduating next year is open, the one two years back is locked. */
const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const OPEN_YEAR = Number(shanghaiToday.slice(0, 4)) + 1;
const LOCKED_YEAR = OPEN_YEAR - 2;

const contract = (overrides: Json = {}): Json => ({
  categoryCode: '11',
  destinationDate: shanghaiToday,
  employerOrSchool: '杭州示例科技有限公司',
  cityCode: '330106',
  evidenceRef: 'HT-0001',
  ...overrides,
});

describe('graduate profiles: destinations (毕业去向)', () => {
  let platform: TestPlatform;
  let gp: ServiceProcess;
  const colA = newId('col-a');
  const colB = newId('col-b');

  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => gp.json(path, init);

  const sql = <T>(fn: Parameters<typeof withClient<T>>[1]) => withClient(platform.db.url, fn);

  async function graduate(collegeId = colA, overrides: Json = {}): Promise<string> {
    return sql((c) =>
      insertGraduate(c, {
        collegeId,
        department: '计算机学院',
        majorCode: '080901',
        majorName: '计算机科学与技术',
        degree: 'bachelor',
        graduationYear: OPEN_YEAR,
        ...overrides,
      }),
    );
  }

  const register = (graduateId: string, headers: Record<string, string>, json: Json) =>
    call(`/graduates/${graduateId}/destinations`, { method: 'POST', headers, json });
  const audit = (destinationId: string, json: Json, headers = college(colA)) =>
    call(`/destinations/${destinationId}/audit`, { method: 'POST', headers, json });

  async function countDestinations(graduateId: string): Promise<number> {
    return sql(async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "graduate-profiles".destinations WHERE graduate_id = $1`,
        [graduateId],
      );
      return rows[0].n;
    });
  }

  /** The graduate's DestinationRecorded events once the relay sent every outbox row; each exactly once. */
  async function destinationEvents(graduateId: string): Promise<EventEnvelope<Json>[]> {
    const total = await waitFor(
      () =>
        sql(async (c) => {
          const { rows } = await c.query<{ total: number; unsent: number }>(
            `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS unsent
               FROM "graduate-profiles".outbox WHERE topic = $1`,
            [TOPICS.destinations],
          );
          return rows[0].unsent === 0 ? rows[0].total : null;
        }),
      { description: 'the outbox relay to send every destination event' },
    );
    const topic = `${platform.topicPrefix}.${TOPICS.destinations}`;
    const messages = await readTopic(topic, total);
    expect(messages).toHaveLength(total);
    expect(await topicMessageCount(topic)).toBe(total);
    return messages
      .filter((m) => m.key === graduateId)
      .sort((a, b) => Number(a.offset) - Number(b.offset))
      .map((m) => JSON.parse(m.value!) as EventEnvelope<Json>);
  }

  beforeAll(async () => {
    platform = await startPlatform('destinations', ['graduate-profiles']);
    gp = platform.service('graduate-profiles');
    await sql(async (c) => {
      await insertCollege(c, { id: colA, name: '浙江示例大学', regionCode: '330106' });
      await insertCollege(c, { id: colB, name: '江苏示例学院', regionCode: '320102' });
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('registration, audit and verification', () => {
    it('a graduate registers, the college confirms, anyone holding the number can verify it', async () => {
      const g = await graduate(colA, { name: '欧阳娜娜' });
      const me = graduateOf(colA, g);
      const created = await register(g, me, contract());
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/destinations/${created.body.id}`);
      expect(created.body).toMatchObject({
        graduateId: g,
        collegeId: colA,
        categoryCode: '11',
        categoryName: '签劳动合同形式就业',
        categoryGroup: '协议和合同就业',
        countsAsPlaced: true,
        destinationDate: shanghaiToday,
        employerOrSchool: '杭州示例科技有限公司',
        cityCode: '330106',
        cityName: '浙江省杭州市西湖区',
        evidenceRef: 'HT-0001',
        source: 'graduate',
        status: 'pending',
        statusLabel: '待审核',
        current: true,
        verificationNumber: null,
        audits: [],
      });

      const confirmed = await audit(created.body.id, { decision: 'confirm' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', current: true, categoryCode: '11' });
      const number: string = confirmed.body.verificationNumber;
      expect(number).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);

      // The graduate sees the number too; the history is the graduate's own.
      const history = await call(`/graduates/${g}/destinations`, { headers: me });
      expect(history.status).toBe(200);
      expect(history.body).toMatchObject({
        graduateId: g,
        graduationYear: OPEN_YEAR,
        deadline: `${OPEN_YEAR}-08-31`,
        locked: false,
        currentDestinationId: created.body.id,
      });
      expect(history.body.items[0].verificationNumber).toBe(number);

      // Public: no token at all; only what verification needs, the name masked.
      const verified = await call(`/destination-verifications/${number}`);
      expect(verified.status).toBe(200);
      expect(verified.body).toEqual({
        verificationNumber: number,
        valid: true,
        status: 'confirmed',
        current: true,
        collegeName: '浙江示例大学',
        graduationYear: OPEN_YEAR,
        graduateName: '欧阳**',
        categoryCode: '11',
        categoryName: '签劳动合同形式就业',
        destinationDate: shanghaiToday,
        confirmedAt: confirmed.body.audits[0].decidedAt,
      });
      const typed = number.replace(/-/g, '').toLowerCase();
      expect((await call(`/destination-verifications/${typed}`)).body.verificationNumber).toBe(number);
      const unknown = await call(`/destination-verifications/${'0'.repeat(20)}`);
      expect(unknown.status).toBe(404);
      const malformed = await call('/destination-verifications/12345');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].field).toBe('verificationNumber');

      const events = await destinationEvents(g);
      expect(events.map((e) => [e.eventType, e.payload.status, e.payload.source])).toEqual([
        ['DestinationRecorded', 'pending', 'graduate'],
        ['DestinationRecorded', 'confirmed', 'graduate'],
      ]);
      expect(events[1].payload).toEqual({
        destinationId: created.body.id,
        graduateId: g,
        collegeId: colA,
        categoryCode: '11',
        countsAsPlaced: true,
        source: 'graduate',
        status: 'confirmed',
        employerOrSchool: '杭州示例科技有限公司',
        cityCode: '330106',
        enterpriseId: null,
        demandId: null,
        recordedAt: created.body.recordedAt,
      });
      // Personal data never travels.
      expect(JSON.stringify(events)).not.toContain('欧阳');
    });

    it('returns with a reason, re-registers, corrects the category on confirmation, and can still revoke', async () => {
      const g = await graduate();
      const first = await register(g, college(colA), contract({ categoryCode: '12', evidenceRef: '用人证明-01' }));
      expect(first.body.source).toBe('college');
      const returned = await audit(first.body.id, { decision: 'return', reason: '证明材料未盖公章' });
      expect(returned.body).toMatchObject({ status: 'returned', returnReason: '证明材料未盖公章', current: false });
      expect((await audit(first.body.id, { decision: 'confirm' })).body.code).toBe('destination_already_decided');

      const second = await register(g, graduateOf(colA, g), contract({ categoryCode: '11' }));
      const corrected = await audit(second.body.id, { decision: 'confirm', categoryCode: '10' });
      expect(corrected.body).toMatchObject({
        status: 'confirmed',
        categoryCode: '10',
        categoryName: '签就业协议形式就业',
        registeredCategoryCode: '11',
      });
      const again = await audit(second.body.id, { decision: 'confirm' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('destination_already_decided');

      // A spot check finds a problem: the confirmation is revoked and no longer verifies.
      const revoked = await audit(second.body.id, { decision: 'return', reason: '抽查发现合同与单位不符' });
      expect(revoked.body.status).toBe('returned');
      const check = await call(`/destination-verifications/${corrected.body.verificationNumber}`);
      expect(check.body).toMatchObject({ valid: false, status: 'returned', current: false, categoryCode: '10' });

      const history = await call(`/graduates/${g}/destinations`, { headers: college(colA) });
      expect(history.body.items.map((d: Json) => [d.id, d.status])).toEqual([
        [second.body.id, 'returned'],
        [first.body.id, 'returned'],
      ]);
      expect(history.body.currentDestinationId).toBeNull();
      expect(history.body.items[0].audits.map((a: Json) => [a.decision, a.categoryCode, a.reason])).toEqual([
        ['confirm', '10', null],
        ['return', '10', '抽查发现合同与单位不符'],
      ]);

      const events = await destinationEvents(g);
      expect(
        events.map(
          (e) => `${e.payload.destinationId === first.body.id ? 1 : 2}:${e.payload.status}:${e.payload.categoryCode}`,
        ),
      ).toEqual(['1:pending:12', '1:returned:12', '2:pending:11', '2:confirmed:10', '2:returned:10']);
    });

    it('audits only the current registration; a returned change leaves the earlier one in force', async () => {
      const g = await graduate();
      const older = await register(g, college(colA), contract());
      const newer = await register(g, college(colA), contract({ categoryCode: '80', employerOrSchool: '浙江大学' }));
      const stale = await audit(older.body.id, { decision: 'confirm' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'destination_superseded', currentDestinationId: newer.body.id });
      await audit(newer.body.id, { decision: 'return', reason: '录取通知书编号有误' });
      const history = await call(`/graduates/${g}/destinations`, { headers: college(colA) });
      expect(history.body.currentDestinationId).toBe(older.body.id);
      expect((await audit(older.body.id, { decision: 'confirm' })).body.status).toBe('confirmed');
      const one = await call(`/destinations/${older.body.id}`, { headers: graduateOf(colA, g) });
      expect(one.body).toMatchObject({ id: older.body.id, status: 'confirmed', current: true });
    });

    it('a retried registration with the same Idempotency-Key records once', async () => {
      const g = await graduate();
      const headers = { ...college(colA), 'Idempotency-Key': randomUUID() };
      const first = await register(g, headers, contract());
      const retry = await register(g, headers, contract());
      expect([first.status, retry.status]).toEqual([201, 201]);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body.id).toBe(first.body.id);
      expect(await countDestinations(g)).toBe(1);
    });

    it('refuses to turn an unproven record into a placement through a correction', async () => {
      const g = await graduate();
      const waiting = await register(g, college(colA), { categoryCode: '70' });
      expect(waiting.status).toBe(201);
      const res = await audit(waiting.body.id, { decision: 'confirm', categoryCode: '11' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'categoryCode', constraint: 'evidenceRequired' });
      expect((await audit(waiting.body.id, { decision: 'confirm' })).body).toMatchObject({
        status: 'confirmed',
        categoryCode: '70',
        countsAsPlaced: false,
      });
    });
  });

  describe('field rules: each 4xx names the field and writes nothing', () => {
    let g: string;
    beforeAll(async () => {
      g = await graduate();
    });

    it.each([
      ['bad category code', { categoryCode: '99' }, 'categoryCode', 'isDestinationCategory'],
      ['category code of the wrong shape', { categoryCode: 'A1' }, 'categoryCode', 'isDestinationCategory'],
      ['a date that does not exist', { destinationDate: `${OPEN_YEAR}-02-30` }, 'destinationDate', 'isCalendarDate'],
      ['a date in the future', { destinationDate: `${OPEN_YEAR + 1}-01-01` }, 'destinationDate', 'notInFuture'],
      [
        'a date before the cohort window',
        { destinationDate: `${OPEN_YEAR - 2}-12-31` },
        'destinationDate',
        'notBeforeCohort',
      ],
      ['an unknown city code', { cityCode: '339999' }, 'cityCode', 'isKnownRegionCode'],
      ['a city code of the wrong shape', { cityCode: '3301' }, 'cityCode', 'isKnownRegionCode'],
      ['a province instead of a city', { cityCode: '330000' }, 'cityCode', 'cityLevel'],
      ['missing evidence for a contract', { evidenceRef: undefined }, 'evidenceRef', 'requiredForCategory'],
      ['blank evidence', { evidenceRef: '  ' }, 'evidenceRef', 'isNotEmpty'],
      ['missing employer for a contract', { employerOrSchool: undefined }, 'employerOrSchool', 'requiredForCategory'],
      [
        'missing school for further study',
        { categoryCode: '80', employerOrSchool: undefined },
        'employerOrSchool',
        'requiredForCategory',
      ],
      [
        'missing city for self-employment',
        { categoryCode: '75', cityCode: undefined },
        'cityCode',
        'requiredForCategory',
      ],
      [
        'missing date for freelancing',
        { categoryCode: '76', destinationDate: undefined },
        'destinationDate',
        'requiredForCategory',
      ],
      ['an employer name too long', { employerOrSchool: '某'.repeat(201) }, 'employerOrSchool', 'maxLength'],
      ['an unknown field', { salary: 9000 }, 'salary', 'whitelistValidation'],
    ])('%s', async (_label, change, field, constraint) => {
      const res = await register(g, college(colA), contract(change));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field, constraint })]);
      expect(res.body.errors[0].problem).toMatch(/[\u4e00-\u9fff]/);
      expect(await countDestinations(g)).toBe(0);
    });

    it('audit decisions: the decision, a reason for a return, no correction on a return', async () => {
      const d = await register(g, college(colA), contract());
      const cases: [Json, string][] = [
        [{ decision: 'approve' }, 'decision'],
        [{ decision: 'return' }, 'reason'],
        [{ decision: 'return', reason: '' }, 'reason'],
        [{ decision: 'return', reason: '缺材料', categoryCode: '10' }, 'categoryCode'],
        [{ decision: 'confirm', categoryCode: '99' }, 'categoryCode'],
      ];
      for (const [body, field] of cases) {
        const res = await audit(d.body.id, body);
        expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, field]);
      }
      const { rows } = await sql((c) =>
        c.query(`SELECT count(*)::int AS n FROM "graduate-profiles".destination_audits WHERE destination_id = $1`, [
          d.body.id,
        ]),
      );
      expect(rows[0].n).toBe(0);
    });
  });

  describe('access', () => {
    it('keeps destinations to the graduate and the own college; others get 404, other roles 403', async () => {
      const g = await graduate();
      const other = await graduate();
      const d = await register(g, college(colA), contract());
      expect(d.status).toBe(201);

      expect((await register(g, college(colB), contract())).status).toBe(404);
      expect((await call(`/graduates/${g}/destinations`, { headers: college(colB) })).status).toBe(404);
      expect((await call(`/destinations/${d.body.id}`, { headers: college(colB) })).status).toBe(404);
      expect((await audit(d.body.id, { decision: 'confirm' }, college(colB))).status).toBe(404);
      expect((await register(g, graduateOf(colA, other), contract())).status).toBe(404);
      expect((await call(`/graduates/${g}/destinations`, { headers: graduateOf(colA, other) })).status).toBe(404);
      expect((await call(`/destinations/${d.body.id}`, { headers: graduateOf(colA, other) })).status).toBe(404);
      // A graduate token of another college naming this graduate's id.
      expect((await call(`/graduates/${g}/destinations`, { headers: graduateOf(colB, g) })).status).toBe(404);

      for (const headers of [bearer('organizer', 'org-1'), bearer('platform_admin'), bearer('enterprise', 'ent-1')]) {
        expect((await call(`/graduates/${g}/destinations`, { headers })).status).toBe(403);
        expect((await register(g, headers, contract())).status).toBe(403);
      }
      // The graduate registers but does not audit.
      expect((await audit(d.body.id, { decision: 'confirm' }, graduateOf(colA, g))).status).toBe(403);
      expect((await call(`/graduates/${randomUUID()}/destinations`, { headers: college(colA) })).status).toBe(404);
      expect((await call('/graduates/not-a-uuid/destinations', { headers: college(colA) })).status).toBe(404);
      expect((await call(`/graduates/${g}/destinations`)).status).toBe(401);
      expect(await countDestinations(g)).toBe(1);
    });

    it('an erased graduate has no readable or registrable destinations and no verifiable number', async () => {
      const g = await graduate();
      const d = await register(g, college(colA), contract());
      const confirmed = await audit(d.body.id, { decision: 'confirm' });
      await sql((c) => eraseGraduateRow(c, g));
      expect((await call(`/graduates/${g}/destinations`, { headers: college(colA) })).status).toBe(404);
      expect((await register(g, college(colA), contract())).status).toBe(404);
      expect((await call(`/destination-verifications/${confirmed.body.verificationNumber}`)).status).toBe(404);
    });
  });

  describe('the 31 August lock', () => {
    it(`refuses registration and audit for a cohort whose window closed, naming the date`, async () => {
      const g = await graduate(colA, { graduationYear: LOCKED_YEAR });
      const res = await register(g, college(colA), contract({ destinationDate: `${LOCKED_YEAR}-06-01` }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('destination_registration_locked');
      expect(res.body.message).toContain(`${LOCKED_YEAR}-08-31`);
      expect((await register(g, graduateOf(colA, g), contract())).status).toBe(409);

      // A registration made while the window was open cannot be audited after it closed.
      const destinationId = randomUUID();
      await sql((c) =>
        c.query(
          `INSERT INTO "graduate-profiles".destinations
             (id, graduate_id, college_id, category_code, destination_date, employer_or_school, city_code, evidence_ref,
              source, recorded_by_role, recorded_by, recorded_at)
           VALUES ($1, $2, $3, '11', $4, '杭州示例科技有限公司', '330106', 'HT-9', 'graduate', 'graduate', $6, $5)`,
          [destinationId, g, colA, `${LOCKED_YEAR}-06-01`, `${LOCKED_YEAR}-06-02T10:00:00+08:00`, g],
        ),
      );
      const late = await audit(destinationId, { decision: 'confirm' });
      expect(late.status).toBe(409);
      expect(late.body.message).toContain(`${LOCKED_YEAR}-08-31`);

      const history = await call(`/graduates/${g}/destinations`, { headers: college(colA) });
      expect(history.body).toMatchObject({ locked: true, deadline: `${LOCKED_YEAR}-08-31` });
      expect(history.body.items).toHaveLength(1);
      expect(history.body.items[0].status).toBe('pending');
    });
  });

  describe('hires on the platform', () => {
    it('records a hire once as a pending platform destination, skips unknown graduates without dead-lettering', async () => {
      const g = await graduate();
      const erased = await graduate();
      await sql((c) => eraseGraduateRow(c, erased));
      const enterpriseId = newId('ent');
      const demandId = randomUUID();
      let firstHireId: string | undefined;
      const producer = testKafka().producer();
      await producer.connect();
      try {
        const enterprise: EnterpriseRegisteredV1 = {
          enterpriseId,
          name: '杭州示例智造有限公司',
          creditCode: '91330106MA27XL0E2Y',
          industrySection: 'C',
          industryDivision: '34',
          regionCode: '330106',
          size: 'small',
          integrationCertified: false,
          status: 'verified',
          version: 1,
        };
        const registered = createEnvelope(EnterpriseRegisteredV1Contract, enterprise, {
          producer: 'demand-intake',
          correlationId: randomUUID(),
        });
        await producer.send({
          topic: `${platform.topicPrefix}.${TOPICS.enterprises}`,
          messages: [{ key: enterpriseId, value: JSON.stringify(registered) }],
        });
        await waitFor(
          () =>
            sql(async (c) => {
              const { rows } = await c.query(
                `SELECT name FROM "graduate-profiles".enterprise_names WHERE enterprise_id = $1`,
                [enterpriseId],
              );
              return rows.length === 1;
            }),
          { description: 'the enterprise name to arrive' },
        );

        const hire = (graduateId: string) =>
          createEnvelope(
            CandidateHiredV1Contract,
            { demandId, enterpriseId, graduateId, hiredAt: new Date().toISOString() },
            { producer: 'matching', correlationId: randomUUID() },
          );
        const first = hire(g);
        firstHireId = first.eventId;
        // The same event redelivered, a second hire event for the same (graduate, demand), and
        // hires of a graduate this service never knew and of an erased one.
        const envelopes = [first, first, hire(g), hire(randomUUID()), hire(erased)];
        await producer.send({
          topic: `${platform.topicPrefix}.${TOPICS.recommendations}`,
          messages: envelopes.map((e) => ({ key: demandId, value: JSON.stringify(e) })),
        });
        const eventIds = [...new Set(envelopes.map((e) => e.eventId))];
        await waitFor(
          () =>
            sql(async (c) => {
              const { rows } = await c.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM "graduate-profiles".inbox WHERE event_id = ANY($1::uuid[])`,
                [eventIds],
              );
              return rows[0].n === eventIds.length;
            }),
          { description: 'every hire event to be handled' },
        );
      } finally {
        await producer.disconnect();
      }

      expect(await countDestinations(g)).toBe(1);
      expect(await countDestinations(erased)).toBe(0);
      const history = await call(`/graduates/${g}/destinations`, { headers: college(colA) });
      expect(history.body.items).toHaveLength(1);
      const hired = history.body.items[0];
      expect(hired).toMatchObject({
        source: 'platform',
        sourceLabel: '平台录用',
        status: 'pending',
        current: true,
        categoryCode: '10',
        employerOrSchool: '杭州示例智造有限公司',
        enterpriseId,
        demandId,
        destinationDate: shanghaiToday,
        evidenceRef: `平台录用记录：需求 ${demandId}`,
      });
      // The college confirms it, correcting the category to the labour contract it turned out to be.
      const confirmed = await audit(hired.id, { decision: 'confirm', categoryCode: '11' });
      expect(confirmed.body).toMatchObject({ status: 'confirmed', categoryCode: '11', source: 'platform' });

      const events = await destinationEvents(g);
      expect(events.map((e) => [e.payload.source, e.payload.status, e.payload.categoryCode])).toEqual([
        ['platform', 'pending', '10'],
        ['platform', 'confirmed', '11'],
      ]);
      expect(events[0].payload).toMatchObject({ enterpriseId, demandId, employerOrSchool: '杭州示例智造有限公司' });
      expect(events[0].causationId).toBe(firstHireId);
      // Nothing was dead-lettered for the graduates this service did not know.
      expect(await topicMessageCount(`${platform.topicPrefix}.${TOPICS.recommendations}.dlq`)).toBe(0);
    });
  });

  it('lists the destination table with what each category requires', async () => {
    const res = await call('/destination-categories', { headers: graduateOf(colA, randomUUID()) });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(14);
    expect(res.body.find((c: Json) => c.code === '85')).toEqual({
      code: '85',
      name: '境外留学',
      group: '升学',
      countsAsPlaced: true,
      requiredFields: ['destinationDate', 'employerOrSchool', 'evidenceRef'],
    });
    expect(res.body.find((c: Json) => c.code === '70').requiredFields).toEqual([]);
  });
});
