import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PostingReports1732400003000 implements MigrationInterface {
  name = 'PostingReports1732400003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "demand-intake".posting_reports (
        id uuid PRIMARY KEY,
        demand_id uuid NOT NULL REFERENCES "demand-intake".demands (id),
        enterprise_id text NOT NULL,
        reporter_role text NOT NULL CHECK (reporter_role IN ('graduate', 'college')),
        reporter_subject text NOT NULL,
        reporter_org text,
        category text NOT NULL,
        detail text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('open', 'dismissed', 'actioned')),
        resolution_note text,
        resolved_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    // One open report per reporter and posting: a repeated click is not a second report.
    await runner.query(
      `CREATE UNIQUE INDEX posting_reports_open_once ON "demand-intake".posting_reports (demand_id, reporter_subject) WHERE status = 'open'`,
    );
    await runner.query(
      `CREATE INDEX posting_reports_status_idx ON "demand-intake".posting_reports (status, created_at DESC, id DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "demand-intake".posting_reports`);
  }
}
