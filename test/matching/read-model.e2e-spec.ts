import { randomUUID } from 'node:crypto';
import {
  createEnvelope,
  DemandClosedV1Contract,
  DemandPublishedV1Contract,
  DemandUpdatedV1Contract,
  DestinationRecordedV1Contract,
  GraduateConsentChangedV1Contract,
  GraduateErasedV1Contract,
  GraduateProfileUpsertedV1Contract,
  type DemandSnapshotV1,
  type EventContract,
  type GraduateSnapshotV1,
} from '#contracts';
import { expectEventually, startPlatform, testKafka, withClient, type TestPlatform } from '#testing';

type Json = Record<string, any>;

function demand(demandId: string, version: number, title = 'Java 开发工程师'): DemandSnapshotV1 {
  return {
    demandId,
    enterpriseId: 'ent-1',
    kind: 'job',
    title,
    occupationCode: null,
    industrySection: 'I',
    industryDivision: '65',
    headcount: 3,
    hiredCount: 0,
    majors: [{ code: '0809', catalogueYear: 2025 }],
    minDegree: 'bachelor',
    skills: [{ skillId: 'java', weight: 5, required: true }],
    certificates: [],
    cities: ['330100'],
    salaryMin: 8000,
    salaryMax: 12000,
    graduationYears: [2027],
    deadline: '2027-06-30',
    partnerCollegeIds: [],
    version,
  };
}

function graduate(graduateId: string, version: number, skills = ['java']): GraduateSnapshotV1 {
  return {
    graduateId,
    collegeId: 'college-1',
    major: { code: '080901', catalogueYear: 2025 },
    degree: 'bachelor',
    graduationYear: 2027,
    skills,
    certificates: [],
    internships: [],
    gpaPercentile: 80,
    preferences: {
      cities: ['330100'],
      industries: [],
      demandKinds: [],
      minMonthlySalary: null,
      willingToRelocate: false,
    },
    personalisedRanking: true,
    consentStatus: 'given',
    version,
  };
}

describe('matching: read model fed by events', () => {
  let platform: TestPlatform;
  const producer = testKafka('read-model-e2e').producer();

  async function send<T extends object>(contract: EventContract<T>, payload: T): Promise<void> {
    const envelope = createEnvelope(contract, payload, { producer: 'demand-intake', correlationId: randomUUID() });
    await producer.send({
      topic: `${platform.topicPrefix}.${contract.topic}`,
      messages: [{ key: contract.keyOf(payload), value: JSON.stringify(envelope) }],
    });
  }

  const query = (sql: string, params: unknown[] = []): Promise<Json[]> =>
    withClient(platform.db.url, async (c) => (await c.query(sql, params)).rows);

  beforeAll(async () => {
    platform = await startPlatform('matching_read_model', ['matching']);
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await platform?.stop();
  });

  it('keeps the newest version of a demand and follows its status', async () => {
    const id = `d-${randomUUID()}`;
    await send(DemandPublishedV1Contract, { demand: demand(id, 2), publishedAt: new Date().toISOString() });
    await send(DemandUpdatedV1Contract, {
      demand: demand(id, 4, '高级 Java 工程师'),
      updatedAt: new Date().toISOString(),
    });
    // A stale update (version 3) after version 4 changes nothing.
    await send(DemandUpdatedV1Contract, { demand: demand(id, 3, '过期标题'), updatedAt: new Date().toISOString() });
    await expectEventually(async () => {
      const [row] = await query(
        `SELECT status, version, snapshot->>'title' AS title FROM matching.demands WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ status: 'open', version: 4, title: '高级 Java 工程师' });
    });
    await send(DemandClosedV1Contract, {
      demandId: id,
      enterpriseId: 'ent-1',
      reason: 'withdrawn' as const,
      version: 5,
      closedAt: new Date().toISOString(),
    });
    await expectEventually(async () => {
      expect(await query(`SELECT status, version FROM matching.demands WHERE id = $1`, [id])).toEqual([
        { status: 'closed', version: 5 },
      ]);
    });
  });

  it('drops the profile when consent is withdrawn, and forgets an erased graduate for good', async () => {
    const id = randomUUID();
    await send(GraduateProfileUpsertedV1Contract, { graduate: graduate(id, 1), upsertedAt: new Date().toISOString() });
    await expectEventually(async () => {
      const [row] = await query(
        `SELECT consent_status, snapshot->'skills' AS skills FROM matching.graduates WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ consent_status: 'given', skills: ['java'] });
    });

    const consent = (status: 'given' | 'withdrawn') => ({
      graduateId: id,
      collegeId: 'college-1',
      scope: 'recommend' as const,
      status,
      actor: 'graduate' as const,
      changedAt: new Date().toISOString(),
    });
    await send(GraduateConsentChangedV1Contract, consent('withdrawn'));
    await expectEventually(async () => {
      expect(await query(`SELECT consent_status, snapshot FROM matching.graduates WHERE id = $1`, [id])).toEqual([
        { consent_status: 'withdrawn', snapshot: null },
      ]);
    });

    await send(GraduateErasedV1Contract, {
      graduateId: id,
      collegeId: 'college-1',
      erasedAt: new Date().toISOString(),
    });
    // A profile event for an erased graduate (e.g. replayed from an old offset) does not bring it back.
    await send(GraduateProfileUpsertedV1Contract, { graduate: graduate(id, 9), upsertedAt: new Date().toISOString() });
    const marker = randomUUID();
    await send(GraduateProfileUpsertedV1Contract, {
      graduate: graduate(marker, 1),
      upsertedAt: new Date().toISOString(),
    });
    await expectEventually(async () => {
      expect(await query(`SELECT id FROM matching.graduates WHERE id = $1`, [marker])).toHaveLength(1);
    });
    expect(await query(`SELECT id FROM matching.graduates WHERE id = $1`, [id])).toEqual([]);
    expect(await query(`SELECT graduate_id FROM matching.erased_graduates WHERE graduate_id = $1`, [id])).toHaveLength(
      1,
    );
  });

  it('takes the latest destination: placed, then returned by the college is available again', async () => {
    const id = randomUUID();
    await send(GraduateProfileUpsertedV1Contract, { graduate: graduate(id, 1), upsertedAt: new Date().toISOString() });
    const destination = (status: 'pending' | 'returned', at: string) => ({
      destinationId: 'dest-1',
      graduateId: id,
      collegeId: 'college-1',
      categoryCode: '11',
      countsAsPlaced: true,
      source: 'platform' as const,
      status,
      employerOrSchool: '某科技有限公司',
      cityCode: '330100',
      enterpriseId: 'ent-1',
      demandId: 'd-1',
      recordedAt: at,
    });
    await send(DestinationRecordedV1Contract, destination('pending', '2027-07-01T02:00:00.000Z'));
    await expectEventually(async () => {
      expect(await query(`SELECT placed FROM matching.placements WHERE graduate_id = $1`, [id])).toEqual([
        { placed: true },
      ]);
    });
    await send(DestinationRecordedV1Contract, destination('returned', '2027-07-02T02:00:00.000Z'));
    // An older record arriving late does not win.
    await send(DestinationRecordedV1Contract, destination('pending', '2027-06-30T02:00:00.000Z'));
    await expectEventually(async () => {
      expect(await query(`SELECT placed, recorded_at FROM matching.placements WHERE graduate_id = $1`, [id])).toEqual([
        { placed: false, recorded_at: new Date('2027-07-02T02:00:00.000Z') },
      ]);
    });
  });
});
