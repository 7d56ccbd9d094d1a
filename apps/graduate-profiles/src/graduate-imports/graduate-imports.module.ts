import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CollegesModule } from '../colleges/index.js';
import { GraduatesModule } from '../graduates/graduates.module.js';
import { ImportTenantInterceptor, ImportUploadErrorsInterceptor } from './graduate-import-upload.interceptors.js';
import { GraduateImportRunner } from './graduate-import.runner.js';
import { CollegeGraduateImportsController, GraduateImportsController } from './graduate-imports.controller.js';
import { ImportFileStorage } from './import-file.storage.js';
import { ImportJobsRepository } from './import-jobs.repository.js';
import { ReadImportJobsUseCase } from './use-cases/read-import-jobs.use-case.js';
import { RunGraduateImportUseCase } from './use-cases/run-graduate-import.use-case.js';
import { StartGraduateImportUseCase } from './use-cases/start-graduate-import.use-case.js';

/** Where uploads are stored: shared by the upload route (multer) and the runner. */
@Module({ providers: [ImportFileStorage], exports: [ImportFileStorage] })
export class ImportFileStorageModule {}

/**
 * 毕业生批量导入: a college uploads its cohort (CSV/XLSX); a durable background job upserts it in
 * batches through the graduates context's UpsertGraduatesUseCase and keeps a per-row error report.
 */
@Module({
  imports: [
    CollegesModule,
    GraduatesModule,
    ImportFileStorageModule,
    MulterModule.registerAsync({
      imports: [ImportFileStorageModule],
      inject: [ImportFileStorage],
      useFactory: (storage: ImportFileStorage) => ({ storage }),
    }),
  ],
  controllers: [CollegeGraduateImportsController, GraduateImportsController],
  providers: [
    ImportJobsRepository,
    RunGraduateImportUseCase,
    StartGraduateImportUseCase,
    ReadImportJobsUseCase,
    GraduateImportRunner,
    ImportTenantInterceptor,
    ImportUploadErrorsInterceptor,
  ],
})
export class GraduateImportsModule {}
