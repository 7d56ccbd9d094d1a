import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cohort import jobs and their row errors. A job is durable: its counters and `checkpoint_row`
 * (the last file row whose outcome is committed) change in the same transaction as the rows of
 * each batch, so a job interrupted by a crash resumes after its checkpoint with exact counts.
 * `lease_owner`/`lease_expires_at` let one instance at a time work on a job.
 *
 * Row errors keep the cell as uploaded, except phone and e-mail, which are stored masked.
 */
export class GraduateImports1732500002000 implements MigrationInterface {
  name = 'GraduateImports1732500002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "graduate-profiles".import_jobs (
        id uuid NOT NULL,
        college_id text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        file_name text NOT NULL,
        file_format text NOT NULL,
        file_size bigint NOT NULL,
        stored_file text,
        requested_by text NOT NULL,
        requested_by_role text NOT NULL,
        correlation_id text NOT NULL,
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        events_written integer NOT NULL DEFAULT 0,
        checkpoint_row integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        lease_owner text,
        lease_expires_at timestamptz(3),
        failure_code text,
        failure_message text,
        failure_details jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3),
        finished_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT import_jobs_pkey PRIMARY KEY (id),
        CONSTRAINT import_jobs_college_fkey FOREIGN KEY (college_id) REFERENCES "graduate-profiles".colleges (id),
        CONSTRAINT import_jobs_status_check CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        CONSTRAINT import_jobs_file_format_check CHECK (file_format IN ('csv', 'xlsx')),
        CONSTRAINT import_jobs_counts_check CHECK (
          processed_rows >= 0 AND created >= 0 AND updated >= 0 AND unchanged >= 0 AND rejected >= 0
          AND error_count >= 0 AND events_written >= 0 AND checkpoint_row >= 0 AND attempts >= 0
          AND processed_rows = created + updated + unchanged + rejected),
        CONSTRAINT import_jobs_finished_check CHECK ((status IN ('completed', 'failed')) = (finished_at IS NOT NULL)),
        CONSTRAINT import_jobs_failure_check CHECK ((status = 'failed') = (failure_code IS NOT NULL))
      )`);
    // A college's job list, newest first.
    await runner.query(
      `CREATE INDEX import_jobs_college_idx ON "graduate-profiles".import_jobs (college_id, created_at DESC, id DESC)`,
    );
    // The runners' queue: only unfinished jobs.
    await runner.query(
      `CREATE INDEX import_jobs_pending_idx ON "graduate-profiles".import_jobs (created_at, id)
        WHERE status IN ('queued', 'running')`,
    );

    await runner.query(`
      CREATE TABLE "graduate-profiles".import_job_errors (
        id bigserial NOT NULL,
        job_id uuid NOT NULL,
        row_number integer NOT NULL,
        column_name text NOT NULL,
        field text NOT NULL,
        value text NOT NULL,
        message text NOT NULL,
        CONSTRAINT import_job_errors_pkey PRIMARY KEY (id),
        CONSTRAINT import_job_errors_job_fkey FOREIGN KEY (job_id)
          REFERENCES "graduate-profiles".import_jobs (id) ON DELETE CASCADE,
        CONSTRAINT import_job_errors_row_check CHECK (row_number >= 1)
      )`);
    // The report reads a job's errors in file order, a page at a time.
    await runner.query(
      `CREATE INDEX import_job_errors_job_idx ON "graduate-profiles".import_job_errors (job_id, row_number, id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "graduate-profiles".import_job_errors`);
    await runner.query(`DROP TABLE "graduate-profiles".import_jobs`);
  }
}
