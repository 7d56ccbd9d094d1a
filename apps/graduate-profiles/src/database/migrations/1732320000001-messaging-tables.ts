import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#messaging';
import { canaryTablesDown, canaryTablesUp } from '#runtime';

export class MessagingTables1732320000001 implements MigrationInterface {
  name = 'MessagingTables1732320000001';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of [...messagingTablesUp('graduate-profiles'), ...canaryTablesUp('graduate-profiles')])
      await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of [...canaryTablesDown('graduate-profiles'), ...messagingTablesDown('graduate-profiles')])
      await runner.query(sql);
  }
}
