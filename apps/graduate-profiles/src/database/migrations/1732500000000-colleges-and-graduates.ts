import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idempotencyTablesDown, idempotencyTablesUp } from '#runtime';

/**
 * 院校, 毕业生, consent history and the audit of contact reveals. Checks repeat the API's format
 * rules so a bad row cannot get in by another path; catalogue existence is the service's job.
 *
 * Minimum collection (PIPL): no national ID, ethnicity or photo columns, on purpose.
 * After erasure a graduate row keeps only what placement statistics need (college, department,
 * major, degree, cohort) and `erased_at`; every personal column is nulled.
 */
export class CollegesAndGraduates1732500000000 implements MigrationInterface {
  name = 'CollegesAndGraduates1732500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "graduate-profiles".colleges (
        id text NOT NULL,
        name text NOT NULL,
        school_code text NOT NULL,
        type text NOT NULL,
        region_code text NOT NULL,
        departments jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT colleges_pkey PRIMARY KEY (id),
        CONSTRAINT colleges_school_code_key UNIQUE (school_code),
        CONSTRAINT colleges_id_check CHECK (char_length(id) BETWEEN 1 AND 200),
        CONSTRAINT colleges_name_check CHECK (char_length(name) BETWEEN 1 AND 100),
        CONSTRAINT colleges_school_code_check CHECK (school_code ~ '^[0-9]{10}$'),
        CONSTRAINT colleges_type_check CHECK (type IN ('undergraduate', 'higher_vocational', 'secondary_vocational')),
        CONSTRAINT colleges_region_code_check CHECK (region_code ~ '^[0-9]{6}$'),
        CONSTRAINT colleges_departments_check CHECK (jsonb_typeof(departments) = 'array'),
        CONSTRAINT colleges_version_check CHECK (version >= 1)
      )`);

    await runner.query(`
      CREATE TABLE "graduate-profiles".graduates (
        id uuid NOT NULL,
        college_id text NOT NULL,
        student_number text,
        name text,
        department text NOT NULL,
        major_code text NOT NULL,
        major_name text NOT NULL,
        major_catalogue_year integer NOT NULL,
        degree text NOT NULL,
        graduation_year integer NOT NULL,
        skills jsonb NOT NULL DEFAULT '[]',
        certificates jsonb NOT NULL DEFAULT '[]',
        internships jsonb NOT NULL DEFAULT '[]',
        gpa_percentile numeric(5,2),
        preferences jsonb NOT NULL DEFAULT '{}',
        phone text,
        email text,
        personalised_ranking boolean NOT NULL DEFAULT true,
        consent_status text NOT NULL DEFAULT 'none',
        consent_changed_at timestamptz(3),
        erased_at timestamptz(3),
        content_hash text NOT NULL,
        matching_hash text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT graduates_pkey PRIMARY KEY (id),
        CONSTRAINT graduates_college_fkey FOREIGN KEY (college_id) REFERENCES "graduate-profiles".colleges (id),
        CONSTRAINT graduates_student_number_key UNIQUE (college_id, student_number),
        CONSTRAINT graduates_degree_check
          CHECK (degree IN ('secondary_vocational', 'associate', 'bachelor', 'master', 'doctor')),
        CONSTRAINT graduates_major_code_check CHECK (major_code ~ '^[0-9]{6}(T|K|TK)?$'),
        CONSTRAINT graduates_graduation_year_check CHECK (graduation_year BETWEEN 1990 AND 2100),
        CONSTRAINT graduates_gpa_percentile_check CHECK (gpa_percentile IS NULL OR gpa_percentile BETWEEN 0 AND 100),
        CONSTRAINT graduates_consent_status_check CHECK (consent_status IN ('none', 'given', 'withdrawn')),
        CONSTRAINT graduates_erased_check CHECK (
          erased_at IS NULL OR (name IS NULL AND student_number IS NULL AND phone IS NULL AND email IS NULL
                                AND consent_status <> 'given')),
        CONSTRAINT graduates_version_check CHECK (version >= 1)
      )`);
    // Colleges list their cohort newest first; placement reports group within a college.
    await runner.query(
      `CREATE INDEX graduates_college_idx ON "graduate-profiles".graduates (college_id, graduation_year, created_at DESC, id DESC)`,
    );

    await runner.query(`
      CREATE TABLE "graduate-profiles".consent_records (
        id bigserial NOT NULL,
        graduate_id uuid NOT NULL,
        scope text NOT NULL,
        action text NOT NULL,
        actor_role text NOT NULL,
        actor_id text NOT NULL,
        evidence_ref text,
        recorded_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT consent_records_pkey PRIMARY KEY (id),
        CONSTRAINT consent_records_graduate_fkey FOREIGN KEY (graduate_id) REFERENCES "graduate-profiles".graduates (id),
        CONSTRAINT consent_records_scope_check CHECK (scope IN ('recommend')),
        CONSTRAINT consent_records_action_check CHECK (action IN ('given', 'withdrawn')),
        CONSTRAINT consent_records_evidence_check CHECK (actor_role <> 'college' OR action <> 'given' OR evidence_ref IS NOT NULL)
      )`);
    await runner.query(
      `CREATE INDEX consent_records_graduate_idx ON "graduate-profiles".consent_records (graduate_id, id)`,
    );

    await runner.query(`
      CREATE TABLE "graduate-profiles".contact_reveals (
        id bigserial NOT NULL,
        graduate_id uuid NOT NULL,
        viewer_role text NOT NULL,
        viewer_id text NOT NULL,
        viewer_org_id text,
        fields jsonb NOT NULL,
        reason text NOT NULL,
        revealed_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT contact_reveals_pkey PRIMARY KEY (id)
      )`);
    await runner.query(
      `CREATE INDEX contact_reveals_graduate_idx ON "graduate-profiles".contact_reveals (graduate_id, id)`,
    );

    // Enterprises a graduate accepted (from matching's CandidateStatusChangedV1): they may see contacts.
    await runner.query(`
      CREATE TABLE "graduate-profiles".accepted_enterprises (
        graduate_id uuid NOT NULL,
        enterprise_id text NOT NULL,
        demand_id text NOT NULL,
        accepted_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        CONSTRAINT accepted_enterprises_pkey PRIMARY KEY (graduate_id, enterprise_id, demand_id)
      )`);

    for (const sql of idempotencyTablesUp('graduate-profiles')) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of idempotencyTablesDown('graduate-profiles')) await runner.query(sql);
    await runner.query(`DROP TABLE "graduate-profiles".accepted_enterprises`);
    await runner.query(`DROP TABLE "graduate-profiles".contact_reveals`);
    await runner.query(`DROP TABLE "graduate-profiles".consent_records`);
    await runner.query(`DROP TABLE "graduate-profiles".graduates`);
    await runner.query(`DROP TABLE "graduate-profiles".colleges`);
  }
}
