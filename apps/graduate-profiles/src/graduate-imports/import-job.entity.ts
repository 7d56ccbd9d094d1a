import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TableFormat } from '#tabular';

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

const count = { from: (v: string | number) => Number(v), to: (v: number) => v };

/**
 * 毕业生批量导入任务: one uploaded cohort file, processed in the background in batches. Counters
 * and `checkpointRow` move in the transaction of each batch, so they are exact after a crash.
 */
@Entity({ schema: 'graduate-profiles', name: 'import_jobs' })
export class ImportJobEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'college_id', type: 'text' })
  collegeId!: string;

  @Column({ type: 'text' })
  status!: ImportJobStatus;

  /** The uploaded file's name, as the browser sent it. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'file_format', type: 'text' })
  fileFormat!: TableFormat;

  @Column({ name: 'file_size', type: 'bigint', transformer: count })
  fileSize!: number;

  /** The upload's name inside GRADUATE_IMPORT_DIR; null once the job finished and it was deleted. */
  @Column({ name: 'stored_file', type: 'text', nullable: true })
  storedFile!: string | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_by_role', type: 'text' })
  requestedByRole!: string;

  /** Ties the job's log lines and events to the upload request. */
  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  /** Data rows in the file; null until the file has been counted. */
  @Column({ name: 'total_rows', type: 'integer', nullable: true })
  totalRows!: number | null;

  @Column({ name: 'processed_rows', type: 'integer' })
  processedRows!: number;

  @Column({ type: 'integer' })
  created!: number;

  @Column({ type: 'integer' })
  updated!: number;

  @Column({ type: 'integer' })
  unchanged!: number;

  @Column({ type: 'integer' })
  rejected!: number;

  @Column({ name: 'error_count', type: 'integer' })
  errorCount!: number;

  @Column({ name: 'events_written', type: 'integer' })
  eventsWritten!: number;

  /** The last file row (as numbered in the file) whose outcome is committed. */
  @Column({ name: 'checkpoint_row', type: 'integer' })
  checkpointRow!: number;

  /** How many times a runner has started on the job (more than one: it was resumed). */
  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'lease_owner', type: 'text', nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', precision: 3, nullable: true })
  leaseExpiresAt!: Date | null;

  @Column({ name: 'failure_code', type: 'text', nullable: true })
  failureCode!: string | null;

  @Column({ name: 'failure_message', type: 'text', nullable: true })
  failureMessage!: string | null;

  @Column({ name: 'failure_details', type: 'jsonb', nullable: true })
  failureDetails!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3, nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

/** One problem of one row of an import (a row may have several). */
@Entity({ schema: 'graduate-profiles', name: 'import_job_errors' })
export class ImportJobErrorEntity {
  @PrimaryColumn({ type: 'bigint', transformer: count })
  id!: number;

  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @Column({ name: 'row_number', type: 'integer' })
  rowNumber!: number;

  @Column({ name: 'column_name', type: 'text' })
  columnName!: string;

  @Column({ type: 'text' })
  field!: string;

  /** The cell as uploaded; phone and e-mail masked. */
  @Column({ type: 'text' })
  value!: string;

  @Column({ type: 'text' })
  message!: string;
}
