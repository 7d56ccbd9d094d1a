import { Module } from '@nestjs/common';
import { DemandsModule } from '../demands/demands.module.js';
import { PostingReportsController } from './posting-reports.controller.js';
import { PostingReportsRepository } from './posting-reports.repository.js';
import { PostingReportsUseCase } from './use-cases/report-posting.use-case.js';

/** 举报: reports about postings, reviewed by organizers. */
@Module({
  imports: [DemandsModule],
  controllers: [PostingReportsController],
  providers: [PostingReportsRepository, PostingReportsUseCase],
})
export class PostingReportsModule {}
