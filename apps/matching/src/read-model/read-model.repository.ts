import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentStatus, DemandSnapshotV1, GraduateSnapshotV1 } from '#contracts';

export type DemandReadStatus = 'open' | 'paused' | 'closed';

export interface StoredDemand {
  id: string;
  status: DemandReadStatus;
  snapshot: DemandSnapshotV1;
  version: number;
}

export interface StoredGraduate {
  id: string;
  collegeId: string;
  snapshot: GraduateSnapshotV1 | null;
  consentStatus: ConsentStatus;
  placed: boolean;
}

/**
 * The SQL of matching's read model. Writes are guarded by version so a stale or replayed event can
 * never overwrite a newer state; each write says whether it changed anything.
 */
@Injectable()
export class ReadModelRepository {
  /** Stores the demand snapshot with its status unless a newer version is already stored. */
  async upsertDemand(m: EntityManager, snapshot: DemandSnapshotV1, status: DemandReadStatus): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO matching.demands (id, enterprise_id, status, snapshot, version, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, now())
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, snapshot = EXCLUDED.snapshot,
         version = EXCLUDED.version, updated_at = now()
       WHERE matching.demands.version <= EXCLUDED.version
       RETURNING id`,
      [snapshot.demandId, snapshot.enterpriseId, status, JSON.stringify(snapshot), snapshot.version],
    );
    return rows.length > 0;
  }

  /** Changes the status of a known demand (pause, close) if the event is not older than what is stored. */
  async setDemandStatus(
    m: EntityManager,
    demandId: string,
    status: DemandReadStatus,
    version: number,
  ): Promise<boolean> {
    // UPDATE … RETURNING comes back from TypeORM as [rows, affected].
    const [rows] = (await m.query(
      `UPDATE matching.demands SET status = $2, version = $3, updated_at = now()
       WHERE id = $1 AND version <= $3 RETURNING id`,
      [demandId, status, version],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  async isErased(m: EntityManager, graduateId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM matching.erased_graduates WHERE graduate_id = $1`, [
      graduateId,
    ]);
    return rows.length > 0;
  }

  async upsertGraduateSnapshot(m: EntityManager, snapshot: GraduateSnapshotV1): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO matching.graduates (id, college_id, snapshot, consent_status, version, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, now())
       ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, version = EXCLUDED.version, updated_at = now()
       WHERE matching.graduates.version <= EXCLUDED.version
       RETURNING id`,
      [snapshot.graduateId, snapshot.collegeId, JSON.stringify(snapshot), snapshot.consentStatus, snapshot.version],
    );
    return rows.length > 0;
  }

  /**
   * Consent has no version of its own; the graduates topic is keyed by graduate, so events arrive in
   * order. Without consent matching may not process the profile at all (PIPL), so the snapshot is
   * dropped; graduate-profiles sends it again when consent is given again.
   */
  async setConsent(m: EntityManager, graduateId: string, collegeId: string, status: ConsentStatus): Promise<void> {
    await m.query(
      `INSERT INTO matching.graduates (id, college_id, consent_status) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET consent_status = EXCLUDED.consent_status, updated_at = now(),
         snapshot = CASE WHEN EXCLUDED.consent_status = 'given' THEN matching.graduates.snapshot END`,
      [graduateId, collegeId, status],
    );
  }

  /** Forgets the graduate entirely and remembers only that the id was erased. */
  async eraseGraduate(m: EntityManager, graduateId: string, erasedAt: Date): Promise<void> {
    await m.query(`DELETE FROM matching.graduates WHERE id = $1`, [graduateId]);
    await m.query(`DELETE FROM matching.placements WHERE graduate_id = $1`, [graduateId]);
    await m.query(
      `INSERT INTO matching.erased_graduates (graduate_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [graduateId, erasedAt],
    );
  }

  /** The latest destination decides: a newer record replaces an older one, never the reverse. */
  async recordPlacement(
    m: EntityManager,
    graduateId: string,
    destinationId: string,
    placed: boolean,
    recordedAt: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO matching.placements (graduate_id, destination_id, placed, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (graduate_id) DO UPDATE SET destination_id = EXCLUDED.destination_id, placed = EXCLUDED.placed,
         recorded_at = EXCLUDED.recorded_at
       WHERE matching.placements.recorded_at <= EXCLUDED.recorded_at
       RETURNING graduate_id`,
      [graduateId, destinationId, placed, recordedAt],
    );
    return rows.length > 0;
  }

  async loadGraduate(m: EntityManager, graduateId: string): Promise<StoredGraduate | null> {
    const rows: GraduateRow[] = await m.query(`${GRADUATE_SELECT} WHERE g.id = $1`, [graduateId]);
    return rows[0] ? toGraduate(rows[0]) : null;
  }

  async loadDemand(m: EntityManager, demandId: string): Promise<StoredDemand | null> {
    const rows: StoredDemand[] = await m.query(
      `SELECT id, status, snapshot, version FROM matching.demands WHERE id = $1`,
      [demandId],
    );
    return rows[0] ?? null;
  }

  /** Every graduate with a profile, for rebuilding the in-memory index at start-up (streamed in pages). */
  async *allGraduates(m: EntityManager, pageSize = 5000): AsyncGenerator<StoredGraduate[]> {
    let after = '';
    for (;;) {
      const rows: GraduateRow[] = await m.query(
        `${GRADUATE_SELECT} WHERE g.snapshot IS NOT NULL AND g.id > $1 ORDER BY g.id LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) return;
      yield rows.map(toGraduate);
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Owes the push planner an evaluation of this demand or graduate (same transaction as the change). */
  async queueEvaluation(m: EntityManager, kind: 'demand' | 'graduate', id: string): Promise<void> {
    await m.query(
      `INSERT INTO matching.pending_evaluations (subject_kind, subject_id) VALUES ($1, $2)
       ON CONFLICT (subject_kind, subject_id) DO UPDATE SET queued_at = now()`,
      [kind, id],
    );
  }

  /** Graduates' anonymous facts for display, by id. */
  async snapshotsOf(m: EntityManager, graduateIds: readonly string[]): Promise<Map<string, GraduateSnapshotV1>> {
    if (graduateIds.length === 0) return new Map();
    const rows: { id: string; snapshot: GraduateSnapshotV1 }[] = await m.query(
      `SELECT id, snapshot FROM matching.graduates WHERE id = ANY($1) AND snapshot IS NOT NULL`,
      [[...graduateIds]],
    );
    return new Map(rows.map((r) => [r.id, r.snapshot]));
  }

  async openDemands(m: EntityManager): Promise<StoredDemand[]> {
    return m.query(`SELECT id, status, snapshot, version FROM matching.demands WHERE status = 'open' ORDER BY id`);
  }
}

interface GraduateRow {
  id: string;
  college_id: string;
  snapshot: GraduateSnapshotV1 | null;
  consent_status: ConsentStatus;
  placed: boolean | null;
}

const GRADUATE_SELECT = `SELECT g.id, g.college_id, g.snapshot, g.consent_status, p.placed
  FROM matching.graduates g LEFT JOIN matching.placements p ON p.graduate_id = g.id`;

function toGraduate(row: GraduateRow): StoredGraduate {
  return {
    id: row.id,
    collegeId: row.college_id,
    snapshot: row.snapshot,
    consentStatus: row.consent_status,
    placed: row.placed ?? false,
  };
}
