import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#messaging';
import { canaryTablesDown, canaryTablesUp } from '#runtime';

export class MessagingTables1732320000000 implements MigrationInterface {
  name = 'MessagingTables1732320000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of [...messagingTablesUp('demand-intake'), ...canaryTablesUp('demand-intake')])
      await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of [...canaryTablesDown('demand-intake'), ...messagingTablesDown('demand-intake')])
      await runner.query(sql);
  }
}
