import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * accepted_enterprises: the enterprises a graduate accepted in matching (per demand). An active
 * grant (revoked_at null) for any demand lets that enterprise see the graduate's identity.
 */
@Injectable()
export class AcceptedEnterprisesRepository {
  async hasActiveGrant(manager: EntityManager, graduateId: string, enterpriseId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM "graduate-profiles".accepted_enterprises
        WHERE graduate_id = $1 AND enterprise_id = $2 AND revoked_at IS NULL LIMIT 1`,
      [graduateId, enterpriseId],
    );
    return rows.length > 0;
  }

  /**
   * Grants (or re-grants after a revocation) access for one demand. A grant older than the row's
   * revocation is stale and changes nothing; an active grant keeps its first acceptance time.
   */
  async grant(
    manager: EntityManager,
    grant: { graduateId: string; enterpriseId: string; demandId: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "graduate-profiles".accepted_enterprises (graduate_id, enterprise_id, demand_id, accepted_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (graduate_id, enterprise_id, demand_id) DO UPDATE
         SET accepted_at = EXCLUDED.accepted_at, revoked_at = NULL
         WHERE accepted_enterprises.revoked_at IS NOT NULL AND accepted_enterprises.revoked_at <= EXCLUDED.accepted_at`,
      [grant.graduateId, grant.enterpriseId, grant.demandId, grant.at],
    );
  }

  /** Revokes the grant of one demand, unless it was given after `at` (a stale revocation). */
  async revoke(
    manager: EntityManager,
    grant: { graduateId: string; enterpriseId: string; demandId: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE "graduate-profiles".accepted_enterprises SET revoked_at = $4
        WHERE graduate_id = $1 AND enterprise_id = $2 AND demand_id = $3
          AND revoked_at IS NULL AND accepted_at <= $4`,
      [grant.graduateId, grant.enterpriseId, grant.demandId, grant.at],
    );
  }

  /** Erasure: every enterprise loses access. */
  async revokeAll(manager: EntityManager, graduateId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE "graduate-profiles".accepted_enterprises SET revoked_at = $2
        WHERE graduate_id = $1 AND revoked_at IS NULL`,
      [graduateId, at],
    );
  }
}
