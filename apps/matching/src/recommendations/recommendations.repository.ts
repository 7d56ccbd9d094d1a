import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CandidateStatus, RecommendedCandidateV1 } from '#contracts';

/** What the enterprise may see of a candidate before acceptance: RecommendedCandidateV1 without ids. */
export type AnonymousCandidate = Omit<RecommendedCandidateV1, 'recommendationId' | 'graduateId' | 'rank'>;

export interface Recommendation {
  id: string;
  demandId: string;
  enterpriseId: string;
  graduateId: string;
  collegeId: string;
  status: CandidateStatus;
  score: number;
  rank: number;
  candidate: AnonymousCandidate;
  origin: 'shortlist' | 'incremental';
  pushedAt: Date | null;
  invitedAt: Date | null;
  invitationExpiresAt: Date | null;
  reminderSentAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewRecommendation {
  id: string;
  demandId: string;
  enterpriseId: string;
  graduateId: string;
  collegeId: string;
  score: number;
  rank: number;
  candidate: AnonymousCandidate;
  origin: 'shortlist' | 'incremental';
}

export interface HistoryEntry {
  fromStatus: CandidateStatus | null;
  toStatus: CandidateStatus;
  actorRole: string;
  actorId: string | null;
  reason: string | null;
  changedAt: Date;
}

const SELECT = `SELECT id, demand_id AS "demandId", enterprise_id AS "enterpriseId", graduate_id AS "graduateId",
  college_id AS "collegeId", status, score::float8 AS score, rank, candidate, origin, pushed_at AS "pushedAt",
  invited_at AS "invitedAt", invitation_expires_at AS "invitationExpiresAt", reminder_sent_at AS "reminderSentAt",
  version, created_at AS "createdAt", updated_at AS "updatedAt"
  FROM matching.recommendations`;

/** Statuses in which a recommendation is still running (not final, not hired). */
export const OPEN_STATUSES: readonly CandidateStatus[] = [
  'recommended',
  'viewed',
  'invited',
  'accepted',
  'interviewing',
  'offered',
];

@Injectable()
export class RecommendationsRepository {
  /** Inserts those not recommended before; returns the ones inserted (a graduate is never recommended twice). */
  async insertNew(m: EntityManager, rows: readonly NewRecommendation[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO matching.recommendations
         (id, demand_id, enterprise_id, graduate_id, college_id, score, rank, candidate, origin)
       SELECT r.id, r.demand_id, r.enterprise_id, r.graduate_id, r.college_id, r.score, r.rank, r.candidate, r.origin
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, demand_id text, enterprise_id text, graduate_id text,
         college_id text, score numeric, rank int, candidate jsonb, origin text)
       ON CONFLICT (demand_id, graduate_id) DO NOTHING
       RETURNING id`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            demand_id: r.demandId,
            enterprise_id: r.enterpriseId,
            graduate_id: r.graduateId,
            college_id: r.collegeId,
            score: r.score,
            rank: r.rank,
            candidate: r.candidate,
            origin: r.origin,
          })),
        ),
      ],
    );
    return new Set(inserted.map((r) => r.id));
  }

  async findById(m: EntityManager, id: string, lock = false): Promise<Recommendation | null> {
    const rows: Recommendation[] = await m.query(`${SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async graduatesRecommendedFor(m: EntityManager, demandId: string): Promise<Set<string>> {
    const rows: { graduate_id: string }[] = await m.query(
      `SELECT graduate_id FROM matching.recommendations WHERE demand_id = $1`,
      [demandId],
    );
    return new Set(rows.map((r) => r.graduate_id));
  }

  async listForDemand(
    m: EntityManager,
    demandId: string,
    page: { after?: { rank: number; id: string }; limit: number; statuses?: CandidateStatus[] },
  ): Promise<Recommendation[]> {
    const params: unknown[] = [demandId, page.limit];
    let where = 'demand_id = $1 AND pushed_at IS NOT NULL';
    if (page.statuses?.length) {
      params.push(page.statuses);
      where += ` AND status = ANY($${params.length})`;
    }
    if (page.after) {
      params.push(page.after.rank, page.after.id);
      where += ` AND (rank, id) > ($${params.length - 1}, $${params.length}::uuid)`;
    }
    return m.query(`${SELECT} WHERE ${where} ORDER BY rank, id LIMIT $2`, params);
  }

  /** Every invitation a graduate received, newest first (a graduate always sees where each stands). */
  async invitationsOf(m: EntityManager, graduateId: string): Promise<Recommendation[]> {
    return m.query(`${SELECT} WHERE graduate_id = $1 AND invited_at IS NOT NULL ORDER BY invited_at DESC, id`, [
      graduateId,
    ]);
  }

  async openOfGraduate(m: EntityManager, graduateId: string, exceptId?: string): Promise<Recommendation[]> {
    return m.query(
      `${SELECT} WHERE graduate_id = $1 AND status = ANY($2) AND id <> COALESCE($3::uuid, '00000000-0000-0000-0000-000000000000') ORDER BY id FOR UPDATE`,
      [graduateId, OPEN_STATUSES, exceptId ?? null],
    );
  }

  async openOfDemand(m: EntityManager, demandId: string): Promise<Recommendation[]> {
    return m.query(`${SELECT} WHERE demand_id = $1 AND status = ANY($2) ORDER BY id FOR UPDATE`, [
      demandId,
      OPEN_STATUSES,
    ]);
  }

  async hasStandingHire(m: EntityManager, graduateId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM matching.recommendations WHERE graduate_id = $1 AND status = 'hired'`,
      [graduateId],
    );
    return rows.length > 0;
  }

  /** Moves the status (and invitation times) and appends the history row, in the caller's transaction. */
  async changeStatus(
    m: EntityManager,
    r: Recommendation,
    to: CandidateStatus,
    by: { role: string; id: string | null; reason: string | null },
    times: { now: Date; invitationExpiresAt?: Date },
  ): Promise<Recommendation> {
    const [rows] = (await m.query(
      `UPDATE matching.recommendations SET status = $2, version = version + 1, updated_at = $3,
         invited_at = CASE WHEN $2 = 'invited' THEN $3 ELSE invited_at END,
         invitation_expires_at = CASE WHEN $2 = 'invited' THEN $4 ELSE invitation_expires_at END
       WHERE id = $1
       RETURNING id`,
      [r.id, to, times.now, times.invitationExpiresAt ?? null],
    )) as [{ id: string }[], number];
    if (rows.length !== 1) throw new Error(`recommendation ${r.id} vanished during a status change`);
    await m.query(
      `INSERT INTO matching.recommendation_history (recommendation_id, from_status, to_status, actor_role, actor_id, reason, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.id, r.status, to, by.role, by.id, by.reason, times.now],
    );
    return (await this.findById(m, r.id))!;
  }

  async history(m: EntityManager, id: string): Promise<HistoryEntry[]> {
    return m.query(
      `SELECT from_status AS "fromStatus", to_status AS "toStatus", actor_role AS "actorRole", actor_id AS "actorId",
         reason, changed_at AS "changedAt"
       FROM matching.recommendation_history WHERE recommendation_id = $1 ORDER BY id`,
      [id],
    );
  }

  /** Invitations past their expiry, locked, skipping rows another instance holds. */
  async dueToExpire(m: EntityManager, now: Date, limit: number): Promise<Recommendation[]> {
    return m.query(
      `${SELECT} WHERE status = 'invited' AND invitation_expires_at <= $1 ORDER BY invitation_expires_at
       LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async dueForReminder(m: EntityManager, remindBefore: Date, limit: number): Promise<Recommendation[]> {
    return m.query(
      `${SELECT} WHERE status = 'invited' AND reminder_sent_at IS NULL AND invitation_expires_at <= $1
       ORDER BY invitation_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [remindBefore, limit],
    );
  }

  async markReminded(m: EntityManager, id: string, now: Date): Promise<void> {
    await m.query(`UPDATE matching.recommendations SET reminder_sent_at = $2 WHERE id = $1`, [id, now]);
  }
}
