import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { AppException, NotFoundAppException } from '#runtime';
import { ReadDemandsUseCase } from '../../demands/use-cases/read-demands.use-case.js';
import { PostingReportEntity } from '../posting-report.entity.js';
import { PostingReportsRepository } from '../posting-reports.repository.js';
import type { CreatePostingReportDto, ResolvePostingReportDto } from '../dto/posting-report.dto.js';

/** Graduates and colleges report postings; organizers review them and may suspend the enterprise. */
@Injectable()
export class PostingReportsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: PostingReportsRepository,
    private readonly demands: ReadDemandsUseCase,
  ) {}

  async report(caller: Caller, demandId: string, dto: CreatePostingReportDto): Promise<PostingReportEntity> {
    // Only a posting the reporter can see can be reported (anything else is a 404).
    const demand = await this.demands.get(caller, demandId);
    return this.dataSource.transaction(async (manager) => {
      if (await this.reports.hasOpenReport(manager, demandId, caller.subject)) {
        throw new AppException('already_reported', 409, '您已举报过该需求，组织方正在处理', { demandId });
      }
      return this.reports.insert(
        manager,
        Object.assign(new PostingReportEntity(), {
          id: randomUUID(),
          demandId,
          enterpriseId: demand.enterpriseId,
          reporterRole: caller.role as 'graduate' | 'college',
          reporterSubject: caller.subject,
          reporterOrg: caller.orgId,
          category: dto.category,
          detail: (dto.detail ?? '').trim(),
          status: 'open' as const,
          resolutionNote: null,
          resolvedBy: null,
          resolvedAt: null,
        }),
      );
    });
  }

  async resolve(caller: Caller, id: string, dto: ResolvePostingReportDto): Promise<PostingReportEntity> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.reports.lockById(manager, id);
      if (!report) throw new NotFoundAppException('举报', id);
      if (report.status !== 'open') {
        throw new AppException('report_already_resolved', 409, '该举报已处理', { status: report.status });
      }
      report.status = dto.outcome;
      report.resolutionNote = dto.note?.trim() || null;
      report.resolvedBy = caller.subject;
      report.resolvedAt = new Date();
      return this.reports.save(manager, report);
    });
  }
}
