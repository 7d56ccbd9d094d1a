import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recommendations and the double opt-in pipeline. One row per (demand, graduate), ever: a graduate
 * is never recommended twice for the same demand. Every status change is kept in the history.
 */
export class Recommendations1732600001000 implements MigrationInterface {
  name = 'Recommendations1732600001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE matching.recommendations (
        id uuid NOT NULL,
        demand_id text NOT NULL,
        enterprise_id text NOT NULL,
        graduate_id text NOT NULL,
        college_id text NOT NULL,
        status text NOT NULL DEFAULT 'recommended',
        score numeric(5,2) NOT NULL,
        rank integer NOT NULL,
        candidate jsonb NOT NULL,
        origin text NOT NULL,
        pushed_at timestamptz(3),
        invited_at timestamptz(3),
        invitation_expires_at timestamptz(3),
        reminder_sent_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT recommendations_pkey PRIMARY KEY (id),
        CONSTRAINT recommendations_demand_graduate_key UNIQUE (demand_id, graduate_id),
        CONSTRAINT recommendations_origin_check CHECK (origin IN ('shortlist', 'incremental')),
        CONSTRAINT recommendations_status_check CHECK (status IN (
          'recommended', 'viewed', 'invited', 'accepted', 'declined', 'interviewing', 'offered', 'hired',
          'rejected', 'withdrawn', 'expired'))
      )`);
    await runner.query(`CREATE INDEX recommendations_demand_idx ON matching.recommendations (demand_id, rank, id)`);
    await runner.query(`CREATE INDEX recommendations_graduate_idx ON matching.recommendations (graduate_id)`);
    // Pushes not yet sent, per demand (the batching window), and invitations to remind or expire.
    await runner.query(
      `CREATE INDEX recommendations_unpushed_idx ON matching.recommendations (demand_id) WHERE pushed_at IS NULL`,
    );
    await runner.query(
      `CREATE INDEX recommendations_invited_idx ON matching.recommendations (invitation_expires_at) WHERE status = 'invited'`,
    );
    // At most one hire per graduate that still stands (a second hire waits until the first is withdrawn).
    await runner.query(
      `CREATE UNIQUE INDEX recommendations_one_hire_idx ON matching.recommendations (graduate_id) WHERE status = 'hired'`,
    );
    await runner.query(`
      CREATE TABLE matching.recommendation_history (
        id bigserial NOT NULL,
        recommendation_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_role text NOT NULL,
        actor_id text,
        reason text,
        changed_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT recommendation_history_pkey PRIMARY KEY (id),
        CONSTRAINT recommendation_history_fkey FOREIGN KEY (recommendation_id) REFERENCES matching.recommendations (id)
      )`);
    await runner.query(
      `CREATE INDEX recommendation_history_idx ON matching.recommendation_history (recommendation_id, id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE matching.recommendation_history`);
    await runner.query(`DROP TABLE matching.recommendations`);
  }
}
