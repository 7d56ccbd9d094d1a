import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cohort import jobs and their row errors. */
export class GraduateImports1732500002000 implements MigrationInterface {
  name = 'GraduateImports1732500002000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
