import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 毕业去向 registrations and their audit history. */
export class Destinations1732500001000 implements MigrationInterface {
  name = 'Destinations1732500001000';

  async up(_runner: QueryRunner): Promise<void> {}

  async down(_runner: QueryRunner): Promise<void> {}
}
