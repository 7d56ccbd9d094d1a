import { randomUUID } from 'node:crypto';
import { CandidateStatusChangedV1Contract, createEnvelope, TOPICS } from '#contracts';
import {
  bearer,
  expectEventually,
  makeCollegeInput,
  makeGraduateInput,
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

type Json = Record<string, any>;

interface Envelope {
  eventId: string;
  eventType: string;
  payload: Json;
}

const college = (org: string) => bearer('college', org);
const graduateOf = (collegeId: string, graduateId: string) => ({
  authorization: `Bearer ${tokenFor('graduate', collegeId, graduateId)}`,
});
const newId = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** Personal data of the default factory graduate: none of it may ever appear in an event. */
const PERSONAL = ['王小明', '13812345678', 'wangxm@example.com', '杭州某智能制造有限公司'];

describe('graduate profiles: consent (PIPL) and erasure', () => {
  let platform: TestPlatform;
  let gp: ServiceProcess;
  const colA = newId('col-a');
  const colB = newId('col-b');
  let studentSeq = 0;

  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => gp.json(path, init);

  async function createGraduate(collegeId = colA, overrides: Json = {}): Promise<Json> {
    studentSeq += 1;
    const res = await call(`/colleges/${collegeId}/graduates/S${String(studentSeq).padStart(5, '0')}`, {
      method: 'PUT',
      headers: college(collegeId),
      json: makeGraduateInput(overrides),
    });
    expect(res.status).toBe(201);
    return res.body.graduate;
  }

  const consent = (id: string, headers: Record<string, string>, json: Json) =>
    call(`/graduates/${id}/consent`, { method: 'POST', headers, json });

  /**
   * The events of one graduate on the graduates topic, once the relay sent every outbox row; fails
   * unless the topic holds exactly the outbox's events, once each.
   */
  async function graduateEvents(graduateId: string): Promise<Envelope[]> {
    const { total } = await waitFor(
      () =>
        withClient(platform.db.url, async (client) => {
          const { rows } = await client.query<{ total: number; unsent: number }>(
            `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS unsent
               FROM "graduate-profiles".outbox WHERE topic = $1`,
            [TOPICS.graduates],
          );
          return rows[0].unsent === 0 ? { total: rows[0].total } : null;
        }),
      { description: 'the outbox relay to send every graduate event' },
    );
    const topic = `${platform.topicPrefix}.${TOPICS.graduates}`;
    if (total === 0) return [];
    const messages = await readTopic(topic, total);
    expect(messages).toHaveLength(total);
    expect(await topicMessageCount(topic)).toBe(total);
    const ids = messages.map((m) => (JSON.parse(m.value!) as Envelope).eventId);
    expect(new Set(ids).size).toBe(ids.length);
    return messages
      .filter((m) => m.key === graduateId)
      .sort((a, b) => Number(a.offset) - Number(b.offset))
      .map((m) => {
        for (const personal of PERSONAL) expect(m.value).not.toContain(personal);
        return JSON.parse(m.value!) as Envelope;
      });
  }

  const summary = (events: Envelope[]) =>
    events.map((e) =>
      e.eventType === 'GraduateConsentChanged'
        ? `${e.eventType}:${e.payload.status}:${e.payload.actor}`
        : e.eventType === 'GraduateProfileUpserted'
          ? `${e.eventType}:${e.payload.graduate.consentStatus}`
          : e.eventType,
    );

  async function acceptEnterprise(graduateId: string, enterpriseId: string): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    const demandId = randomUUID();
    try {
      const envelope = createEnvelope(
        CandidateStatusChangedV1Contract,
        {
          recommendationId: randomUUID(),
          demandId,
          enterpriseId,
          graduateId,
          previousStatus: 'invited',
          status: 'accepted',
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
    platform = await startPlatform('consent', ['graduate-profiles']);
    gp = platform.service('graduate-profiles');
    for (const id of [colA, colB]) {
      const res = await call('/colleges', { method: 'POST', headers: college(id), json: makeCollegeInput() });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('consent', () => {
    it('given, given again, withdrawn, given again: one event per real change, the profile with each giving', async () => {
      const g = await createGraduate();
      const me = graduateOf(colA, g.id);
      const first = await consent(g.id, me, { scope: 'recommend', action: 'given' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ graduateId: g.id, scope: 'recommend', status: 'given', changed: true });
      expect(Date.parse(first.body.changedAt)).not.toBeNaN();
      const twice = await consent(g.id, me, { scope: 'recommend', action: 'given' });
      expect(twice.body).toMatchObject({ status: 'given', changed: false, changedAt: first.body.changedAt });
      expect((await consent(g.id, me, { scope: 'recommend', action: 'withdrawn' })).body).toMatchObject({
        status: 'withdrawn',
        changed: true,
      });
      expect((await consent(g.id, me, { scope: 'recommend', action: 'given' })).body.changed).toBe(true);

      const events = await graduateEvents(g.id);
      expect(summary(events)).toEqual([
        'GraduateConsentChanged:given:graduate',
        'GraduateProfileUpserted:given',
        'GraduateConsentChanged:withdrawn:graduate',
        'GraduateConsentChanged:given:graduate',
        'GraduateProfileUpserted:given',
      ]);
      expect(events[0].payload).toEqual({
        graduateId: g.id,
        collegeId: colA,
        scope: 'recommend',
        status: 'given',
        actor: 'graduate',
        changedAt: first.body.changedAt,
      });
      expect(events[1].payload.graduate).toMatchObject({
        graduateId: g.id,
        collegeId: colA,
        skills: ['java', 'mysql'],
      });

      const history = await call(`/graduates/${g.id}/consents`, { headers: me });
      expect(history.status).toBe(200);
      expect(history.body.status).toBe('given');
      expect(history.body.records.map((r: Json) => [r.action, r.actor, r.evidenceRef])).toEqual([
        ['given', 'graduate', null],
        ['withdrawn', 'graduate', null],
        ['given', 'graduate', null],
      ]);
      expect((await call(`/graduates/${g.id}/consents`, { headers: college(colA) })).status).toBe(200);
    });

    it('sends profile changes to matching only while the graduate consents, and only what matching uses', async () => {
      const g = await createGraduate();
      const me = graduateOf(colA, g.id);
      const patch = async (json: Json) => {
        const current = await call(`/graduates/${g.id}`, { headers: me });
        const res = await call(`/graduates/${g.id}`, {
          method: 'PATCH',
          headers: { ...me, 'if-match': current.headers.get('etag')! },
          json,
        });
        expect(res.status).toBe(200);
      };
      await patch({ skills: ['Go'] }); // no consent yet: nothing leaves
      await consent(g.id, me, { scope: 'recommend', action: 'given' });
      await patch({ skills: ['Go', 'Rust'] }); // matching uses skills
      await patch({ phone: '13900009999' }); // contacts never leave: no event
      await patch({ personalisedRanking: false }); // the opt-out reaches matching
      const events = await graduateEvents(g.id);
      expect(summary(events)).toEqual([
        'GraduateConsentChanged:given:graduate',
        'GraduateProfileUpserted:given',
        'GraduateProfileUpserted:given',
        'GraduateProfileUpserted:given',
      ]);
      expect(events[1].payload.graduate.skills).toEqual(['go']);
      expect(events[2].payload.graduate.skills).toEqual(['go', 'rust']);
      expect(events[3].payload.graduate.personalisedRanking).toBe(false);
      expect(JSON.stringify(events)).not.toContain('13900009999');
    });

    it('lets the college record consent only with evidence, and never after the graduate withdrew it', async () => {
      const g = await createGraduate();
      const noEvidence = await consent(g.id, college(colA), { scope: 'recommend', action: 'given' });
      expect(noEvidence.status).toBe(400);
      expect(noEvidence.body.errors.map((e: Json) => e.field)).toEqual(['evidenceRef']);
      const recorded = await consent(g.id, college(colA), {
        scope: 'recommend',
        action: 'given',
        evidenceRef: '授权书-2027-0031',
      });
      expect(recorded.body).toMatchObject({ status: 'given', changed: true });

      await consent(g.id, graduateOf(colA, g.id), { scope: 'recommend', action: 'withdrawn' });
      const override = await consent(g.id, college(colA), {
        scope: 'recommend',
        action: 'given',
        evidenceRef: '授权书-2027-0032',
      });
      expect(override.status).toBe(409);
      expect(override.body.code).toBe('consent_withdrawn_by_graduate');

      const history = await call(`/graduates/${g.id}/consents`, { headers: college(colA) });
      expect(history.body.records.map((r: Json) => [r.action, r.actor, r.actorId, r.evidenceRef])).toEqual([
        ['given', 'college', `college:${colA}`, '授权书-2027-0031'],
        ['withdrawn', 'graduate', g.id, null],
      ]);
      expect(summary(await graduateEvents(g.id))).toEqual([
        'GraduateConsentChanged:given:college',
        'GraduateProfileUpserted:given',
        'GraduateConsentChanged:withdrawn:graduate',
      ]);
    });

    it('lets the college record a withdrawal the graduate asked for in writing (evidence required)', async () => {
      const g = await createGraduate();
      await consent(g.id, graduateOf(colA, g.id), { scope: 'recommend', action: 'given' });
      const res = await consent(g.id, college(colA), {
        scope: 'recommend',
        action: 'withdrawn',
        evidenceRef: '撤回申请-2027-0005',
      });
      expect(res.body).toMatchObject({ status: 'withdrawn', changed: true });
      expect(summary(await graduateEvents(g.id)).at(-1)).toBe('GraduateConsentChanged:withdrawn:college');
    });

    it('names the bad field: scope, action, and evidence the graduate need not give', async () => {
      const g = await createGraduate();
      const me = graduateOf(colA, g.id);
      for (const [json, field] of [
        [{ scope: 'marketing', action: 'given' }, 'scope'],
        [{ scope: 'recommend', action: 'maybe' }, 'action'],
        [{ scope: 'recommend' }, 'action'],
        [{ scope: 'recommend', action: 'given', evidenceRef: '' }, 'evidenceRef'],
        [{ scope: 'recommend', action: 'given', evidenceRef: '我自己' }, 'evidenceRef'],
      ] as [Json, string][]) {
        const res = await consent(g.id, me, json);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      }
      expect((await call(`/graduates/${g.id}`, { headers: me })).body.consent.status).toBe('none');
    });

    it('gives other colleges and other graduates 404, enterprises and staff 403', async () => {
      const g = await createGraduate();
      const json = { scope: 'recommend', action: 'given', evidenceRef: 'x-1' };
      expect((await consent(g.id, college(colB), json)).status).toBe(404);
      expect(
        (await consent(g.id, graduateOf(colA, randomUUID()), { scope: 'recommend', action: 'given' })).status,
      ).toBe(404);
      expect((await call(`/graduates/${g.id}/consents`, { headers: college(colB) })).status).toBe(404);
      for (const headers of [bearer('enterprise', 'ent-1'), bearer('organizer', 'org-1'), bearer('platform_admin')]) {
        expect((await consent(g.id, headers, json)).status).toBe(403);
      }
    });
  });

  describe('erasure', () => {
    it('erases the graduate: personal data gone, statistics kept, one GraduateErasedV1, then 404 everywhere', async () => {
      const g = await createGraduate(colA, { graduationYear: 2026 });
      const me = graduateOf(colA, g.id);
      await consent(g.id, me, { scope: 'recommend', action: 'given' });
      const ent = newId('ent');
      await acceptEnterprise(g.id, ent);
      await expectEventually(async () => {
        expect((await call(`/graduates/${g.id}`, { headers: bearer('enterprise', ent) })).status).toBe(200);
      });

      const erased = await call(`/graduates/${g.id}`, { method: 'DELETE', headers: me });
      expect(erased.status).toBe(204);

      for (const headers of [me, college(colA), bearer('enterprise', ent)]) {
        expect((await call(`/graduates/${g.id}`, { headers })).status).toBe(404);
      }
      expect((await call(`/graduates/${g.id}/consents`, { headers: college(colA) })).status).toBe(404);
      expect((await call(`/graduates/${g.id}/contact-reveals`, { headers: college(colA) })).status).toBe(404);
      const listed = await call(`/colleges/${colA}/graduates?limit=200`, { headers: college(colA) });
      expect(listed.body.items.map((i: Json) => i.id)).not.toContain(g.id);
      // Erasing again finds nothing and sends nothing.
      expect((await call(`/graduates/${g.id}`, { method: 'DELETE', headers: me })).status).toBe(404);
      // Uploading the graduate again (a college re-sending its cohort) cannot bring the profile back.
      const again = await call(`/colleges/${colA}/graduates/${g.studentNumber}`, {
        method: 'PUT',
        headers: college(colA),
        json: makeGraduateInput({ graduationYear: 2026 }),
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'graduate_erased', field: 'studentNumber' });

      const row = await withClient(platform.db.url, async (client) => {
        const { rows } = await client.query(`SELECT * FROM "graduate-profiles".graduates WHERE id = $1`, [g.id]);
        return rows[0];
      });
      expect(row).toMatchObject({
        college_id: colA,
        department: '计算机学院',
        major_code: '080901',
        degree: 'bachelor',
        graduation_year: 2026,
        name: null,
        student_number: null,
        phone: null,
        email: null,
        skills: [],
        certificates: [],
        internships: [],
        preferences: {},
        gpa_percentile: null,
        consent_status: 'withdrawn',
      });
      expect(row.erased_at).toBeInstanceOf(Date);
      for (const personal of PERSONAL) expect(JSON.stringify(row)).not.toContain(personal);

      const events = await graduateEvents(g.id);
      expect(summary(events)).toEqual([
        'GraduateConsentChanged:given:graduate',
        'GraduateProfileUpserted:given',
        'GraduateErased',
      ]);
      expect(events[2].payload).toEqual({ graduateId: g.id, collegeId: colA, erasedAt: row.erased_at.toISOString() });
    });

    it('forgets the evidence references of the graduate’s destinations, keeping what statistics need', async () => {
      const g = await createGraduate(colA, { graduationYear: 2027 });
      const me = graduateOf(colA, g.id);
      const registered = await call(`/graduates/${g.id}/destinations`, {
        method: 'POST',
        headers: me,
        json: {
          categoryCode: '11',
          destinationDate: '2026-11-01',
          employerOrSchool: '杭州示例科技有限公司',
          cityCode: '330106',
          evidenceRef: '劳动合同-HZ-2026-0815',
        },
      });
      expect(registered.status).toBe(201);
      expect((await call(`/graduates/${g.id}`, { method: 'DELETE', headers: me })).status).toBe(204);
      const rows = await withClient(platform.db.url, async (client) => {
        const { rows } = await client.query(
          `SELECT category_code, employer_or_school, evidence_ref FROM "graduate-profiles".destinations WHERE graduate_id = $1`,
          [g.id],
        );
        return rows;
      });
      expect(rows).toEqual([{ category_code: '11', employer_or_school: '杭州示例科技有限公司', evidence_ref: null }]);
    });

    it('lets the college erase on the graduate’s documented request only (400 naming evidenceRef without it)', async () => {
      const g = await createGraduate();
      const noEvidence = await call(`/graduates/${g.id}`, { method: 'DELETE', headers: college(colA) });
      expect(noEvidence.status).toBe(400);
      expect(noEvidence.body.errors.map((e: Json) => e.field)).toEqual(['evidenceRef']);
      expect((await call(`/graduates/${g.id}`, { headers: college(colA) })).status).toBe(200);

      const res = await call(`/graduates/${g.id}?evidenceRef=${encodeURIComponent('删除申请-2027-0007')}`, {
        method: 'DELETE',
        headers: college(colA),
      });
      expect(res.status).toBe(204);
      const record = await withClient(platform.db.url, async (client) => {
        const { rows } = await client.query(
          `SELECT action, actor_role, evidence_ref FROM "graduate-profiles".consent_records WHERE graduate_id = $1`,
          [g.id],
        );
        return rows;
      });
      expect(record).toEqual([{ action: 'withdrawn', actor_role: 'college', evidence_ref: '删除申请-2027-0007' }]);
      expect(summary(await graduateEvents(g.id))).toEqual(['GraduateErased']);
    });

    it('lets no other college, graduate, enterprise or staff erase (404 / 403), and the graduate stays', async () => {
      const g = await createGraduate();
      expect(
        (await call(`/graduates/${g.id}?evidenceRef=x`, { method: 'DELETE', headers: college(colB) })).status,
      ).toBe(404);
      expect(
        (await call(`/graduates/${g.id}`, { method: 'DELETE', headers: graduateOf(colA, randomUUID()) })).status,
      ).toBe(404);
      for (const headers of [bearer('enterprise', 'ent-1'), bearer('organizer', 'org-1'), bearer('platform_admin')]) {
        expect((await call(`/graduates/${g.id}`, { method: 'DELETE', headers })).status).toBe(403);
      }
      expect((await call(`/graduates/${g.id}`, { headers: graduateOf(colA, g.id) })).status).toBe(200);
    });

    it('replays a retried erasure with the same Idempotency-Key as 204 instead of 404', async () => {
      const g = await createGraduate();
      const headers = { ...graduateOf(colA, g.id), 'idempotency-key': randomUUID() };
      expect((await call(`/graduates/${g.id}`, { method: 'DELETE', headers })).status).toBe(204);
      const retry = await call(`/graduates/${g.id}`, { method: 'DELETE', headers });
      expect(retry.status).toBe(204);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(summary(await graduateEvents(g.id))).toEqual(['GraduateErased']);
    });
  });
});
