import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RecommendationsRepository, type Recommendation } from '../recommendations/recommendations.repository.js';

export interface ShortlistStanding {
  size: number;
  lowestScore: number;
  graduateIds: Set<string>;
  /** 1-based rank a new score would take among the demand's recommendations. */
  rankFor(score: number): number;
}

/** The push planner's SQL: its work queue and the batching of incremental pushes. */
@Injectable()
export class PushPlannerRepository {
  constructor(private readonly recommendations: RecommendationsRepository) {}

  /** Claims queued evaluations (deleted with the transaction that handles them; skipped if another instance holds them). */
  async takeQueued(m: EntityManager, limit: number): Promise<{ kind: 'demand' | 'graduate'; id: string }[]> {
    // DELETE … RETURNING comes back from TypeORM as [rows, affected].
    const [rows] = (await m.query(
      `DELETE FROM matching.pending_evaluations
       WHERE (subject_kind, subject_id) IN (
         SELECT subject_kind, subject_id FROM matching.pending_evaluations
         ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING subject_kind, subject_id`,
      [limit],
    )) as [{ subject_kind: 'demand' | 'graduate'; subject_id: string }[], number];
    // Demands first: a demand's shortlist is the baseline incremental pushes compare against.
    return rows
      .map((r) => ({ kind: r.subject_kind, id: r.subject_id }))
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'demand' ? -1 : 1));
  }

  async shortlistStanding(m: EntityManager, demandId: string): Promise<ShortlistStanding> {
    const rows: { graduate_id: string; score: number }[] = await m.query(
      `SELECT graduate_id, score::float8 AS score FROM matching.recommendations WHERE demand_id = $1`,
      [demandId],
    );
    const scores = rows.map((r) => r.score).sort((a, b) => b - a);
    return {
      size: rows.length,
      lowestScore: scores.length ? scores[scores.length - 1]! : 0,
      graduateIds: new Set(rows.map((r) => r.graduate_id)),
      rankFor: (score) => scores.filter((s) => s >= score).length + 1,
    };
  }

  async markPushed(m: EntityManager, ids: readonly string[]): Promise<Recommendation[]> {
    if (ids.length === 0) return [];
    const [rows] = (await m.query(
      `UPDATE matching.recommendations SET pushed_at = now() WHERE id = ANY($1::uuid[]) AND pushed_at IS NULL RETURNING id`,
      [[...ids]],
    )) as [{ id: string }[], number];
    const pushed: Recommendation[] = [];
    for (const { id } of rows) pushed.push((await this.recommendations.findById(m, id))!);
    return pushed;
  }

  /** Demands whose oldest waiting incremental recommendation is older than the batching window. */
  async demandsWithDueBatches(m: EntityManager, dueBefore: Date): Promise<string[]> {
    const rows: { demand_id: string }[] = await m.query(
      `SELECT demand_id FROM matching.recommendations
       WHERE pushed_at IS NULL AND status = 'recommended'
       GROUP BY demand_id HAVING min(created_at) <= $1 ORDER BY min(created_at)`,
      [dueBefore],
    );
    return rows.map((r) => r.demand_id);
  }

  /** The demand's waiting recommendations, locked so two instances cannot push the same batch. */
  async takeUnpushed(m: EntityManager, demandId: string): Promise<{ id: string }[]> {
    return m.query(
      `SELECT id FROM matching.recommendations WHERE demand_id = $1 AND pushed_at IS NULL AND status = 'recommended'
       ORDER BY score DESC, id FOR UPDATE SKIP LOCKED`,
      [demandId],
    );
  }
}
