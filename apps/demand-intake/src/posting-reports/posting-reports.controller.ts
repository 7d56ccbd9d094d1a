import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import {
  CreatePostingReportDto,
  ListPostingReportsQueryDto,
  ResolvePostingReportDto,
} from './dto/posting-report.dto.js';
import { REPORT_CATEGORY_LABELS, type PostingReportEntity } from './posting-report.entity.js';
import { PostingReportsRepository } from './posting-reports.repository.js';
import { PostingReportsUseCase } from './use-cases/report-posting.use-case.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

function toResponse(r: PostingReportEntity) {
  return {
    id: r.id,
    demandId: r.demandId,
    enterpriseId: r.enterpriseId,
    reporterRole: r.reporterRole,
    reporterOrg: r.reporterOrg,
    category: r.category,
    categoryLabel: REPORT_CATEGORY_LABELS[r.category],
    detail: r.detail,
    status: r.status,
    resolutionNote: r.resolutionNote,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}

@ApiTags('posting-reports 举报')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller()
export class PostingReportsController {
  constructor(
    private readonly useCase: PostingReportsUseCase,
    private readonly reports: PostingReportsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('demands/:id/reports')
  @Roles('graduate', 'college')
  @ApiOperation({ summary: '举报招聘信息（虚假、薪酬不实、与实际岗位不符…）' })
  async report(@CurrentCaller() caller: Caller, @Param('id', uuid) id: string, @Body() dto: CreatePostingReportDto) {
    return toResponse(await this.useCase.report(caller, id, dto));
  }

  @Get('posting-reports')
  @Roles('organizer', 'platform_admin')
  @ApiOperation({ summary: '举报列表（组织方），附各企业待处理举报数' })
  async list(@Query() query: ListPostingReportsQueryDto) {
    const { items, openByEnterprise } = await this.reports.list(this.dataSource.manager, {
      ...query,
      limit: query.limit ?? 50,
    });
    return { items: items.map(toResponse), openByEnterprise };
  }

  @Post('posting-reports/:id/resolution')
  @HttpCode(200)
  @Roles('organizer', 'platform_admin')
  @ApiOperation({ summary: '处理举报：驳回或已处理（如需暂停企业，请调用企业暂停接口）' })
  async resolve(@CurrentCaller() caller: Caller, @Param('id', uuid) id: string, @Body() dto: ResolvePostingReportDto) {
    return toResponse(await this.useCase.resolve(caller, id, dto));
  }
}
