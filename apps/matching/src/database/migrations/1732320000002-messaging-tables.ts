import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#messaging';
import { canaryTablesDown, canaryTablesUp } from '#runtime';

export class MessagingTables1732320000002 implements MigrationInterface {
  name = 'MessagingTables1732320000002';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of [...messagingTablesUp('matching'), ...canaryTablesUp('matching')]) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of [...canaryTablesDown('matching'), ...messagingTablesDown('matching')]) await runner.query(sql);
  }
}
