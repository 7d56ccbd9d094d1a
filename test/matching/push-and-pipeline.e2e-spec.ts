import { randomUUID } from 'node:crypto';
import {
  createEnvelope,
  DemandPublishedV1Contract,
  GraduateConsentChangedV1Contract,
  GraduateProfileUpsertedV1Contract,
  TOPICS,
  type DemandSnapshotV1,
  type EventContract,
  type GraduateSnapshotV1,
} from '#contracts';
import {
  expectEventually,
  readTopic,
  startPlatform,
  testKafka,
  tokenFor,
  type ServiceProcess,
  type TestPlatform,
} from '#testing';

type Json = Record<string, any>;

const ENTERPRISE = 'ent-push';

function demand(demandId: string, overrides: Partial<DemandSnapshotV1> = {}): DemandSnapshotV1 {
  return {
    demandId,
    enterpriseId: ENTERPRISE,
    kind: 'job',
    title: 'Java 开发工程师',
    occupationCode: null,
    industrySection: 'I',
    industryDivision: '65',
    headcount: 2,
    hiredCount: 0,
    majors: [{ code: '0809', catalogueYear: 2025 }],
    minDegree: 'bachelor',
    skills: [
      { skillId: 'java', weight: 5, required: true },
      { skillId: 'mysql', weight: 3, required: false },
    ],
    certificates: [],
    cities: ['330100'],
    salaryMin: 8000,
    salaryMax: 12000,
    graduationYears: [2027],
    deadline: '2099-06-30',
    partnerCollegeIds: [],
    version: 1,
    ...overrides,
  };
}

function graduate(graduateId: string, overrides: Partial<GraduateSnapshotV1> = {}): GraduateSnapshotV1 {
  return {
    graduateId,
    collegeId: 'college-1',
    major: { code: '080901', catalogueYear: 2025 },
    degree: 'bachelor',
    graduationYear: 2027,
    skills: ['java', 'mysql'],
    certificates: [],
    internships: [{ industrySection: 'I', months: 6 }],
    gpaPercentile: 90,
    preferences: {
      cities: ['330100'],
      industries: ['I'],
      demandKinds: ['job'],
      minMonthlySalary: 8000,
      willingToRelocate: false,
    },
    personalisedRanking: true,
    consentStatus: 'given',
    version: 1,
    ...overrides,
  };
}

describe('matching: pushes and the double opt-in pipeline over the broker', () => {
  let platform: TestPlatform;
  let matching: ServiceProcess;
  const producer = testKafka('push-e2e').producer();

  async function send<T extends object>(contract: EventContract<T>, payload: T): Promise<void> {
    const envelope = createEnvelope(contract, payload, { producer: 'graduate-profiles', correlationId: randomUUID() });
    await producer.send({
      topic: `${platform.topicPrefix}.${contract.topic}`,
      messages: [{ key: contract.keyOf(payload), value: JSON.stringify(envelope) }],
    });
  }

  async function call(path: string, token: string, init: { method?: string; json?: unknown } = {}) {
    const res = await matching.request(path, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}` },
      json: init.json,
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  const asEnterprise = () => tokenFor('enterprise', ENTERPRISE);
  const asGraduate = (id: string) => tokenFor('graduate', 'college-1', id);

  /** Recommendation events (type and payload) for one demand, as they are on the topic. */
  async function recommendationEvents(demandId: string, atLeast: number): Promise<{ type: string; payload: Json }[]> {
    const messages = await readTopic(`${platform.topicPrefix}.${TOPICS.recommendations}`, 10_000, 3_000);
    const events = messages
      .filter((m) => m.key === demandId)
      .map((m) => JSON.parse(m.value!) as { eventType: string; payload: Json })
      .map((e) => ({ type: e.eventType, payload: e.payload }));
    expect(events.length).toBeGreaterThanOrEqual(atLeast);
    return events;
  }

  beforeAll(async () => {
    platform = await startPlatform('matching_push', ['matching'], {
      matching: {
        PUSH_BATCH_WINDOW_MS: '1500',
        PUSH_PLANNER_INTERVAL_MS: '200',
        RECOMMENDATION_MIN_SCORE: '30',
        SHORTLIST_SIZE: '5',
      },
    });
    matching = platform.service('matching');
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await platform?.stop();
  });

  it('pushes the shortlist once, never a graduate without consent, then one incremental push for a later profile', async () => {
    const strong = randomUUID();
    const noConsent = randomUUID();
    const otherMajor = randomUUID();
    await send(GraduateProfileUpsertedV1Contract, { graduate: graduate(strong), upsertedAt: new Date().toISOString() });
    // Would rank first (every skill, top GPA) but has no consent: never ranked, never pushed.
    await send(GraduateProfileUpsertedV1Contract, {
      graduate: graduate(noConsent, { consentStatus: 'none', gpaPercentile: 100, certificates: ['软件设计师'] }),
      upsertedAt: new Date().toISOString(),
    });
    // Outside the demand's 专业类 (0809): filtered out.
    await send(GraduateProfileUpsertedV1Contract, {
      graduate: graduate(otherMajor, { major: { code: '050201', catalogueYear: 2025 } }),
      upsertedAt: new Date().toISOString(),
    });

    const demandId = `d-${randomUUID()}`;
    await send(DemandPublishedV1Contract, { demand: demand(demandId), publishedAt: new Date().toISOString() });

    await expectEventually(async () => {
      const events = await recommendationEvents(demandId, 1);
      expect(events.map((e) => e.type)).toEqual(['CandidatesRecommended']);
      expect(events[0]!.payload).toMatchObject({
        kind: 'shortlist',
        enterpriseId: ENTERPRISE,
        demandTitle: 'Java 开发工程师',
      });
      expect(events[0]!.payload.candidates.map((c: Json) => c.graduateId)).toEqual([strong]);
      const candidate = events[0]!.payload.candidates[0];
      expect(candidate).toMatchObject({ rank: 1, matchedSkills: ['java', 'mysql'], missingSkills: [] });
      expect(JSON.stringify(candidate)).not.toMatch(/name|phone|email|studentNumber/);
    });

    const ranked = await call(`/demands/${demandId}/candidates`, asEnterprise());
    expect(ranked.status).toBe(200);
    expect(ranked.body.items).toHaveLength(1);
    expect(ranked.body.items[0]).not.toHaveProperty('graduateId');
    const points = ranked.body.items[0].factors.reduce((sum: number, f: Json) => sum + f.points, 0);
    expect(points).toBeCloseTo(ranked.body.items[0].score, 1);
    expect(ranked.body.items[0].factors.map((f: Json) => f.label)).toContain('技能匹配');

    // Another enterprise does not learn the demand exists.
    expect((await call(`/demands/${demandId}/candidates`, tokenFor('enterprise', 'ent-other'))).status).toBe(404);

    const later = randomUUID();
    await send(GraduateProfileUpsertedV1Contract, { graduate: graduate(later), upsertedAt: new Date().toISOString() });
    await expectEventually(async () => {
      const events = await recommendationEvents(demandId, 2);
      expect(events.map((e) => e.type)).toEqual(['CandidatesRecommended', 'CandidatesRecommended']);
      expect(events[1]!.payload.kind).toBe('incremental');
      expect(events[1]!.payload.candidates.map((c: Json) => c.graduateId)).toEqual([later]);
    });
    // Re-sending the same profile (e.g. a redelivery or an unrelated change) never recommends twice.
    await send(GraduateProfileUpsertedV1Contract, {
      graduate: graduate(later, { version: 2, gpaPercentile: 95 }),
      upsertedAt: new Date().toISOString(),
    });
    await new Promise((r) => setTimeout(r, 2500));
    expect((await recommendationEvents(demandId, 2)).filter((e) => e.type === 'CandidatesRecommended')).toHaveLength(2);
  });

  it('withdraws the recommendation when consent is withdrawn, and the graduate leaves the ranking', async () => {
    const g = randomUUID();
    await send(GraduateProfileUpsertedV1Contract, { graduate: graduate(g), upsertedAt: new Date().toISOString() });
    const demandId = `d-${randomUUID()}`;
    await send(DemandPublishedV1Contract, { demand: demand(demandId), publishedAt: new Date().toISOString() });
    await expectEventually(async () => {
      const ranked = await call(`/demands/${demandId}/recommendations`, asEnterprise());
      expect(ranked.body.items.length).toBeGreaterThan(0);
    });
    await send(GraduateConsentChangedV1Contract, {
      graduateId: g,
      collegeId: 'college-1',
      scope: 'recommend',
      status: 'withdrawn',
      actor: 'graduate',
      changedAt: new Date().toISOString(),
    });
    await expectEventually(async () => {
      const events = await recommendationEvents(demandId, 3);
      const withdrawn = events.filter((e) => e.type === 'RecommendationWithdrawn');
      expect(withdrawn).toHaveLength(1);
      expect(withdrawn[0]!.payload).toMatchObject({ graduateId: g, reason: 'consent_withdrawn' });
      // Gone from the index: nothing is matched for them any more.
      const opportunities = await call(`/graduates/${g}/opportunities`, asGraduate(g));
      expect(opportunities.status).toBe(409);
      const recs = await call(`/demands/${demandId}/recommendations?status=withdrawn`, asEnterprise());
      expect(recs.body.items).toHaveLength(1);
    });
  });

  it('walks the pipeline: anonymous until the graduate accepts, every step announced, one standing hire', async () => {
    const g = randomUUID();
    await send(GraduateProfileUpsertedV1Contract, {
      graduate: graduate(g, { collegeId: 'college-pipeline' }),
      upsertedAt: new Date().toISOString(),
    });
    const first = `d-${randomUUID()}`;
    const second = `d-${randomUUID()}`;
    await send(DemandPublishedV1Contract, { demand: demand(first), publishedAt: new Date().toISOString() });
    await send(DemandPublishedV1Contract, { demand: demand(second), publishedAt: new Date().toISOString() });
    const recOf = async (demandId: string): Promise<Json> => {
      let found: Json | undefined;
      await expectEventually(async () => {
        const list = await call(`/demands/${demandId}/recommendations`, asEnterprise());
        found = list.body.items.find(
          (r: Json) => r.status === 'recommended' && r.candidate.collegeId === 'college-pipeline',
        );
        expect(found).toBeDefined();
      });
      return found!;
    };
    const rec = await recOf(first);
    expect(rec).not.toHaveProperty('graduateId');
    expect(rec.identityVisible).toBe(false);

    const act = (id: string, action: string, token: string) =>
      call(`/recommendations/${id}/${action}`, token, { method: 'POST', json: {} });

    // Wrong side and wrong order are refused, naming what is allowed.
    expect((await act(rec.id, 'accept', asEnterprise())).status).toBe(403);
    const early = await act(rec.id, 'hire', asEnterprise());
    expect(early.status).toBe(409);
    expect(early.body.allowedActions).toEqual(['view', 'invite', 'reject']);
    // Another graduate or enterprise does not see it.
    expect((await act(rec.id, 'view', tokenFor('enterprise', 'ent-other'))).status).toBe(404);

    expect((await act(rec.id, 'view', asEnterprise())).body.status).toBe('viewed');
    const invited = await act(rec.id, 'invite', asEnterprise());
    expect(invited.body).toMatchObject({ status: 'invited', identityVisible: false });
    expect(invited.body.invitationExpiresAt).toBeTruthy();

    // The graduate sees the invitation, and accepts (consent to reveal identity to this enterprise).
    const invitations = await call(`/graduates/${g}/invitations`, asGraduate(g));
    expect(invitations.body.items.map((r: Json) => r.id)).toEqual([rec.id]);
    expect((await call(`/graduates/${g}/invitations`, asGraduate(randomUUID()))).status).toBe(404);
    const accepted = await act(rec.id, 'accept', asGraduate(g));
    expect(accepted.body).toMatchObject({ status: 'accepted', identityVisible: true, graduateId: g });
    const seen = await call(`/recommendations/${rec.id}`, asEnterprise());
    expect(seen.body).toMatchObject({ identityVisible: true, graduateId: g });

    for (const [action, status] of [
      ['interview', 'interviewing'],
      ['offer', 'offered'],
      ['hire', 'hired'],
    ] as const) {
      expect((await act(rec.id, action, asEnterprise())).body.status).toBe(status);
    }

    // The same graduate cannot be hired twice while the first hire stands.
    const other = await recOf(second);
    await act(other.id, 'invite', asEnterprise());
    await act(other.id, 'accept', asGraduate(g));
    await act(other.id, 'offer', asEnterprise());
    const secondHire = await act(other.id, 'hire', asEnterprise());
    expect(secondHire.status).toBe(409);
    expect(secondHire.body.code).toBe('graduate_already_hired');

    await expectEventually(async () => {
      const events = await recommendationEvents(first, 7);
      const statuses = events.filter((e) => e.type === 'CandidateStatusChanged').map((e) => e.payload.status);
      expect(statuses).toEqual(['viewed', 'invited', 'accepted', 'interviewing', 'offered', 'hired']);
      const hires = events.filter((e) => e.type === 'CandidateHired');
      expect(hires).toHaveLength(1);
      expect(hires[0]!.payload).toMatchObject({ demandId: first, graduateId: g, enterpriseId: ENTERPRISE });
    });
  });
});
