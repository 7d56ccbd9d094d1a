import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { EnterpriseStatus } from '#contracts';
import { EnterpriseEntity } from './enterprise.entity.js';
import { CreditCodeTakenException, EnterpriseAlreadyRegisteredException } from './enterprise.exception.js';
import type { EnterpriseListPosition } from './enterprise-list-cursor.js';

export interface EnterpriseListFilter {
  status?: EnterpriseStatus;
  /** Digits the region code starts with: '33', '3301' or a full six-digit code. */
  regionPrefix?: string;
  industrySection?: string;
  /** Case-insensitive substring of the name (matched literally, % and _ included). */
  nameContains?: string;
}

/** Fields of an enterprise an update writes (id, credit code and created_at never change). */
type MutableFields = Omit<EnterpriseEntity, 'id' | 'creditCode' | 'createdAt'>;

/** Names of the constraints in migration 1732400000000-enterprises. */
const UNIQUE_CONSTRAINTS = {
  primaryKey: 'enterprises_pkey',
  creditCode: 'enterprises_credit_code_key',
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

function uniqueViolationOf(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  return driverError?.code === '23505' && typeof driverError.constraint === 'string' ? driverError.constraint : null;
}

/** All database access of the enterprises context. Writes take the caller's transaction manager. */
@Injectable()
export class EnterprisesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The enterprise, or null. Pass the transaction's manager to read inside it. */
  findById(manager: EntityManager, id: string): Promise<EnterpriseEntity | null> {
    return manager.findOne(EnterpriseEntity, { where: { id } });
  }

  /** Reads and locks the row until the transaction ends, so concurrent changes queue up. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<EnterpriseEntity | null> {
    return manager.findOne(EnterpriseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Reads the row with a share lock until the transaction ends: for writes of other contexts that
   * depend on the enterprise's status (e.g. publishing a demand), so they cannot interleave with a
   * suspension or verification of the same enterprise (those take the row lock FOR UPDATE).
   */
  findByIdForShare(manager: EntityManager, id: string): Promise<EnterpriseEntity | null> {
    return manager.findOne(EnterpriseEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  findByCreditCode(manager: EntityManager, creditCode: string): Promise<EnterpriseEntity | null> {
    return manager.findOne(EnterpriseEntity, { where: { creditCode } });
  }

  /**
   * Inserts a new enterprise. A concurrent registration that wins the race surfaces as the
   * same 409 as the pre-check would have given.
   */
  async insert(manager: EntityManager, enterprise: EnterpriseEntity): Promise<void> {
    try {
      await manager.insert(EnterpriseEntity, enterprise);
    } catch (error) {
      const constraint = uniqueViolationOf(error);
      if (constraint === UNIQUE_CONSTRAINTS.creditCode) throw new CreditCodeTakenException(enterprise.creditCode);
      if (constraint === UNIQUE_CONSTRAINTS.primaryKey) throw new EnterpriseAlreadyRegisteredException(enterprise.id);
      throw error;
    }
  }

  /**
   * Writes the enterprise's new state if its stored version is still `expectedVersion`.
   * Returns false when another change got there first (nothing is written then).
   */
  async update(manager: EntityManager, enterprise: EnterpriseEntity, expectedVersion: number): Promise<boolean> {
    const fields: MutableFields = {
      name: enterprise.name,
      industrySection: enterprise.industrySection,
      industryDivision: enterprise.industryDivision,
      regionCode: enterprise.regionCode,
      size: enterprise.size,
      integrationCertified: enterprise.integrationCertified,
      contactName: enterprise.contactName,
      contactPhone: enterprise.contactPhone,
      contactEmail: enterprise.contactEmail,
      status: enterprise.status,
      statusReason: enterprise.statusReason,
      version: enterprise.version,
      updatedAt: enterprise.updatedAt,
    };
    const result = await manager.update(EnterpriseEntity, { id: enterprise.id, version: expectedVersion }, fields);
    return result.affected === 1;
  }

  /**
   * One page, newest first (created_at, then id, both descending), strictly after `after`.
   * Reads `limit` rows; the caller asks for one more than it shows to know if a next page exists.
   */
  list(filter: EnterpriseListFilter, after: EnterpriseListPosition | null, limit: number): Promise<EnterpriseEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(EnterpriseEntity, 'e');
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    if (filter.regionPrefix)
      query.andWhere('e.regionCode LIKE :region', { region: `${escapeLike(filter.regionPrefix)}%` });
    if (filter.industrySection) query.andWhere('e.industrySection = :section', { section: filter.industrySection });
    if (filter.nameContains) {
      query.andWhere(`e.name ILIKE :name ESCAPE '\\'`, { name: `%${escapeLike(filter.nameContains)}%` });
    }
    if (after) {
      query.andWhere('(e.createdAt, e.id) < (:afterCreatedAt, :afterId)', {
        afterCreatedAt: after.createdAt,
        afterId: after.id,
      });
    }
    return query.orderBy('e.createdAt', 'DESC').addOrderBy('e.id', 'DESC').limit(limit).getMany();
  }
}
