import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { GraduateEntity } from './graduate.entity.js';

const TABLE = '"graduate-profiles".graduates';
const ROW_TYPE = `NULL::${TABLE}`;

/** Columns written by upserts, as (column, entity property). */
const WRITTEN: readonly (readonly [string, keyof GraduateEntity])[] = [
  ['id', 'id'],
  ['college_id', 'collegeId'],
  ['student_number', 'studentNumber'],
  ['name', 'name'],
  ['department', 'department'],
  ['major_code', 'majorCode'],
  ['major_name', 'majorName'],
  ['major_catalogue_year', 'majorCatalogueYear'],
  ['degree', 'degree'],
  ['graduation_year', 'graduationYear'],
  ['skills', 'skills'],
  ['certificates', 'certificates'],
  ['internships', 'internships'],
  ['gpa_percentile', 'gpaPercentile'],
  ['preferences', 'preferences'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['personalised_ranking', 'personalisedRanking'],
  ['consent_status', 'consentStatus'],
  ['content_hash', 'contentHash'],
  ['matching_hash', 'matchingHash'],
  ['version', 'version'],
  ['updated_at', 'updatedAt'],
];
const COLUMNS = WRITTEN.map(([column]) => column).join(', ');

/** What is kept of an erased graduate's student number: enough to recognise it, nothing to read. */
export function studentNumberDigest(collegeId: string, studentNumber: string): string {
  return createHash('sha256').update(`${collegeId}\u0000${studentNumber}`).digest('hex');
}

/** Rows as JSON objects keyed by column, for jsonb_populate_recordset (one parameter, any batch size). */
function asRecordset(graduates: readonly GraduateEntity[]): string {
  return JSON.stringify(
    graduates.map((g) => Object.fromEntries(WRITTEN.map(([column, property]) => [column, g[property]]))),
  );
}

/**
 * The SQL of writing graduate profiles in batches (API upserts and cohort imports): one statement
 * per batch and kind of write, so 100,000 rows cost a few hundred round trips, not 100,000.
 */
@Injectable()
export class GraduateWriterRepository {
  /**
   * Serialises profile writes per college until the transaction ends, so two uploads of one cohort
   * cannot both insert the same student number.
   */
  async lockCollegeCohort(manager: EntityManager, collegeId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`graduates:${collegeId}`]);
  }

  async findByStudentNumbers(
    manager: EntityManager,
    collegeId: string,
    studentNumbers: readonly string[],
  ): Promise<GraduateEntity[]> {
    if (studentNumbers.length === 0) return [];
    return manager
      .getRepository(GraduateEntity)
      .createQueryBuilder('g')
      .where('g.college_id = :collegeId AND g.student_number = ANY(:studentNumbers)', {
        collegeId,
        studentNumbers: [...studentNumbers],
      })
      .getMany();
  }

  async insertMany(manager: EntityManager, graduates: readonly GraduateEntity[]): Promise<void> {
    if (graduates.length === 0) return;
    await manager.query(
      `INSERT INTO ${TABLE} (${COLUMNS})
       SELECT ${COLUMNS} FROM jsonb_populate_recordset(${ROW_TYPE}, $1::jsonb)`,
      [asRecordset(graduates)],
    );
  }

  async updateMany(manager: EntityManager, graduates: readonly GraduateEntity[]): Promise<void> {
    if (graduates.length === 0) return;
    const assignments = WRITTEN.filter(([column]) => column !== 'id' && column !== 'college_id')
      .map(([column]) => `${column} = r.${column}`)
      .join(', ');
    await manager.query(
      `UPDATE ${TABLE} AS g SET ${assignments}
       FROM jsonb_populate_recordset(${ROW_TYPE}, $1::jsonb) AS r
       WHERE g.id = r.id AND g.college_id = r.college_id`,
      [asRecordset(graduates)],
    );
  }

  /** Remembers an erased graduate's student number (as a digest) so no upload recreates the profile. */
  async suppressStudentNumber(manager: EntityManager, collegeId: string, studentNumber: string): Promise<void> {
    await manager.query(
      `INSERT INTO "graduate-profiles".erased_student_numbers (college_id, student_number_digest)
       VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [collegeId, studentNumberDigest(collegeId, studentNumber)],
    );
  }

  /** The student numbers among these that belong to erased graduates. */
  async suppressedAmong(
    manager: EntityManager,
    collegeId: string,
    studentNumbers: readonly string[],
  ): Promise<Set<string>> {
    if (studentNumbers.length === 0) return new Set();
    const byDigest = new Map(studentNumbers.map((n) => [studentNumberDigest(collegeId, n), n]));
    const rows: { student_number_digest: string }[] = await manager.query(
      `SELECT student_number_digest FROM "graduate-profiles".erased_student_numbers
       WHERE college_id = $1 AND student_number_digest = ANY($2)`,
      [collegeId, [...byDigest.keys()]],
    );
    return new Set(rows.map((r) => byDigest.get(r.student_number_digest)!));
  }
}
