import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '#auth';
import type { RevealedField, RevealReason } from './graduate-access.policy.js';

export interface ContactReveal {
  id: string;
  graduateId: string;
  viewerRole: Role;
  viewerId: string;
  viewerOrgId: string | null;
  fields: RevealedField[];
  reason: RevealReason;
  revealedAt: Date;
}

interface Row {
  id: string;
  graduate_id: string;
  viewer_role: Role;
  viewer_id: string;
  viewer_org_id: string | null;
  fields: RevealedField[];
  reason: RevealReason;
  revealed_at: Date;
}

/** contact_reveals: who was shown a graduate's contact data, when and why; append-only. */
@Injectable()
export class ContactRevealsRepository {
  async append(manager: EntityManager, reveal: Omit<ContactReveal, 'id' | 'revealedAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO "graduate-profiles".contact_reveals (graduate_id, viewer_role, viewer_id, viewer_org_id, fields, reason)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [
        reveal.graduateId,
        reveal.viewerRole,
        reveal.viewerId,
        reveal.viewerOrgId,
        JSON.stringify(reveal.fields),
        reveal.reason,
      ],
    );
  }

  /** Newest first, strictly before `beforeId`; reads `limit` rows. */
  async page(
    manager: EntityManager,
    graduateId: string,
    beforeId: string | null,
    limit: number,
  ): Promise<ContactReveal[]> {
    const rows: Row[] = await manager.query(
      `SELECT id, graduate_id, viewer_role, viewer_id, viewer_org_id, fields, reason, revealed_at
         FROM "graduate-profiles".contact_reveals
        WHERE graduate_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [graduateId, beforeId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      graduateId: r.graduate_id,
      viewerRole: r.viewer_role,
      viewerId: r.viewer_id,
      viewerOrgId: r.viewer_org_id,
      fields: r.fields,
      reason: r.reason,
      revealedAt: r.revealed_at,
    }));
  }
}
