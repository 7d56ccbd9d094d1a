import { randomUUID } from 'node:crypto';
import { CandidateHiredV1Contract, createEnvelope, TOPICS } from '#contracts';
import {
  bearer,
  expectEventually,
  makeDemandInput,
  makeEnterpriseInput,
  readTopic,
  startPlatform,
  testKafka,
  withClient,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';

type Json = Record<string, any>;

describe('demand intake: demands', () => {
  let platform: TestPlatform;
  let di: ServiceProcess;
  const entA = `ent-a-${randomUUID().slice(0, 8)}`;
  const entB = `ent-b-${randomUUID().slice(0, 8)}`;
  const asA = () => bearer('enterprise', entA);
  const asB = () => bearer('enterprise', entB);
  const asOrganizer = () => bearer('organizer', 'org-1');

  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => di.json(path, init);

  const demandTopic = () => `${platform.topicPrefix}.${TOPICS.demands}`;
  async function demandEvents(demandId: string, atLeast = 0): Promise<string[]> {
    const messages = await readTopic(demandTopic(), 100_000, atLeast ? 4_000 : 2_500);
    return messages
      .filter((m) => m.key === demandId)
      .sort((a, b) => Number(a.offset) - Number(b.offset))
      .map((m) => (JSON.parse(m.value!) as { eventType: string }).eventType);
  }

  async function createDemand(headers: Record<string, string>, overrides: Json = {}) {
    const res = await call('/demands', { method: 'POST', headers, json: makeDemandInput(overrides) });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    platform = await startPlatform('demands', ['demand-intake'], {
      'demand-intake': { DEMAND_EXPIRY_INTERVAL_MS: '1000' },
    });
    di = platform.service('demand-intake');
    for (const [org, verify] of [
      [entA, true],
      [entB, false],
    ] as const) {
      const reg = await call('/enterprises', {
        method: 'POST',
        headers: bearer('enterprise', org),
        json: makeEnterpriseInput(),
      });
      expect(reg.status).toBe(201);
      if (verify) {
        const v = await call(`/enterprises/${org}/verification`, {
          method: 'POST',
          headers: asOrganizer(),
          json: { decision: 'verified' },
        });
        expect(v.status).toBeLessThan(300);
      }
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  describe('field rules', () => {
    it.each([
      ['title', { title: '' }],
      ['headcount', { headcount: 0 }],
      ['majors', { majors: [] }],
      ['majors.0.code', { majors: [{ code: '089999', catalogueYear: 2025 }] }],
      ['majors.0.code', { majors: [{ code: '08X', catalogueYear: 2025 }] }],
      ['minDegree', { minDegree: 'phd' }],
      ['skills.0.weight', { skills: [{ name: 'Java', weight: 9, required: true }] }],
      [
        'skills.1.name',
        {
          skills: [
            { name: 'JS', weight: 3, required: true },
            { name: 'javascript', weight: 2, required: false },
          ],
        },
      ],
      ['cities.0', { cities: ['999999'] }],
      ['cities', { cities: [] }],
      ['salaryMin', { salaryMin: 20000, salaryMax: 10000 }],
      ['deadline', { deadline: '2020-01-01' }],
      ['deadline', { deadline: '30/06/2027' }],
      ['graduationYears', { graduationYears: [] }],
      ['internship', { kind: 'internship' }],
      [
        'orderTraining',
        {
          orderTraining: {
            partnerCollegeIds: ['c1'],
            cohortSize: 10,
            trainingStartTerm: '2027-秋',
            hireCommitment: '全部录用',
          },
        },
      ],
      [
        'orderTraining.trainingStartTerm',
        {
          kind: 'order_training',
          orderTraining: {
            partnerCollegeIds: ['c1'],
            cohortSize: 10,
            trainingStartTerm: 'autumn',
            hireCommitment: '全部录用',
          },
        },
      ],
      ['occupationCode', { occupationCode: '9-99-99-99' }],
      ['kind', { kind: 'gig' }],
      ['surprise', { surprise: true }],
    ])('a bad %s is a 400 naming the field', async (field, overrides) => {
      const res = await call('/demands', { method: 'POST', headers: asA(), json: makeDemandInput(overrides) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    });

    it('normalises skill aliases', async () => {
      const d = await createDemand(asA(), { skills: [{ name: ' JS ', weight: 3, required: true }] });
      expect(d.skills).toEqual([{ skillId: 'javascript', weight: 3, required: true }]);
    });
  });

  describe('lifecycle and events', () => {
    it('runs draft → published ⇄ paused → closed with one event per visible change', async () => {
      const d = await createDemand(asA());
      expect(d.status).toBe('draft');
      expect((await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asA() })).body.status).toBe(
        'published',
      );
      expect((await call(`/demands/${d.id}/pause`, { method: 'POST', headers: asA() })).body.status).toBe('paused');
      expect((await call(`/demands/${d.id}/resume`, { method: 'POST', headers: asA() })).body.status).toBe('published');
      const closed = await call(`/demands/${d.id}/close`, { method: 'POST', headers: asA(), json: {} });
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'withdrawn', version: 5 });

      const refused = await call(`/demands/${d.id}/resume`, { method: 'POST', headers: asA() });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'invalid_demand_transition', allowedTransitions: [] });

      await expectEventually(async () => {
        expect(await demandEvents(d.id)).toEqual([
          'DemandPublished',
          'DemandPaused',
          'DemandPublished',
          'DemandClosed',
        ]);
      });
    });

    it('refuses a transition that is not allowed and names the allowed ones', async () => {
      const d = await createDemand(asA());
      const res = await call(`/demands/${d.id}/pause`, { method: 'POST', headers: asA() });
      expect(res.status).toBe(409);
      expect(res.body.allowedTransitions).toEqual(['publish', 'close']);
    });

    it("keeps a pending enterprise's published demand from matching until the enterprise is verified", async () => {
      const d = await createDemand(asB());
      expect((await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asB() })).status).toBe(200);
      expect(await demandEvents(d.id)).toEqual([]);
      const v = await call(`/enterprises/${entB}/verification`, {
        method: 'POST',
        headers: asOrganizer(),
        json: { decision: 'verified' },
      });
      expect(v.status).toBeLessThan(300);
      await expectEventually(async () => expect(await demandEvents(d.id)).toEqual(['DemandPublished']));
    });

    it('a refused change writes no event', async () => {
      const d = await createDemand(asA());
      await withClient(platform.db.url, (c) =>
        c.query(`UPDATE "demand-intake".demands SET deadline = '2020-01-01' WHERE id = $1`, [d.id]),
      );
      const res = await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asA() });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'demand_deadline_passed', field: 'deadline' });
      expect(await demandEvents(d.id, 1)).toEqual([]);
    });
  });

  describe('optimistic concurrency', () => {
    it('updates with the current ETag, refuses a stale one with 412 and a missing one with 428', async () => {
      const d = await createDemand(asA());
      await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asA() });
      const stale = await call(`/demands/${d.id}`, {
        method: 'PATCH',
        headers: { ...asA(), 'if-match': '"1"' },
        json: { headcount: 9 },
      });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
      const missing = await call(`/demands/${d.id}`, { method: 'PATCH', headers: asA(), json: { headcount: 9 } });
      expect(missing.status).toBe(428);
      const ok = await call(`/demands/${d.id}`, {
        method: 'PATCH',
        headers: { ...asA(), 'if-match': '"2"' },
        json: { headcount: 9 },
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).toBe('"3"');
      expect((await call(`/demands/${d.id}`, { headers: asA() })).body.headcount).toBe(9);
      await expectEventually(async () =>
        expect(await demandEvents(d.id)).toEqual(['DemandPublished', 'DemandUpdated']),
      );
      const kind = await call(`/demands/${d.id}`, {
        method: 'PATCH',
        headers: { ...asA(), 'if-match': '"3"' },
        json: { kind: 'internship' },
      });
      expect(kind.status).toBe(400);
    });
  });

  describe('idempotency keys', () => {
    it('returns the first response for a retried POST and refuses the key with another body', async () => {
      const key = randomUUID();
      const body = makeDemandInput({ title: `幂等 ${key}` });
      const first = await call('/demands', {
        method: 'POST',
        headers: { ...asA(), 'idempotency-key': key },
        json: body,
      });
      const again = await call('/demands', {
        method: 'POST',
        headers: { ...asA(), 'idempotency-key': key },
        json: body,
      });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      const list = await call(`/demands?q=${encodeURIComponent(`幂等 ${key}`)}`, { headers: asA() });
      expect(list.body.items).toHaveLength(1);
      const other = await call('/demands', {
        method: 'POST',
        headers: { ...asA(), 'idempotency-key': key },
        json: { ...body, headcount: 7 },
      });
      expect(other.status).toBe(422);
    });
  });

  describe('access', () => {
    it("keeps one enterprise out of another's demands: 404 to read, change or publish, absent from lists", async () => {
      const d = await createDemand(asA());
      expect((await call(`/demands/${d.id}`, { headers: asB() })).status).toBe(404);
      expect(
        (
          await call(`/demands/${d.id}`, {
            method: 'PATCH',
            headers: { ...asB(), 'if-match': '"1"' },
            json: { headcount: 2 },
          })
        ).status,
      ).toBe(404);
      expect((await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asB() })).status).toBe(404);
      const listB = await call(`/demands?limit=100`, { headers: asB() });
      expect((listB.body.items as Json[]).every((i) => i.enterpriseId === entB)).toBe(true);
      const listBAsksA = await call(`/demands?enterpriseId=${entA}`, { headers: asB() });
      expect(listBAsksA.body.items).toEqual([]);
    });

    it('shows colleges published demands but never drafts, and graduates only published ones', async () => {
      const draft = await createDemand(asA());
      const pub = await createDemand(asA());
      await call(`/demands/${pub.id}/publish`, { method: 'POST', headers: asA() });
      const college = bearer('college', 'college-1');
      expect((await call(`/demands/${draft.id}`, { headers: college })).status).toBe(404);
      expect((await call(`/demands/${pub.id}`, { headers: college })).status).toBe(200);
      const graduate = bearer('graduate', 'college-1');
      expect((await call(`/demands/${pub.id}`, { headers: graduate })).status).toBe(200);
      const listed = await call(`/demands?limit=100`, { headers: college });
      expect((listed.body.items as Json[]).some((i) => i.status === 'draft')).toBe(false);
    });
  });

  describe('listing', () => {
    it('filters by kind, major, region and text, and pages with a stable cursor', async () => {
      const tag = randomUUID().slice(0, 8);
      const made: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        made.push(
          (await createDemand(asA(), { title: `列表 ${tag} ${i}`, cities: i % 2 ? ['330106'] : ['110101'] })).id,
        );
      }
      const page1 = await call(`/demands?q=${tag}&limit=2`, { headers: asA() });
      const page2 = await call(`/demands?q=${tag}&limit=2&cursor=${page1.body.nextCursor}`, { headers: asA() });
      const page3 = await call(`/demands?q=${tag}&limit=2&cursor=${page2.body.nextCursor}`, { headers: asA() });
      const ids = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((i: Json) => i.id);
      expect(ids.sort()).toEqual([...made].sort());
      expect(page3.body.nextCursor).toBeNull();
      const hangzhou = await call(`/demands?q=${tag}&region=330100`, { headers: asA() });
      expect(hangzhou.body.items).toHaveLength(2);
      const major = await call(`/demands?q=${tag}&major=080901`, { headers: asA() });
      expect(major.body.items).toHaveLength(5);
      const none = await call(`/demands?q=${tag}&major=1001`, { headers: asA() });
      expect(none.body.items).toHaveLength(0);
      const bad = await call(`/demands?cursor=garbage`, { headers: asA() });
      expect(bad.status).toBe(400);
    });
  });

  describe('deadlines and hires', () => {
    it('closes a published demand whose deadline passed, on its own', async () => {
      const d = await createDemand(asA());
      await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asA() });
      await withClient(platform.db.url, (c) =>
        c.query(`UPDATE "demand-intake".demands SET deadline = '2020-01-01' WHERE id = $1`, [d.id]),
      );
      await expectEventually(async () => {
        expect((await call(`/demands/${d.id}`, { headers: asA() })).body).toMatchObject({
          status: 'closed',
          closeReason: 'expired',
        });
      });
      await expectEventually(async () => expect(await demandEvents(d.id)).toEqual(['DemandPublished', 'DemandClosed']));
    });

    it('counts each hire once and marks the demand filled at headcount', async () => {
      const d = await createDemand(asA(), { headcount: 2 });
      await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asA() });
      const producer = testKafka().producer();
      await producer.connect();
      const hire = (graduateId: string) =>
        JSON.stringify(
          createEnvelope(
            CandidateHiredV1Contract,
            { demandId: d.id, enterpriseId: entA, graduateId, hiredAt: new Date().toISOString() },
            { producer: 'matching', correlationId: randomUUID() },
          ),
        );
      const topic = `${platform.topicPrefix}.${TOPICS.recommendations}`;
      // g1 twice (two different events): counted once.
      await producer.send({
        topic,
        messages: [hire('g1'), hire('g1'), hire('g2'), hire('g3')].map((value) => ({ key: d.id, value })),
      });
      await producer.disconnect();
      await expectEventually(async () => {
        expect((await call(`/demands/${d.id}`, { headers: asA() })).body).toMatchObject({
          status: 'filled',
          hiredCount: 3,
          closeReason: 'filled',
        });
      });
      await expectEventually(async () => expect(await demandEvents(d.id)).toEqual(['DemandPublished', 'DemandClosed']));
    });
  });

  describe('posting reports', () => {
    it('lets graduates and colleges report a posting once, and organizers review it', async () => {
      const d = await createDemand(asA());
      await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asA() });
      const graduate = bearer('graduate', 'college-1');
      const first = await call(`/demands/${d.id}/reports`, {
        method: 'POST',
        headers: graduate,
        json: { category: 'misleading_salary', detail: '面试时说薪资只有一半' },
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        category: 'misleading_salary',
        categoryLabel: '薪酬信息不实',
        status: 'open',
      });
      const again = await call(`/demands/${d.id}/reports`, {
        method: 'POST',
        headers: graduate,
        json: { category: 'fake' },
      });
      expect(again.status).toBe(409);
      const bad = await call(`/demands/${d.id}/reports`, {
        method: 'POST',
        headers: graduate,
        json: { category: 'boring' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('category');

      const draft = await createDemand(asA());
      expect(
        (await call(`/demands/${draft.id}/reports`, { method: 'POST', headers: graduate, json: { category: 'fake' } }))
          .status,
      ).toBe(404);
      expect(
        (await call(`/demands/${d.id}/reports`, { method: 'POST', headers: asB(), json: { category: 'fake' } })).status,
      ).toBe(403);

      const list = await call(`/posting-reports?status=open&demandId=${d.id}`, { headers: asOrganizer() });
      expect(list.body.items.map((r: Json) => r.id)).toEqual([first.body.id]);
      expect(list.body.openByEnterprise).toEqual(expect.arrayContaining([{ enterpriseId: entA, open: 1 }]));
      expect((await call('/posting-reports', { headers: asA() })).status).toBe(403);

      const resolved = await call(`/posting-reports/${first.body.id}/resolution`, {
        method: 'POST',
        headers: asOrganizer(),
        json: { outcome: 'actioned', note: '已约谈企业' },
      });
      expect(resolved.body).toMatchObject({ status: 'actioned', resolutionNote: '已约谈企业' });
      expect(
        (
          await call(`/posting-reports/${first.body.id}/resolution`, {
            method: 'POST',
            headers: asOrganizer(),
            json: { outcome: 'dismissed' },
          })
        ).status,
      ).toBe(409);
    });
  });

  describe('enterprise suspension', () => {
    it('pauses every published demand of a suspended enterprise and resumes them on reinstatement', async () => {
      const d = await createDemand(asA());
      await call(`/demands/${d.id}/publish`, { method: 'POST', headers: asA() });
      const s = await call(`/enterprises/${entA}/suspension`, {
        method: 'POST',
        headers: asOrganizer(),
        json: { reason: '虚假招聘举报核实' },
      });
      expect(s.status).toBeLessThan(300);
      expect((await call(`/demands/${d.id}`, { headers: asA() })).body).toMatchObject({
        status: 'paused',
        pauseCause: 'enterprise_suspended',
      });
      expect((await call(`/demands/${d.id}/resume`, { method: 'POST', headers: asA() })).status).toBe(409);
      const r = await call(`/enterprises/${entA}/suspension`, { method: 'DELETE', headers: asOrganizer() });
      expect(r.status).toBeLessThan(300);
      expect((await call(`/demands/${d.id}`, { headers: asA() })).body.status).toBe('published');
      await expectEventually(async () =>
        expect(await demandEvents(d.id)).toEqual(['DemandPublished', 'DemandPaused', 'DemandPublished']),
      );
    });
  });
});
