import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { DestinationAuditEntity, DestinationEntity, EnterpriseNameEntity } from './destination.entity.js';
import type { DestinationRecord } from './destination-state.js';

/** What this context needs of a graduate (the graduates context owns the row). */
export interface DestinationGraduate {
  id: string;
  collegeId: string;
  collegeName: string;
  graduationYear: number;
  name: string | null;
  erasedAt: Date | null;
}

interface GraduateRow {
  id: string;
  college_id: string;
  college_name: string;
  graduation_year: number;
  name: string | null;
  erased_at: Date | null;
}

const toGraduate = (row: GraduateRow): DestinationGraduate => ({
  id: row.id,
  collegeId: row.college_id,
  collegeName: row.college_name,
  graduationYear: row.graduation_year,
  name: row.name,
  erasedAt: row.erased_at,
});

const GRADUATE_SELECT = `
  SELECT g.id, g.college_id, c.name AS college_name, g.graduation_year, g.name, g.erased_at
    FROM "graduate-profiles".graduates g
    JOIN "graduate-profiles".colleges c ON c.id = g.college_id
   WHERE g.id = $1`;

@Injectable()
export class DestinationsRepository {
  /**
   * Reads the graduate and holds its row until the transaction ends: registrations and audits
   * of one graduate queue up (so their events leave in commit order), and an erasure waits.
   */
  async lockGraduate(manager: EntityManager, graduateId: string): Promise<DestinationGraduate | null> {
    const rows: GraduateRow[] = await manager.query(`${GRADUATE_SELECT} FOR NO KEY UPDATE OF g`, [graduateId]);
    return rows[0] ? toGraduate(rows[0]) : null;
  }

  async findGraduate(manager: EntityManager, graduateId: string): Promise<DestinationGraduate | null> {
    const rows: GraduateRow[] = await manager.query(GRADUATE_SELECT, [graduateId]);
    return rows[0] ? toGraduate(rows[0]) : null;
  }

  async findDestination(manager: EntityManager, id: string): Promise<DestinationEntity | null> {
    return manager.getRepository(DestinationEntity).findOne({ where: { id } });
  }

  async insertDestination(manager: EntityManager, destination: DestinationEntity): Promise<void> {
    await manager.getRepository(DestinationEntity).insert(destination);
  }

  /** A platform record for (graduate, demand); false when one exists already (a repeated hire). */
  async insertPlatformDestination(manager: EntityManager, d: DestinationEntity): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO "graduate-profiles".destinations
         (id, graduate_id, college_id, category_code, destination_date, employer_or_school, city_code, evidence_ref,
          source, recorded_by_role, recorded_by, enterprise_id, demand_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'platform', $9, $10, $11, $12, $13)
       ON CONFLICT (graduate_id, demand_id) WHERE source = 'platform' DO NOTHING
       RETURNING id`,
      [
        d.id,
        d.graduateId,
        d.collegeId,
        d.categoryCode,
        d.destinationDate,
        d.employerOrSchool,
        d.cityCode,
        d.evidenceRef,
        d.recordedByRole,
        d.recordedBy,
        d.enterpriseId,
        d.demandId,
        d.recordedAt,
      ],
    );
    return rows.length === 1;
  }

  async insertAudit(
    manager: EntityManager,
    audit: Omit<DestinationAuditEntity, 'id'>,
  ): Promise<DestinationAuditEntity> {
    const saved = await manager
      .getRepository(DestinationAuditEntity)
      .save(Object.assign(new DestinationAuditEntity(), audit));
    return saved;
  }

  /** Every registration of the graduate with its audits, newest registration first. */
  async historyOf(manager: EntityManager, graduateId: string): Promise<DestinationRecord[]> {
    const destinations = await manager
      .getRepository(DestinationEntity)
      .find({ where: { graduateId }, order: { recordedAt: 'DESC', seq: 'DESC' } });
    return this.withAudits(manager, destinations);
  }

  /** The registration confirmed with this verification number, with its audits. */
  async findByVerificationNumber(manager: EntityManager, number: string): Promise<DestinationRecord | null> {
    const audit = await manager
      .getRepository(DestinationAuditEntity)
      .findOne({ where: { verificationNumber: number } });
    if (!audit) return null;
    const destination = await this.findDestination(manager, audit.destinationId);
    if (!destination) return null;
    return (await this.withAudits(manager, [destination]))[0] ?? null;
  }

  async enterpriseName(manager: EntityManager, enterpriseId: string): Promise<string | null> {
    const row = await manager.getRepository(EnterpriseNameEntity).findOne({ where: { enterpriseId } });
    return row?.name ?? null;
  }

  /** Keeps the newest name announced for the enterprise; an older or repeated version changes nothing. */
  async upsertEnterpriseName(
    manager: EntityManager,
    enterpriseId: string,
    name: string,
    version: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "graduate-profiles".enterprise_names (enterprise_id, name, version, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (enterprise_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, updated_at = now()
       WHERE "graduate-profiles".enterprise_names.version < EXCLUDED.version`,
      [enterpriseId, name, version],
    );
  }

  private async withAudits(manager: EntityManager, destinations: DestinationEntity[]): Promise<DestinationRecord[]> {
    if (destinations.length === 0) return [];
    const audits = await manager.getRepository(DestinationAuditEntity).find({
      where: { destinationId: In(destinations.map((d) => d.id)) },
      order: { decidedAt: 'ASC', id: 'ASC' },
    });
    const enterpriseIds = [...new Set(destinations.flatMap((d) => (d.enterpriseId ? [d.enterpriseId] : [])))];
    const names = enterpriseIds.length
      ? await manager.getRepository(EnterpriseNameEntity).find({ where: { enterpriseId: In(enterpriseIds) } })
      : [];
    const nameOf = new Map(names.map((n) => [n.enterpriseId, n.name]));
    return destinations.map((destination) => ({
      destination,
      audits: audits.filter((a) => a.destinationId === destination.id),
      enterpriseName: destination.enterpriseId ? (nameOf.get(destination.enterpriseId) ?? null) : null,
    }));
  }
}
