import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DemandKind, DemandStatus } from '#contracts';
import { DemandEntity, DemandHireEntity } from './demand.entity.js';

export interface DemandListFilter {
  /** Restricts to one enterprise (an enterprise caller sees only its own). */
  enterpriseId?: string;
  statuses?: DemandStatus[];
  kind?: DemandKind;
  /** A major code at any level: demands accepting it (or accepting a narrower code under it). */
  major?: string;
  /** A region code; province and city codes match every district under them. */
  region?: string;
  /** GB/T 4754 门类 letter or 大类 digits of the enterprise. */
  industry?: string;
  text?: string;
  /** Only demands of verified enterprises (what graduates may see). */
  verifiedEnterprisesOnly?: boolean;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** `330100` → `3301`, `330000` → `33`: the prefix every code inside the region shares. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

@Injectable()
export class DemandsRepository {
  async insert(manager: EntityManager, demand: DemandEntity): Promise<DemandEntity> {
    return manager.getRepository(DemandEntity).save(demand);
  }

  async save(manager: EntityManager, demand: DemandEntity): Promise<DemandEntity> {
    return manager.getRepository(DemandEntity).save(demand);
  }

  /** Reads the demand and locks its row until the transaction ends: changes to one demand queue up. */
  async lockById(manager: EntityManager, id: string): Promise<DemandEntity | null> {
    return manager
      .getRepository(DemandEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
  }

  async findById(manager: EntityManager, id: string): Promise<DemandEntity | null> {
    return manager.getRepository(DemandEntity).findOne({ where: { id } });
  }

  /** Demands of one enterprise in the given statuses, locked, oldest first. */
  async lockByEnterprise(
    manager: EntityManager,
    enterpriseId: string,
    statuses: DemandStatus[],
  ): Promise<DemandEntity[]> {
    return manager
      .getRepository(DemandEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.enterprise_id = :enterpriseId', { enterpriseId })
      .andWhere('d.status IN (:...statuses)', { statuses })
      .orderBy('d.created_at', 'ASC')
      .getMany();
  }

  /** Published or paused demands whose deadline is before `today`; skips rows another instance is closing. */
  async lockExpired(manager: EntityManager, today: string, limit: number): Promise<DemandEntity[]> {
    return manager
      .getRepository(DemandEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`d.status IN ('published', 'paused')`)
      .andWhere('d.deadline < :today', { today })
      .orderBy('d.deadline', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Records a hire; false when this graduate was already counted for the demand. */
  async recordHire(manager: EntityManager, demandId: string, graduateId: string, hiredAt: Date): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO "demand-intake".demand_hires (demand_id, graduate_id, hired_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [demandId, graduateId, hiredAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async list(manager: EntityManager, filter: DemandListFilter): Promise<DemandEntity[]> {
    const qb = manager
      .getRepository(DemandEntity)
      .createQueryBuilder('d')
      .innerJoin('enterprises', 'e', 'e.id = d.enterprise_id');
    if (filter.enterpriseId) qb.andWhere('d.enterprise_id = :enterpriseId', { enterpriseId: filter.enterpriseId });
    if (filter.statuses?.length) qb.andWhere('d.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.verifiedEnterprisesOnly) qb.andWhere(`e.status = 'verified'`);
    if (filter.major) {
      const major = filter.major.replace(/[A-Z]+$/, '');
      qb.andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(d.majors) m
                  WHERE :major LIKE regexp_replace(m->>'code', '[A-Z]+$', '') || '%'
                     OR regexp_replace(m->>'code', '[A-Z]+$', '') LIKE :major || '%')`,
        { major },
      );
    }
    if (filter.region) {
      qb.andWhere(`EXISTS (SELECT 1 FROM unnest(d.cities) c WHERE c LIKE :region || '%')`, {
        region: regionPrefix(filter.region),
      });
    }
    if (filter.industry) {
      if (/^[A-T]$/.test(filter.industry)) qb.andWhere('e.industry_section = :industry', { industry: filter.industry });
      else qb.andWhere('e.industry_division = :industry', { industry: filter.industry });
    }
    if (filter.text) {
      qb.andWhere(`(d.title ILIKE :text OR d.description ILIKE :text)`, { text: `%${escapeLike(filter.text)}%` });
    }
    if (filter.after) {
      qb.andWhere('(d.created_at, d.id) < (:createdAt, :id)', {
        createdAt: filter.after.createdAt,
        id: filter.after.id,
      });
    }
    return qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').limit(filter.limit).getMany();
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export { DemandHireEntity };
