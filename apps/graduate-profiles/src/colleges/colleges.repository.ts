import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { CollegeEntity } from './college.entity.js';
import { CollegeAlreadyRegisteredException, SchoolCodeTakenException } from './college.exception.js';

/** Names of the constraints in migration 1732500000000-colleges-and-graduates. */
const UNIQUE_CONSTRAINTS = { primaryKey: 'colleges_pkey', schoolCode: 'colleges_school_code_key' } as const;

function uniqueViolationOf(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  return driverError?.code === '23505' && typeof driverError.constraint === 'string' ? driverError.constraint : null;
}

/** All database access of the colleges context. Every method takes the caller's manager (transaction). */
@Injectable()
export class CollegesRepository {
  findById(manager: EntityManager, id: string): Promise<CollegeEntity | null> {
    return manager.findOne(CollegeEntity, { where: { id } });
  }

  /** Reads and locks the row until the transaction ends, so concurrent changes queue up. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<CollegeEntity | null> {
    return manager.findOne(CollegeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Reads with a share lock: for writes of other contexts that depend on the college's 院系 (a
   * graduate upsert), so they cannot interleave with an update of the list.
   */
  findByIdForShare(manager: EntityManager, id: string): Promise<CollegeEntity | null> {
    return manager.findOne(CollegeEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
  }

  findBySchoolCode(manager: EntityManager, schoolCode: string): Promise<CollegeEntity | null> {
    return manager.findOne(CollegeEntity, { where: { schoolCode } });
  }

  /**
   * Inserts a new college and returns it as stored (created_at from the database). A concurrent
   * registration that wins the race surfaces as the same 409 as the pre-check would have given.
   */
  async insert(manager: EntityManager, college: CollegeEntity): Promise<CollegeEntity> {
    try {
      await manager.insert(CollegeEntity, college);
    } catch (error) {
      const constraint = uniqueViolationOf(error);
      if (constraint === UNIQUE_CONSTRAINTS.schoolCode) throw new SchoolCodeTakenException(college.schoolCode);
      if (constraint === UNIQUE_CONSTRAINTS.primaryKey) throw new CollegeAlreadyRegisteredException(college.id);
      throw error;
    }
    return (await this.findById(manager, college.id))!;
  }

  /** Writes the new state if the stored version is still `expectedVersion`; false when it is not. */
  async update(manager: EntityManager, college: CollegeEntity, expectedVersion: number): Promise<boolean> {
    const result = await manager.update(
      CollegeEntity,
      { id: college.id, version: expectedVersion },
      {
        name: college.name,
        type: college.type,
        regionCode: college.regionCode,
        departments: college.departments,
        version: college.version,
        updatedAt: college.updatedAt,
      },
    );
    return result.affected === 1;
  }

  /** Which of `departments` graduate rows of the college still name (erased ones included: statistics). */
  async departmentsInUse(manager: EntityManager, collegeId: string, departments: readonly string[]): Promise<string[]> {
    if (departments.length === 0) return [];
    const rows: { department: string }[] = await manager.query(
      `SELECT DISTINCT department FROM "graduate-profiles".graduates
        WHERE college_id = $1 AND department = ANY($2::text[]) ORDER BY department`,
      [collegeId, [...departments]],
    );
    return rows.map((r) => r.department);
  }
}
