import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { detectFormat } from '#tabular';
import { CollegeNotFoundException, CollegesRepository } from '../../colleges/index.js';
import { mayManageImportsOf } from '../graduate-import-access.policy.js';
import { GraduateImportException } from '../graduate-import.exception.js';
import { GraduateImportRunner } from '../graduate-import.runner.js';
import type { ImportJobEntity } from '../import-job.entity.js';
import { ImportFileStorage, type StoredUpload } from '../import-file.storage.js';
import { ImportJobsRepository } from '../import-jobs.repository.js';

export interface StartGraduateImportCommand {
  caller: Caller;
  collegeId: string;
  /** The upload as multer stored it in the import directory; undefined when the request had none. */
  upload: StoredUpload | undefined;
  correlationId: string;
}

/**
 * Accepts a cohort file: checks who uploads for which college and that the file is a CSV or an
 * XLSX, records a queued job and wakes the runner. Nothing of the file is read here beyond its
 * first bytes; the upload is answered at once and the job reports its progress.
 */
@Injectable()
export class StartGraduateImportUseCase {
  private readonly logger = new Logger(StartGraduateImportUseCase.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly colleges: CollegesRepository,
    private readonly jobs: ImportJobsRepository,
    private readonly storage: ImportFileStorage,
    private readonly runner: GraduateImportRunner,
  ) {}

  async execute(command: StartGraduateImportCommand): Promise<ImportJobEntity> {
    const { caller, collegeId, upload } = command;
    if (!mayManageImportsOf(caller, collegeId)) {
      await this.storage.remove(upload?.filename);
      throw new CollegeNotFoundException(collegeId);
    }
    if (!upload) throw GraduateImportException.fileMissing();
    const fileName = displayName(upload.originalname);
    let job: ImportJobEntity;
    try {
      const format = detectFormat(fileName, upload.mimetype, await this.storage.head(upload.filename));
      if (!format) throw GraduateImportException.unsupportedFormat(fileName);
      job = await this.dataSource.transaction(async (manager) => {
        const college = await this.colleges.findById(manager, collegeId);
        if (!college) {
          if (caller.role === 'college') throw GraduateImportException.collegeNotRegistered(collegeId);
          throw new CollegeNotFoundException(collegeId);
        }
        const id = randomUUID();
        await this.jobs.insert(manager, {
          id,
          collegeId,
          fileName,
          fileFormat: format,
          fileSize: upload.size,
          storedFile: upload.filename,
          requestedBy: caller.subject,
          requestedByRole: caller.role,
          correlationId: command.correlationId,
        });
        return (await this.jobs.findById(manager, id))!;
      });
    } catch (err) {
      await this.storage.remove(upload.filename);
      throw err;
    }
    this.logger.log({
      msg: 'graduate import queued',
      jobId: job.id,
      collegeId,
      format: job.fileFormat,
      bytes: job.fileSize,
      correlationId: job.correlationId,
    });
    this.runner.wake();
    return job;
  }
}

/** The name as the person knows it: no client path, bounded length. */
function displayName(original: string): string {
  const name = original.split(/[\\/]/).pop()?.trim() || 'upload';
  return name.length > 200 ? `${name.slice(0, 100)}…${name.slice(-99)}` : name;
}
