import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Demands1732400001000 implements MigrationInterface {
  name = 'Demands1732400001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "demand-intake".demands (
        id uuid PRIMARY KEY,
        enterprise_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('job', 'internship', 'apprenticeship', 'order_training')),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        occupation_code text,
        headcount integer NOT NULL CHECK (headcount > 0),
        hired_count integer NOT NULL DEFAULT 0 CHECK (hired_count >= 0),
        majors jsonb NOT NULL,
        min_degree text NOT NULL,
        skills jsonb NOT NULL,
        certificates text[] NOT NULL,
        cities text[] NOT NULL,
        salary_min integer NOT NULL,
        salary_max integer NOT NULL,
        graduation_years integer[] NOT NULL,
        deadline date NOT NULL,
        kind_details jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'paused', 'closed', 'filled')),
        close_reason text CHECK (close_reason IN ('withdrawn', 'expired', 'filled')),
        pause_cause text,
        version integer NOT NULL,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (salary_min <= salary_max)
      )`);
    await runner.query(`CREATE INDEX demands_enterprise_idx ON "demand-intake".demands (enterprise_id, created_at)`);
    await runner.query(`CREATE INDEX demands_status_deadline_idx ON "demand-intake".demands (status, deadline)`);
    await runner.query(`CREATE INDEX demands_list_idx ON "demand-intake".demands (created_at DESC, id DESC)`);
    await runner.query(`CREATE INDEX demands_majors_idx ON "demand-intake".demands USING gin (majors jsonb_path_ops)`);
    await runner.query(`
      CREATE TABLE "demand-intake".demand_hires (
        demand_id uuid NOT NULL REFERENCES "demand-intake".demands (id),
        graduate_id text NOT NULL,
        hired_at timestamptz NOT NULL,
        PRIMARY KEY (demand_id, graduate_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "demand-intake".demand_hires`);
    await runner.query(`DROP TABLE "demand-intake".demands`);
  }
}
