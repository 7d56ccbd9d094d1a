import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching's own copy of what it ranks, fed only by events: open demands and consenting graduates
 * (snapshots as the producers sent them, with the version that guards against stale events),
 * placements, and tombstones of erased graduates so a late event cannot bring one back.
 */
export class ReadModel1732600000000 implements MigrationInterface {
  name = 'ReadModel1732600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE matching.demands (
        id text NOT NULL,
        enterprise_id text NOT NULL,
        status text NOT NULL,
        snapshot jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT demands_pkey PRIMARY KEY (id),
        CONSTRAINT demands_status_check CHECK (status IN ('open', 'paused', 'closed'))
      )`);
    await runner.query(`CREATE INDEX demands_open_idx ON matching.demands (id) WHERE status = 'open'`);
    await runner.query(`
      CREATE TABLE matching.graduates (
        id text NOT NULL,
        college_id text NOT NULL,
        snapshot jsonb,
        consent_status text NOT NULL DEFAULT 'none',
        version integer NOT NULL DEFAULT 0,
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT graduates_pkey PRIMARY KEY (id),
        CONSTRAINT graduates_consent_status_check CHECK (consent_status IN ('none', 'given', 'withdrawn'))
      )`);
    await runner.query(`
      CREATE TABLE matching.placements (
        graduate_id text NOT NULL,
        destination_id text NOT NULL,
        placed boolean NOT NULL,
        recorded_at timestamptz(3) NOT NULL,
        CONSTRAINT placements_pkey PRIMARY KEY (graduate_id)
      )`);
    await runner.query(`
      CREATE TABLE matching.erased_graduates (
        graduate_id text NOT NULL,
        erased_at timestamptz(3) NOT NULL,
        CONSTRAINT erased_graduates_pkey PRIMARY KEY (graduate_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE matching.erased_graduates`);
    await runner.query(`DROP TABLE matching.placements`);
    await runner.query(`DROP TABLE matching.graduates`);
    await runner.query(`DROP TABLE matching.demands`);
  }
}
