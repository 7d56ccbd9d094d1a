import { Module } from '@nestjs/common';
import { DemandsModule } from '../demands/demands.module.js';
import { DemandImportUploadErrorsInterceptor } from './demand-import-upload.interceptor.js';
import { DemandImportsController } from './demand-imports.controller.js';
import { ImportDemandsUseCase } from './use-cases/import-demands.use-case.js';

/** 需求批量导入: CSV/XLSX upload of demands, each valid row created through CreateDemandUseCase. */
@Module({
  imports: [DemandsModule],
  controllers: [DemandImportsController],
  providers: [ImportDemandsUseCase, DemandImportUploadErrorsInterceptor],
})
export class DemandImportsModule {}
