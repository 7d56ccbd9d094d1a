import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#messaging';
import { canaryTablesDown, canaryTablesUp } from '#runtime';

export class MessagingTables1732320000003 implements MigrationInterface {
  name = 'MessagingTables1732320000003';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of [...messagingTablesUp('notifications'), ...canaryTablesUp('notifications')])
      await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of [...canaryTablesDown('notifications'), ...messagingTablesDown('notifications')])
      await runner.query(sql);
  }
}
