import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { OutboxWriter } from '#messaging';
import { migrateSchema, serviceDataSourceOptions } from '#runtime';
import { createTestDatabase, type TestDatabase } from '#testing';
import { GraduateProfilesDatabase } from '../../database/graduate-profiles.database.js';
import { GraduateProfileInputDto } from '../dto/graduate-profile-input.dto.js';
import { GraduateEvents } from '../graduate-events.js';
import { checkGraduateContent, type NormalisedGraduateInput } from '../graduate-profile.rules.js';
import { GraduateWriterRepository } from '../graduate-writer.repository.js';
import { UpsertGraduatesUseCase } from './upsert-graduates.use-case.js';

const COLLEGE = 'college-upsert-test';

function input(studentNumber: string, overrides: Partial<GraduateProfileInputDto> = {}): NormalisedGraduateInput {
  const dto = plainToInstance(GraduateProfileInputDto, {
    studentNumber,
    name: '王小明',
    department: '计算机学院',
    major: { code: '080901', catalogueYear: 2025 },
    degree: 'bachelor',
    graduationYear: 2027,
    skills: ['Java', 'MySQL'],
    phone: '13812345678',
    ...overrides,
  });
  const { graduate, problems } = checkGraduateContent(dto, { departments: [] });
  expect(problems).toEqual([]);
  return graduate;
}

describe('UpsertGraduatesUseCase against PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let useCase: UpsertGraduatesUseCase;

  const outboxTypes = async (): Promise<{ key: string; version: number }[]> =>
    (
      await dataSource.query(
        `SELECT message_key AS key, (envelope->'payload'->'graduate'->>'version')::int AS version
         FROM "graduate-profiles".outbox ORDER BY id`,
      )
    ).map((r: { key: string; version: number }) => r);

  const giveConsent = (studentNumber: string) =>
    dataSource.query(
      `UPDATE "graduate-profiles".graduates SET consent_status = 'given' WHERE college_id = $1 AND student_number = $2`,
      [COLLEGE, studentNumber],
    );

  beforeAll(async () => {
    db = await createTestDatabase('upsert_graduates');
    dataSource = new DataSource({
      ...serviceDataSourceOptions(
        GraduateProfilesDatabase,
        { DATABASE_URL: db.url, DB_POOL_SIZE: 4, DB_STATEMENT_TIMEOUT_MS: 10_000, DB_CONNECT_TIMEOUT_MS: 5_000 },
        'upsert-int-spec',
      ),
      // One test breaks a check constraint on purpose; its failed query need not be printed.
      logging: false,
    });
    await dataSource.initialize();
    await migrateSchema(dataSource, 'graduate-profiles');
    await dataSource.query(
      `INSERT INTO "graduate-profiles".colleges (id, name, school_code, type, region_code, departments)
       VALUES ($1, '测试大学', '4133010001', 'undergraduate', '330106', '[]')`,
      [COLLEGE],
    );
    useCase = new UpsertGraduatesUseCase(
      dataSource,
      new GraduateWriterRepository(),
      new GraduateEvents(new OutboxWriter('graduate-profiles', 'graduate-profiles')),
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates, then leaves an identical batch alone: no write, no version bump, no event', async () => {
    const first = await useCase.execute(COLLEGE, [input('S001'), input('S002')]);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const [before] = await dataSource.query(
      `SELECT id, version, updated_at FROM "graduate-profiles".graduates WHERE student_number = 'S001'`,
    );

    const again = await useCase.execute(COLLEGE, [input('S001'), input('S002')]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, eventsWritten: 0 });
    expect(again.results.map((r) => r.graduateId)).toContain(before.id);
    const [after] = await dataSource.query(
      `SELECT id, version, updated_at FROM "graduate-profiles".graduates WHERE student_number = 'S001'`,
    );
    expect(after).toEqual(before);
  });

  it('sends nothing to matching for a graduate without consent, and the profile once consent is there', async () => {
    const noConsent = await useCase.execute(COLLEGE, [input('S010', { skills: ['Python'] })]);
    expect(noConsent.eventsWritten).toBe(0);

    await giveConsent('S010');
    const changed = await useCase.execute(COLLEGE, [input('S010', { skills: ['Python', 'SQL'] })]);
    expect(changed).toMatchObject({ updated: 1, eventsWritten: 1 });
    const events = (await outboxTypes()).filter((e) => e.key === changed.results[0]!.graduateId);
    expect(events).toEqual([{ key: changed.results[0]!.graduateId, version: 2 }]);
  });

  it('updates a change matching does not use (the phone) without an event', async () => {
    await useCase.execute(COLLEGE, [input('S020')]);
    await giveConsent('S020');
    const result = await useCase.execute(COLLEGE, [input('S020', { phone: '13900001111' })]);
    expect(result).toMatchObject({ updated: 1, eventsWritten: 0 });
    expect(result.results[0]).toMatchObject({ outcome: 'updated', matchingChanged: false });
  });

  it('keeps what the submission left out (preferences the graduate set) and normalises skill aliases', async () => {
    await useCase.execute(COLLEGE, [
      input('S030', { preferences: { cities: ['330100'], willingToRelocate: true }, skills: ['JS', ' javascript '] }),
    ]);
    const { preferences: _dropped, ...withoutPreferences } = input('S030', { skills: ['JS'] });
    const result = await useCase.execute(COLLEGE, [withoutPreferences]);
    expect(result.unchanged).toBe(1);
    const [row] = await dataSource.query(
      `SELECT skills, preferences FROM "graduate-profiles".graduates WHERE student_number = 'S030'`,
    );
    expect(row.skills).toEqual(['javascript']);
    expect(row.preferences).toMatchObject({ cities: ['330100'], willingToRelocate: true });
  });

  it('writes all of a batch or nothing', async () => {
    const bad = { ...input('S041'), majorCode: 'not-a-code' };
    await expect(useCase.execute(COLLEGE, [input('S040'), bad])).rejects.toThrow(/graduates_major_code_check/);
    const rows = await dataSource.query(
      `SELECT student_number FROM "graduate-profiles".graduates WHERE student_number IN ('S040', 'S041')`,
    );
    expect(rows).toEqual([]);
  });

  it('refuses a batch that repeats a student number', async () => {
    await expect(useCase.execute(COLLEGE, [input('S050'), input('S050')])).rejects.toThrow(/repeat/);
  });

  it('skips the student number of an erased graduate, so a re-upload cannot bring the profile back', async () => {
    await useCase.execute(COLLEGE, [input('S060'), input('S061')]);
    await dataSource.transaction((m) => new GraduateWriterRepository().suppressStudentNumber(m, COLLEGE, 'S060'));
    await dataSource.query(`DELETE FROM "graduate-profiles".graduates WHERE student_number = 'S060'`);

    const result = await useCase.execute(COLLEGE, [input('S060'), input('S061', { name: '王晓明' })]);
    expect(result).toMatchObject({ created: 0, updated: 1, erased: 1 });
    expect(result.results[0]).toMatchObject({ outcome: 'erased', graduate: null });
    const rows = await dataSource.query(
      `SELECT student_number FROM "graduate-profiles".graduates WHERE student_number IN ('S060', 'S061')`,
    );
    expect(rows).toEqual([{ student_number: 'S061' }]);
    // The digest is per college: the same student number elsewhere is someone else.
    const other = await new GraduateWriterRepository().suppressedAmong(dataSource.manager, 'another-college', ['S060']);
    expect(other.size).toBe(0);
  });

  it('lets two concurrent uploads of the same new rows create each graduate once', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => input(`C${String(i).padStart(3, '0')}`));
    const [a, b] = await Promise.all([
      useCase.execute(COLLEGE, batch, { correlationId: randomUUID() }),
      useCase.execute(COLLEGE, batch, { correlationId: randomUUID() }),
    ]);
    expect(a.created + b.created).toBe(50);
    expect(a.unchanged + b.unchanged).toBe(50);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM "graduate-profiles".graduates WHERE student_number LIKE 'C%'`,
    );
    expect(count).toBe(50);
  });
});
