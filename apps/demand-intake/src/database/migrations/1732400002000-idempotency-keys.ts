import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idempotencyTablesDown, idempotencyTablesUp } from '#runtime';

export class IdempotencyKeys1732400002000 implements MigrationInterface {
  name = 'IdempotencyKeys1732400002000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of idempotencyTablesUp('demand-intake')) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of idempotencyTablesDown('demand-intake')) await runner.query(sql);
  }
}
