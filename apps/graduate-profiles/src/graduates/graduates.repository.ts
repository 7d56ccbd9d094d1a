import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentStatus } from '#contracts';
import { GraduateEntity } from './graduate.entity.js';

export interface GraduateListFilter {
  graduationYear?: number;
  department?: string;
  majorCode?: string;
  consentStatus?: ConsentStatus;
  /** Case-insensitive substring of the name or the student number (matched literally). */
  text?: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** A uuid as PostgreSQL accepts it: anything else cannot name a graduate (and must not reach the query). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGraduateId = (id: string): boolean => UUID.test(id);

/** Reads and privacy writes of graduate rows (profile upserts go through GraduateWriterRepository). */
@Injectable()
export class GraduatesRepository {
  /** The graduate, erased or not, or null (also for an id that is not a uuid). */
  findById(manager: EntityManager, id: string): Promise<GraduateEntity | null> {
    if (!isGraduateId(id)) return Promise.resolve(null);
    return manager.findOne(GraduateEntity, { where: { id } });
  }

  /** Reads and locks the row until the transaction ends: consent, erasure and edits queue up. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<GraduateEntity | null> {
    if (!isGraduateId(id)) return Promise.resolve(null);
    return manager.findOne(GraduateEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * One page of a college's graduates (never erased ones), by student number, strictly after
   * `afterStudentNumber`. Uses the (college_id, student_number) unique index, so pages are stable
   * and cheap at any depth. Reads `limit` rows; ask for one more to know if a next page exists.
   */
  list(
    manager: EntityManager,
    collegeId: string,
    filter: GraduateListFilter,
    afterStudentNumber: string | null,
    limit: number,
  ): Promise<GraduateEntity[]> {
    const query = manager
      .createQueryBuilder(GraduateEntity, 'g')
      .where('g.collegeId = :collegeId AND g.erasedAt IS NULL', { collegeId });
    if (filter.graduationYear !== undefined) {
      query.andWhere('g.graduationYear = :year', { year: filter.graduationYear });
    }
    if (filter.department) query.andWhere('g.department = :department', { department: filter.department });
    if (filter.majorCode) query.andWhere('g.majorCode = :majorCode', { majorCode: filter.majorCode });
    if (filter.consentStatus) query.andWhere('g.consentStatus = :consent', { consent: filter.consentStatus });
    if (filter.text) {
      query.andWhere(`(g.name ILIKE :text ESCAPE '\\' OR g.studentNumber ILIKE :text ESCAPE '\\')`, {
        text: `%${escapeLike(filter.text)}%`,
      });
    }
    if (afterStudentNumber !== null) query.andWhere('g.studentNumber > :after', { after: afterStudentNumber });
    return query.orderBy('g.studentNumber', 'ASC').limit(limit).getMany();
  }

  /** Writes a consent change (status, time, version) of a locked row. */
  async saveConsent(manager: EntityManager, graduate: GraduateEntity): Promise<void> {
    await manager.update(
      GraduateEntity,
      { id: graduate.id },
      {
        consentStatus: graduate.consentStatus,
        consentChangedAt: graduate.consentChangedAt,
        version: graduate.version,
        updatedAt: graduate.updatedAt,
      },
    );
  }

  /**
   * Erases a locked row: every personal column emptied, consent withdrawn; college, department,
   * major, degree and cohort stay for placement statistics.
   */
  async erase(manager: EntityManager, id: string, erasedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE "graduate-profiles".graduates
          SET name = NULL, student_number = NULL, phone = NULL, email = NULL,
              skills = '[]', certificates = '[]', internships = '[]', preferences = '{}', gpa_percentile = NULL,
              consent_changed_at = CASE WHEN consent_status = 'withdrawn' THEN consent_changed_at ELSE $2 END,
              consent_status = 'withdrawn',
              erased_at = $2, content_hash = 'erased', matching_hash = 'erased',
              version = version + 1, updated_at = $2
        WHERE id = $1 AND erased_at IS NULL`,
      [id, erasedAt],
    );
    // Evidence references (contract or offer numbers) can identify the person; category, date and
    // employer stay for placement statistics.
    await manager.query(`UPDATE "graduate-profiles".destinations SET evidence_ref = NULL WHERE graduate_id = $1`, [id]);
  }
}
