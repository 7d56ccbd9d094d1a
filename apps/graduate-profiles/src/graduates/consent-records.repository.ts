import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentScope } from '#contracts';

export type ConsentAction = 'given' | 'withdrawn';
export type ConsentActor = 'graduate' | 'college';

export interface ConsentRecord {
  id: string;
  graduateId: string;
  scope: ConsentScope;
  action: ConsentAction;
  actorRole: ConsentActor;
  actorId: string;
  evidenceRef: string | null;
  recordedAt: Date;
}

interface Row {
  id: string;
  graduate_id: string;
  scope: ConsentScope;
  action: ConsentAction;
  actor_role: ConsentActor;
  actor_id: string;
  evidence_ref: string | null;
  recorded_at: Date;
}

const toRecord = (r: Row): ConsentRecord => ({
  id: String(r.id),
  graduateId: r.graduate_id,
  scope: r.scope,
  action: r.action,
  actorRole: r.actor_role,
  actorId: r.actor_id,
  evidenceRef: r.evidence_ref,
  recordedAt: r.recorded_at,
});

const COLUMNS = 'id, graduate_id, scope, action, actor_role, actor_id, evidence_ref, recorded_at';

/** consent_records: the history of a graduate's recommendation consent, append-only. */
@Injectable()
export class ConsentRecordsRepository {
  async append(manager: EntityManager, record: Omit<ConsentRecord, 'id'>): Promise<void> {
    await manager.query(
      `INSERT INTO "graduate-profiles".consent_records
         (graduate_id, scope, action, actor_role, actor_id, evidence_ref, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        record.graduateId,
        record.scope,
        record.action,
        record.actorRole,
        record.actorId,
        record.evidenceRef,
        record.recordedAt,
      ],
    );
  }

  /** Oldest first. */
  async history(manager: EntityManager, graduateId: string): Promise<ConsentRecord[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM "graduate-profiles".consent_records WHERE graduate_id = $1 ORDER BY id`,
      [graduateId],
    );
    return rows.map(toRecord);
  }

  async latest(manager: EntityManager, graduateId: string, scope: ConsentScope): Promise<ConsentRecord | null> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM "graduate-profiles".consent_records
        WHERE graduate_id = $1 AND scope = $2 ORDER BY id DESC LIMIT 1`,
      [graduateId, scope],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
