import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 企业 table. The checks repeat the API's format rules so a bad row cannot get in by another
 * path; existence in the official catalogues is checked by the service (the catalogues change).
 * Constraint names are referred to by EnterprisesRepository to map conflicts to 409s.
 */
export class Enterprises1732400000000 implements MigrationInterface {
  name = 'Enterprises1732400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "demand-intake".enterprises (
        id text NOT NULL,
        name text NOT NULL,
        credit_code text NOT NULL,
        industry_section text NOT NULL,
        industry_division text NOT NULL,
        region_code text NOT NULL,
        size text NOT NULL,
        integration_certified boolean NOT NULL DEFAULT false,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        contact_email text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        status_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT enterprises_pkey PRIMARY KEY (id),
        CONSTRAINT enterprises_credit_code_key UNIQUE (credit_code),
        CONSTRAINT enterprises_id_check CHECK (char_length(id) BETWEEN 1 AND 200),
        CONSTRAINT enterprises_name_check CHECK (char_length(name) BETWEEN 1 AND 100),
        CONSTRAINT enterprises_credit_code_check
          CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
        CONSTRAINT enterprises_industry_section_check CHECK (industry_section ~ '^[A-T]$'),
        CONSTRAINT enterprises_industry_division_check CHECK (industry_division ~ '^[0-9]{2}$'),
        CONSTRAINT enterprises_region_code_check CHECK (region_code ~ '^[0-9]{6}$'),
        CONSTRAINT enterprises_size_check CHECK (size IN ('large', 'medium', 'small', 'micro')),
        CONSTRAINT enterprises_status_check CHECK (status IN ('pending', 'verified', 'rejected', 'suspended')),
        CONSTRAINT enterprises_version_check CHECK (version >= 1)
      )`);
    // The list endpoint pages newest first by (created_at, id), optionally within one status.
    await runner.query(
      `CREATE INDEX enterprises_created_idx ON "demand-intake".enterprises (created_at DESC, id DESC)`,
    );
    await runner.query(
      `CREATE INDEX enterprises_status_created_idx ON "demand-intake".enterprises (status, created_at DESC, id DESC)`,
    );
    // Province / city prefix filters ('33', '3301') use LIKE 'prefix%'.
    await runner.query(
      `CREATE INDEX enterprises_region_idx ON "demand-intake".enterprises (region_code text_pattern_ops)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE "demand-intake".enterprises`);
  }
}
