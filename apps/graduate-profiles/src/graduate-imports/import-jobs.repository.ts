import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableFormat } from '#tabular';
import type { ImportRowError } from './graduate-row.checker.js';
import { ImportJobEntity, ImportJobErrorEntity } from './import-job.entity.js';

const JOBS = '"graduate-profiles".import_jobs';
const ERRORS = '"graduate-profiles".import_job_errors';

export interface NewImportJob {
  id: string;
  collegeId: string;
  fileName: string;
  fileFormat: TableFormat;
  fileSize: number;
  storedFile: string;
  requestedBy: string;
  requestedByRole: string;
  correlationId: string;
}

/** What one committed batch adds to a job. */
export interface BatchOutcome {
  /** The last file row the batch covers. */
  checkpointRow: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  eventsWritten: number;
  errors: readonly ImportRowError[];
}

export interface JobFailure {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export interface ErrorCursor {
  row: number;
  id: number;
}

/**
 * All SQL of the import jobs. Writes that a runner makes while working on a job are fenced by its
 * lease: they change nothing (and return false) once another runner has taken the job over.
 */
@Injectable()
export class ImportJobsRepository {
  async insert(manager: EntityManager, job: NewImportJob): Promise<void> {
    await manager.query(
      `INSERT INTO ${JOBS} (id, college_id, file_name, file_format, file_size, stored_file, requested_by,
                            requested_by_role, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        job.id,
        job.collegeId,
        job.fileName,
        job.fileFormat,
        job.fileSize,
        job.storedFile,
        job.requestedBy,
        job.requestedByRole,
        job.correlationId,
      ],
    );
  }

  findById(manager: EntityManager, id: string): Promise<ImportJobEntity | null> {
    return manager.findOne(ImportJobEntity, { where: { id } });
  }

  /** A college's jobs, newest first, after the (createdAt, id) of the last one seen. */
  async listByCollege(
    manager: EntityManager,
    collegeId: string,
    limit: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<ImportJobEntity[]> {
    const query = manager
      .getRepository(ImportJobEntity)
      .createQueryBuilder('j')
      .where('j.college_id = :collegeId', { collegeId })
      .orderBy('j.created_at', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .limit(limit);
    if (after) query.andWhere('(j.created_at, j.id) < (:createdAt, :id)', after);
    return query.getMany();
  }

  /**
   * Takes the oldest job that is queued, or running under a lease that ran out (its runner died),
   * and returns its id; `attempts` counts the start. SKIP LOCKED: runners never wait on each other.
   */
  async claimNext(manager: EntityManager, owner: string, leaseMs: number): Promise<string | null> {
    const [rows] = (await manager.query(
      `UPDATE ${JOBS} j
          SET status = 'running', lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2 / 1000.0),
              attempts = j.attempts + 1, started_at = coalesce(j.started_at, now()), updated_at = now()
        WHERE j.id = (
          SELECT id FROM ${JOBS}
           WHERE status = 'queued' OR (status = 'running' AND lease_expires_at < now())
           ORDER BY created_at, id
           LIMIT 1
           FOR UPDATE SKIP LOCKED)
       RETURNING j.id`,
      [owner, leaseMs],
    )) as [{ id: string }[], number];
    return rows[0]?.id ?? null;
  }

  /** Renews the lease; false when the job is no longer this runner's. */
  async renewLease(manager: EntityManager, jobId: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.updateOwned(manager, jobId, owner, `lease_expires_at = now() + make_interval(secs => $3 / 1000.0)`, [
      leaseMs,
    ]);
  }

  async setTotalRows(manager: EntityManager, jobId: string, owner: string, totalRows: number): Promise<boolean> {
    return this.updateOwned(manager, jobId, owner, `total_rows = $3`, [totalRows]);
  }

  /** The rows of one batch are in; called in the batch's transaction, after its writes. */
  async commitBatch(manager: EntityManager, jobId: string, owner: string, batch: BatchOutcome): Promise<boolean> {
    const processed = batch.created + batch.updated + batch.unchanged + batch.rejected;
    const owned = await this.updateOwned(
      manager,
      jobId,
      owner,
      `checkpoint_row = $3, processed_rows = processed_rows + $4, created = created + $5, updated = updated + $6,
       unchanged = unchanged + $7, rejected = rejected + $8, error_count = error_count + $9,
       events_written = events_written + $10`,
      [
        batch.checkpointRow,
        processed,
        batch.created,
        batch.updated,
        batch.unchanged,
        batch.rejected,
        batch.errors.length,
        batch.eventsWritten,
      ],
    );
    if (owned && batch.errors.length > 0) {
      const errors = [...batch.errors].sort((a, b) => a.row - b.row);
      await manager.query(
        `INSERT INTO ${ERRORS} (job_id, row_number, column_name, field, value, message)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [
          jobId,
          errors.map((e) => e.row),
          errors.map((e) => e.column),
          errors.map((e) => e.field),
          errors.map((e) => e.value),
          errors.map((e) => e.message),
        ],
      );
    }
    return owned;
  }

  async complete(manager: EntityManager, jobId: string, owner: string): Promise<boolean> {
    return this.updateOwned(
      manager,
      jobId,
      owner,
      `status = 'completed', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL`,
      [],
    );
  }

  /** Ends the job as failed; with an owner only while this runner holds it, without one unconditionally. */
  async fail(manager: EntityManager, jobId: string, owner: string | null, failure: JobFailure): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE ${JOBS}
          SET status = 'failed', failure_code = $2, failure_message = $3, failure_details = $4::jsonb,
              finished_at = now(), lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running') AND ($5::text IS NULL OR lease_owner = $5)`,
      [jobId, failure.code, failure.message, JSON.stringify(failure.details), owner],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Hands a job back to the queue (the service is stopping); the start does not count as an attempt. */
  async release(manager: EntityManager, jobId: string, owner: string): Promise<boolean> {
    return this.updateOwned(
      manager,
      jobId,
      owner,
      `status = 'queued', lease_owner = NULL, lease_expires_at = NULL, attempts = greatest(attempts - 1, 0)`,
      [],
    );
  }

  async clearStoredFile(manager: EntityManager, jobId: string): Promise<void> {
    await manager.query(`UPDATE ${JOBS} SET stored_file = NULL WHERE id = $1`, [jobId]);
  }

  /** A page of a job's errors in file order, after the cursor. */
  errorsPage(
    manager: EntityManager,
    jobId: string,
    after: ErrorCursor | null,
    limit: number,
  ): Promise<ImportJobErrorEntity[]> {
    const query = manager
      .getRepository(ImportJobErrorEntity)
      .createQueryBuilder('e')
      .where('e.job_id = :jobId', { jobId })
      .orderBy('e.row_number', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit);
    if (after) query.andWhere('(e.row_number, e.id) > (:row, :id)', after);
    return query.getMany();
  }

  /** Uploads that unfinished jobs still need. */
  async pendingStoredFiles(manager: EntityManager): Promise<Set<string>> {
    const rows = (await manager.query(
      `SELECT stored_file FROM ${JOBS} WHERE status IN ('queued', 'running') AND stored_file IS NOT NULL`,
    )) as { stored_file: string }[];
    return new Set(rows.map((r) => r.stored_file));
  }

  /** Deletes jobs (and, by cascade, their errors) finished before the cutoff, with their leftover uploads. */
  async deleteFinishedBefore(
    manager: EntityManager,
    cutoff: Date,
  ): Promise<{ deleted: number; storedFiles: string[] }> {
    const [rows] = (await manager.query(
      `DELETE FROM ${JOBS} WHERE status IN ('completed', 'failed') AND finished_at < $1 RETURNING stored_file`,
      [cutoff],
    )) as [{ stored_file: string | null }[], number];
    return {
      deleted: rows.length,
      storedFiles: rows.map((r) => r.stored_file).filter((f): f is string => f !== null),
    };
  }

  private async updateOwned(
    manager: EntityManager,
    jobId: string,
    owner: string,
    assignments: string,
    params: unknown[],
  ): Promise<boolean> {
    const [, affected] = (await manager.query(
      `UPDATE ${JOBS} SET ${assignments}, updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND status = 'running'`,
      [jobId, owner, ...params],
    )) as [unknown, number];
    return affected === 1;
  }
}
