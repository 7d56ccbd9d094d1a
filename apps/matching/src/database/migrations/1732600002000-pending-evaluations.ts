import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work the push planner still owes: a demand opened or changed, a graduate's profile or consent
 * changed. Written in the same transaction as the read-model change, deleted in the transaction
 * that writes the resulting recommendations, so a crash in between re-runs the evaluation instead
 * of losing the push.
 */
export class PendingEvaluations1732600002000 implements MigrationInterface {
  name = 'PendingEvaluations1732600002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE matching.pending_evaluations (
        subject_kind text NOT NULL,
        subject_id text NOT NULL,
        queued_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT pending_evaluations_pkey PRIMARY KEY (subject_kind, subject_id),
        CONSTRAINT pending_evaluations_kind_check CHECK (subject_kind IN ('demand', 'graduate'))
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE matching.pending_evaluations`);
  }
}
