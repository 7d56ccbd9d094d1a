import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { HeaderLayout, TableRow } from '#tabular';
import { CollegesRepository } from '../../colleges/index.js';
import type { NormalisedGraduateInput } from '../../graduates/graduate-profile.rules.js';
import { UpsertGraduatesUseCase } from '../../graduates/use-cases/upsert-graduates.use-case.js';
import { GraduateProfilesEnvironment } from '../../graduate-profiles.environment.js';
import { ReadingStopped, readSpooledCohort, spoolCohortFile } from '../cohort-file.reader.js';
import type { GraduateColumnKey } from '../graduate-import.columns.js';
import { IMPORT_RUNNER } from '../graduate-import.constants.js';
import { ImportJobFailure } from '../graduate-import.exception.js';
import {
  GraduateRowChecker,
  type ImportRowError,
  type RowVerdict,
  type ValidatedRow,
} from '../graduate-row.checker.js';
import type { ImportJobEntity } from '../import-job.entity.js';
import { ImportFileStorage } from '../import-file.storage.js';
import { ImportJobsRepository, type BatchOutcome } from '../import-jobs.repository.js';

/** The runner's hold on a job: writes are fenced by `owner`; `signal` asks the run to stop. */
export interface JobLease {
  owner: string;
  signal: AbortSignal;
}

/**
 * How a run ended: `completed`/`failed` are final; `stopped` handed the job back to the queue
 * (the service is stopping); `interrupted` left it to be taken over when its lease runs out
 * (the database went away); `lost` means another runner holds it now.
 */
export type RunOutcome = 'completed' | 'failed' | 'stopped' | 'interrupted' | 'lost';

/** Another runner took the job over (our lease ran out): stop without writing. */
class LeaseLostError extends Error {}

/** Rows read but not yet committed: the valid ones for the upsert, the rejected ones with their errors. */
class PendingBatch {
  valid: ValidatedRow[] = [];
  errors: ImportRowError[] = [];
  rejected = 0;
  lastRow = 0;
  rows = 0;
}

/** Rows checked between two turns of the event loop (about 30 ms of work). */
const YIELD_EVERY_ROWS = 100;

const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300']);

/** A passing database problem (lost connection, deadlock, restart): worth a retry. */
function isTransient(err: unknown): boolean {
  const code = (err instanceof QueryFailedError ? (err.driverError as { code?: unknown }) : (err as { code?: unknown }))
    ?.code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (typeof code === 'string' && /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT)$/.test(code)) return true;
  return (
    err instanceof Error &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(err.message)
  );
}

/** The database refused the data of a row (a check or uniqueness rule): that row, not the batch, is at fault. */
function isDataError(err: unknown): err is QueryFailedError {
  const code = err instanceof QueryFailedError ? (err.driverError as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/**
 * Works through one claimed import job in two passes. The first reads the file once, refusing a
 * bad header, an unreadable file or more than GRADUATE_IMPORT_MAX_ROWS rows before anything is
 * written, and spools its rows to disk; the second streams the spool, checks each row and upserts
 * the valid ones in batches through UpsertGraduatesUseCase.
 *
 * Each batch is one transaction holding its rows' writes, their events (outbox), their row
 * errors and the job's counters with its checkpoint: a crash loses at most the batch in flight,
 * and the resumed run continues after the checkpoint with exact counts. While batch n commits,
 * batch n+1 is read and checked, so the service's CPU and the database's overlap.
 */
@Injectable()
export class RunGraduateImportUseCase {
  private readonly logger = new Logger(RunGraduateImportUseCase.name);
  private readonly batchSize: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ImportJobsRepository,
    private readonly colleges: CollegesRepository,
    private readonly upsert: UpsertGraduatesUseCase,
    private readonly storage: ImportFileStorage,
    env: GraduateProfilesEnvironment,
  ) {
    this.batchSize = env.GRADUATE_IMPORT_BATCH_SIZE;
  }

  async execute(jobId: string, lease: JobLease): Promise<RunOutcome> {
    const manager = this.dataSource.manager;
    const job = await this.jobs.findById(manager, jobId);
    if (!job || job.status !== 'running' || job.leaseOwner !== lease.owner) return 'lost';
    const started = Date.now();
    try {
      if (job.attempts > IMPORT_RUNNER.maxAttempts) throw ImportJobFailure.interrupted(job.attempts - 1);
      if (!job.storedFile) throw ImportJobFailure.fileLost();
      // The first read (check and count) spools the rows; a resumed job whose spool is complete reads that.
      let spooled = job.totalRows !== null && (await this.storage.spoolExists(job.storedFile));
      if (!spooled) {
        if (!(await this.storage.exists(job.storedFile))) throw ImportJobFailure.fileLost();
        const total = await this.spool(job, lease.signal);
        if (total !== null) {
          job.totalRows = total;
          if (!(await this.jobs.setTotalRows(manager, job.id, lease.owner, total))) return 'lost';
          spooled = true;
        }
      }
      const outcome = spooled ? await this.importRows(job, lease) : 'stopped';
      if (outcome === 'stopped') {
        await this.jobs.release(manager, job.id, lease.owner);
        this.logger.log({ msg: 'graduate import paused for shutdown', jobId, correlationId: job.correlationId });
        return 'stopped';
      }
      if (!(await this.jobs.complete(manager, job.id, lease.owner))) return 'lost';
      await this.discardUpload(job);
      const done = await this.jobs.findById(manager, job.id);
      this.logger.log({
        msg: 'graduate import completed',
        jobId,
        collegeId: job.collegeId,
        correlationId: job.correlationId,
        totalRows: done?.totalRows,
        created: done?.created,
        updated: done?.updated,
        unchanged: done?.unchanged,
        rejected: done?.rejected,
        eventsWritten: done?.eventsWritten,
        attempts: job.attempts,
        ms: Date.now() - started,
      });
      return 'completed';
    } catch (err) {
      if (err instanceof LeaseLostError) return 'lost';
      if (!(err instanceof ImportJobFailure) && isTransient(err)) {
        // The database is away: leave the job to be taken over when the lease runs out.
        this.logger.warn({ msg: 'graduate import interrupted', jobId, error: String(err) });
        return 'interrupted';
      }
      const failure = err instanceof ImportJobFailure ? err : ImportJobFailure.internal();
      if (!(err instanceof ImportJobFailure)) {
        this.logger.error({ msg: 'graduate import failed', jobId, correlationId: job.correlationId, err });
      }
      const failed = await this.jobs.fail(manager, job.id, lease.owner, {
        code: failure.code,
        message: failure.message,
        details: failure.details,
      });
      if (!failed) return 'lost';
      await this.discardUpload(job);
      this.logger.log({ msg: 'graduate import failed', jobId, code: failure.code, correlationId: job.correlationId });
      return 'failed';
    }
  }

  /** The first pass: the header, readability and the row limit, before any write. Null: asked to stop. */
  private async spool(job: ImportJobEntity, stop: AbortSignal): Promise<number | null> {
    const spoolPath = this.storage.spoolPathOf(job.storedFile!);
    try {
      return await spoolCohortFile(this.storage.open(job.storedFile!), job.fileFormat, spoolPath, stop);
    } catch (err) {
      if (err instanceof ReadingStopped) return null;
      throw err;
    }
  }

  private async importRows(job: ImportJobEntity, lease: JobLease): Promise<'done' | 'stopped'> {
    let layout: HeaderLayout<GraduateColumnKey> | undefined;
    let checker: GraduateRowChecker | undefined;
    // 学号 → the first row that has it: a later row with the same 学号 is refused.
    const seen = new Map<string, number>();
    let batch = new PendingBatch();
    // The batch being committed while the next one is read and checked; settles to its error.
    const commits: { inFlight: Promise<unknown> | null } = { inFlight: null };
    const settle = async () => {
      const err = await commits.inFlight;
      commits.inFlight = null;
      if (err) throw err;
    };

    const rows = readSpooledCohort(this.storage.spoolPathOf(job.storedFile!), (l) => {
      layout = l;
      checker = new GraduateRowChecker(l.columns);
    });
    try {
      for await (const row of rows) {
        if (row.rowNumber <= job.checkpointRow) {
          // Committed by an earlier run: only remembered for the duplicate check.
          const number = studentNumberOf(row, layout!);
          if (number && !seen.has(number)) seen.set(number, row.rowNumber);
          continue;
        }
        this.take(await checker!.check(row.rowNumber, row.values), row.values, checker!, seen, batch);
        // Checking is CPU work: let requests and the event consumer in every so often.
        if (batch.rows % YIELD_EVERY_ROWS === 0) await nextTurn();
        if (batch.rows < this.batchSize) continue;
        await settle();
        if (lease.signal.aborted) return 'stopped';
        commits.inFlight = this.commit(job, lease, checker!, batch).then(
          () => null,
          (err: unknown) => err ?? new Error('batch failed'),
        );
        batch = new PendingBatch();
      }
      await settle();
      if (batch.rows > 0) await this.commit(job, lease, checker!, batch);
      return 'done';
    } finally {
      // An early exit must not leave a commit running unobserved.
      await commits.inFlight;
    }
  }

  /** Sorts one checked row into the batch: valid, or rejected with its errors (a repeated 学号 included). */
  private take(
    verdict: RowVerdict,
    values: Readonly<Record<string, string>>,
    checker: GraduateRowChecker,
    seen: Map<string, number>,
    batch: PendingBatch,
  ): void {
    const number = verdict.studentNumber;
    const first = number === undefined ? undefined : seen.get(number);
    if (number !== undefined && first === undefined) seen.set(number, verdict.row);
    batch.rows += 1;
    batch.lastRow = verdict.row;
    if (first === undefined && verdict.ok) {
      batch.valid.push({ ...verdict, values });
      return;
    }
    batch.rejected += 1;
    if (first !== undefined) {
      batch.errors.push(
        checker.rowError(
          verdict.row,
          'studentNumber',
          number!,
          `学号 ${number} 与第 ${first} 行重复，同一学号在文件中只能出现一次；本行未导入`,
        ),
      );
    }
    if (!verdict.ok) batch.errors.push(...verdict.errors);
  }

  /** One batch in one transaction; a passing database problem is retried, a row the database refuses is isolated. */
  private async commit(job: ImportJobEntity, lease: JobLease, checker: GraduateRowChecker, batch: PendingBatch) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.dataSource.transaction((manager) => this.writeBatch(manager, job, lease, checker, batch, false));
        return;
      } catch (err) {
        if (err instanceof LeaseLostError || err instanceof ImportJobFailure) throw err;
        if (isDataError(err)) {
          this.logger.warn({ msg: 'a batch was refused by the database; writing its rows one by one', jobId: job.id });
          await this.dataSource.transaction((manager) => this.writeBatch(manager, job, lease, checker, batch, true));
          return;
        }
        if (!isTransient(err) || attempt > IMPORT_RUNNER.batchRetries) throw err;
        await sleep(250 * 2 ** attempt);
      }
    }
  }

  private async writeBatch(
    manager: EntityManager,
    job: ImportJobEntity,
    lease: JobLease,
    checker: GraduateRowChecker,
    batch: PendingBatch,
    rowByRow: boolean,
  ): Promise<void> {
    // Share lock: the 院系 list cannot change under the check (as for one graduate through the API).
    const college = await this.colleges.findByIdForShare(manager, job.collegeId);
    if (!college) throw ImportJobFailure.collegeGone();

    const errors = [...batch.errors];
    let rejected = batch.rejected;
    const graduates: { row: number; graduate: NormalisedGraduateInput }[] = [];
    for (const validated of batch.valid) {
      const content = checker.checkContent(validated, college);
      if (content.ok) graduates.push({ row: validated.row, graduate: content.graduate });
      else {
        errors.push(...content.errors);
        rejected += 1;
      }
    }

    const outcome: BatchOutcome = {
      checkpointRow: batch.lastRow,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected,
      eventsWritten: 0,
      errors,
    };
    const context = { correlationId: job.correlationId };
    const add = async (items: NormalisedGraduateInput[]) => {
      const summary = await this.upsert.executeIn(manager, job.collegeId, items, context);
      outcome.created += summary.created;
      outcome.updated += summary.updated;
      outcome.unchanged += summary.unchanged;
      outcome.eventsWritten += summary.eventsWritten;
    };
    if (!rowByRow) {
      if (graduates.length > 0) await add(graduates.map((g) => g.graduate));
    } else {
      for (const { row, graduate } of graduates) {
        await manager.query('SAVEPOINT import_row');
        try {
          await add([graduate]);
          await manager.query('RELEASE SAVEPOINT import_row');
        } catch (err) {
          if (!isDataError(err)) throw err;
          await manager.query('ROLLBACK TO SAVEPOINT import_row');
          const constraint = (err.driverError as { constraint?: string }).constraint;
          errors.push({
            row,
            column: '',
            field: '',
            value: '',
            message: `保存失败：本行数据不符合数据库规则${constraint ? `（${constraint}）` : ''}，未导入`,
          });
          outcome.rejected += 1;
        }
      }
    }
    if (!(await this.jobs.commitBatch(manager, job.id, lease.owner, outcome))) throw new LeaseLostError();
  }

  private async discardUpload(job: ImportJobEntity): Promise<void> {
    await this.storage.remove(job.storedFile);
    await this.jobs.clearStoredFile(this.dataSource.manager, job.id);
  }
}

function studentNumberOf(row: TableRow, layout: HeaderLayout<GraduateColumnKey>): string | undefined {
  const header = layout.columns.get('studentNumber');
  const value = header === undefined ? '' : (row.values[header] ?? '').normalize('NFKC');
  return value || undefined;
}
