import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Student numbers whose graduates asked to be erased, as digests only: a college re-uploading its
 * whole cohort must not bring an erased graduate back. The digest keeps no name or contact.
 */
export class ErasedStudentNumbers1732500004000 implements MigrationInterface {
  name = 'ErasedStudentNumbers1732500004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "graduate-profiles".erased_student_numbers (
        college_id text NOT NULL,
        student_number_digest text NOT NULL,
        erased_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT erased_student_numbers_pkey PRIMARY KEY (college_id, student_number_digest)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "graduate-profiles".erased_student_numbers`);
  }
}
