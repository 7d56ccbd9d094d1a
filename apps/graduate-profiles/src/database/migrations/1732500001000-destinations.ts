import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 毕业去向 registrations and their audit history.
 *
 * A registration row is never changed after insert: a new registration supersedes it, and each
 * audit decision (confirm / return) is a row of its own with its time, so any past state
 * ("as of 2026-06-30") can be computed. The category code's meaning (group, counts as placed)
 * lives in the reference table, not here: a rule change does not rewrite history.
 */
export class Destinations1732500001000 implements MigrationInterface {
  name = 'Destinations1732500001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "graduate-profiles".destinations (
        id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        graduate_id uuid NOT NULL,
        college_id text NOT NULL,
        category_code text NOT NULL,
        destination_date date,
        employer_or_school text,
        city_code text,
        evidence_ref text,
        source text NOT NULL,
        recorded_by_role text NOT NULL,
        recorded_by text NOT NULL,
        enterprise_id text,
        demand_id text,
        recorded_at timestamptz(3) NOT NULL,
        CONSTRAINT destinations_pkey PRIMARY KEY (id),
        CONSTRAINT destinations_graduate_fkey FOREIGN KEY (graduate_id) REFERENCES "graduate-profiles".graduates (id),
        CONSTRAINT destinations_college_fkey FOREIGN KEY (college_id) REFERENCES "graduate-profiles".colleges (id),
        CONSTRAINT destinations_category_code_check CHECK (category_code ~ '^[0-9]{2,3}$'),
        CONSTRAINT destinations_employer_check CHECK (employer_or_school IS NULL OR char_length(employer_or_school) BETWEEN 1 AND 200),
        CONSTRAINT destinations_city_code_check CHECK (city_code IS NULL OR city_code ~ '^[0-9]{6}$'),
        CONSTRAINT destinations_evidence_check CHECK (evidence_ref IS NULL OR char_length(evidence_ref) BETWEEN 1 AND 200),
        CONSTRAINT destinations_source_check CHECK (source IN ('college', 'graduate', 'platform')),
        CONSTRAINT destinations_platform_check CHECK (
          (source = 'platform') = (enterprise_id IS NOT NULL AND demand_id IS NOT NULL))
      )`);
    // History newest first, and the "latest registration on or before D" of the placement report.
    await runner.query(
      `CREATE INDEX destinations_graduate_idx ON "graduate-profiles".destinations (graduate_id, recorded_at DESC, seq DESC)`,
    );
    // One platform record per hire (graduate, demand), however often matching announces it.
    await runner.query(
      `CREATE UNIQUE INDEX destinations_platform_hire_key ON "graduate-profiles".destinations (graduate_id, demand_id)
         WHERE source = 'platform'`,
    );

    await runner.query(`
      CREATE TABLE "graduate-profiles".destination_audits (
        id bigint GENERATED ALWAYS AS IDENTITY,
        destination_id uuid NOT NULL,
        decision text NOT NULL,
        category_code text NOT NULL,
        reason text,
        verification_number text,
        decided_by text NOT NULL,
        decided_at timestamptz(3) NOT NULL,
        CONSTRAINT destination_audits_pkey PRIMARY KEY (id),
        CONSTRAINT destination_audits_destination_fkey
          FOREIGN KEY (destination_id) REFERENCES "graduate-profiles".destinations (id),
        CONSTRAINT destination_audits_decision_check CHECK (decision IN ('confirm', 'return')),
        CONSTRAINT destination_audits_category_code_check CHECK (category_code ~ '^[0-9]{2,3}$'),
        CONSTRAINT destination_audits_reason_check CHECK (
          decision <> 'return' OR (reason IS NOT NULL AND char_length(reason) BETWEEN 1 AND 500)),
        CONSTRAINT destination_audits_verification_check CHECK (
          (decision = 'confirm') = (verification_number IS NOT NULL)),
        CONSTRAINT destination_audits_verification_format_check CHECK (
          verification_number IS NULL OR verification_number ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),
        CONSTRAINT destination_audits_verification_key UNIQUE (verification_number)
      )`);
    await runner.query(
      `CREATE INDEX destination_audits_destination_idx
         ON "graduate-profiles".destination_audits (destination_id, decided_at DESC, id DESC)`,
    );

    // Enterprise names from demand-intake's events, so a platform record can name the employer.
    await runner.query(`
      CREATE TABLE "graduate-profiles".enterprise_names (
        enterprise_id text NOT NULL,
        name text NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT enterprise_names_pkey PRIMARY KEY (enterprise_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "graduate-profiles".enterprise_names`);
    await runner.query(`DROP TABLE "graduate-profiles".destination_audits`);
    await runner.query(`DROP TABLE "graduate-profiles".destinations`);
  }
}
