import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { validationFailed } from '#runtime';
import type { CellValue } from '#tabular';
import { CollegeNotFoundException } from '../../colleges/index.js';
import { mayManageImportsOf } from '../graduate-import-access.policy.js';
import { IMPORT_EVENTS } from '../graduate-import.constants.js';
import { ImportJobNotFoundException } from '../graduate-import.exception.js';
import {
  decodeErrorCursor,
  decodeJobCursor,
  encodeErrorCursor,
  encodeJobCursor,
  isUuid,
  toImportError,
  toImportJobResponse,
} from '../graduate-import.mapper.js';
import type { ImportErrorPageDto, ImportJobPageDto, ImportJobResponseDto } from '../dto/import-job.response.dto.js';
import type { ImportJobEntity } from '../import-job.entity.js';
import { ImportJobsRepository } from '../import-jobs.repository.js';

const badCursor = () =>
  validationFailed([
    {
      field: 'cursor',
      problem: '不是有效的分页游标，请使用上一页返回的 nextCursor',
      constraint: 'cursor',
      detail: 'invalid',
    },
  ]);

/** Reading jobs: one, a college's list, the progress stream and the error report. */
@Injectable()
export class ReadImportJobsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ImportJobsRepository,
  ) {}

  /** The job, if the caller may see it; otherwise the same 404 as an unknown id. */
  async get(caller: Caller, jobId: string): Promise<ImportJobEntity> {
    const job = isUuid(jobId) ? await this.jobs.findById(this.dataSource.manager, jobId) : null;
    if (!job || !mayManageImportsOf(caller, job.collegeId)) throw new ImportJobNotFoundException(jobId);
    return job;
  }

  async list(caller: Caller, collegeId: string, limit = 20, cursor?: string): Promise<ImportJobPageDto> {
    if (!mayManageImportsOf(caller, collegeId)) throw new CollegeNotFoundException(collegeId);
    const after = cursor === undefined ? null : decodeJobCursor(cursor);
    if (cursor !== undefined && !after) throw badCursor();
    const page = await this.jobs.listByCollege(this.dataSource.manager, collegeId, limit + 1, after);
    const items = page.slice(0, limit);
    return {
      items: items.map(toImportJobResponse),
      nextCursor: page.length > limit ? encodeJobCursor(items[items.length - 1]!) : null,
    };
  }

  /**
   * The job's state as a stream: now, then on every change (looked up every IMPORT_EVENTS.pollMs,
   * so it works whichever instance runs the job), a keep-alive repeat after a long silence, and
   * complete after the final state. The caller checks access before subscribing.
   */
  progress(job: ImportJobEntity): Observable<ImportJobResponseDto> {
    return new Observable<ImportJobResponseDto>((subscriber) => {
      let timer: NodeJS.Timeout | null = null;
      let stopped = false;
      let last = '';
      let lastSentAt = 0;
      const emit = (current: ImportJobEntity): boolean => {
        const body = toImportJobResponse(current);
        const key = JSON.stringify(body);
        if (key !== last || Date.now() - lastSentAt >= IMPORT_EVENTS.keepAliveMs) {
          subscriber.next(body);
          last = key;
          lastSentAt = Date.now();
        }
        return current.status === 'completed' || current.status === 'failed';
      };
      const tick = async () => {
        try {
          const current = await this.jobs.findById(this.dataSource.manager, job.id);
          // Gone (retention removed it): nothing more will happen.
          if (!current || emit(current)) return subscriber.complete();
        } catch (err) {
          return subscriber.error(err);
        }
        if (!stopped) timer = setTimeout(() => void tick(), IMPORT_EVENTS.pollMs);
      };
      if (emit(job)) subscriber.complete();
      else timer = setTimeout(() => void tick(), IMPORT_EVENTS.pollMs);
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
      };
    });
  }

  async errorsPage(job: ImportJobEntity, limit = 100, cursor?: string): Promise<ImportErrorPageDto> {
    const after = cursor === undefined ? null : decodeErrorCursor(cursor);
    if (cursor !== undefined && !after) throw badCursor();
    const page = await this.jobs.errorsPage(this.dataSource.manager, job.id, after, limit + 1);
    const items = page.slice(0, limit);
    return {
      jobId: job.id,
      status: job.status,
      total: job.errorCount,
      items: items.map(toImportError),
      nextCursor: page.length > limit ? encodeErrorCursor(items[items.length - 1]!) : null,
    };
  }

  /** Every error of the job in file order, a page at a time (for the CSV report of any length). */
  async *errorReportRows(job: ImportJobEntity, pageSize = 2_000): AsyncGenerator<Record<string, CellValue>> {
    let after = null as { row: number; id: number } | null;
    for (;;) {
      const page = await this.jobs.errorsPage(this.dataSource.manager, job.id, after, pageSize);
      // Keys are ERROR_REPORT_HEADERS.
      for (const e of page) yield { 行号: e.rowNumber, 列: e.columnName, 值: e.value, 错误说明: e.message };
      if (page.length < pageSize) return;
      const last = page[page.length - 1]!;
      after = { row: last.rowNumber, id: last.id };
    }
  }
}
