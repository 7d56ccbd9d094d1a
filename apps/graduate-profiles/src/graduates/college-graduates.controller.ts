import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { etagOf, Idempotent } from '#runtime';
import { CorrelationId } from '#runtime';
import { toGraduateListItem, toGraduateResponse } from './graduate.mapper.js';
import { GraduatePageDto, UpsertGraduateResponseDto } from './dto/graduate.response.dto.js';
import { ListGraduatesQueryDto } from './dto/list-graduates.query.dto.js';
import { UpsertGraduateDto } from './dto/upsert-graduate.dto.js';
import { ListGraduatesUseCase } from './use-cases/list-graduates.use-case.js';
import { UpsertOneGraduateUseCase } from './use-cases/upsert-one-graduate.use-case.js';

@ApiTags('graduates')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('colleges/:collegeId/graduates')
export class CollegeGraduatesController {
  constructor(
    private readonly listGraduates: ListGraduatesUseCase,
    private readonly upsertGraduate: UpsertOneGraduateUseCase,
  ) {}

  @Get()
  @Roles('college')
  @ApiOperation({
    summary: '本校毕业生列表',
    description:
      '仅本校可查看。按届别、院系、专业、授权状态和姓名/学号筛选，按学号排序，游标分页；列表中的联系方式脱敏（完整档案见 GET /graduates/{id}，查看记入日志）。已删除的毕业生不出现。',
  })
  @ApiOkResponse({ type: GraduatePageDto })
  async list(
    @Param('collegeId') collegeId: string,
    @Query() query: ListGraduatesQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<GraduatePageDto> {
    const page = await this.listGraduates.execute(caller, collegeId, query);
    return { items: page.items.map(toGraduateListItem), nextCursor: page.nextCursor };
  }

  @Put(':studentNumber')
  @Idempotent()
  @Roles('college')
  @ApiOperation({
    summary: '按学号新建或更新毕业生档案',
    description:
      '本校按学号提交一名毕业生的完整档案（响应中联系方式脱敏）：新建返回 201，有变化返回 200（outcome=updated），与已存档案相同返回 200（outcome=unchanged，不改版本、不发事件）。' +
      '本科专业须在所填年份的本科专业目录中；高职、中职专业须填写名称；院系须为本校登记的院系。未填写的可选字段保留原值。',
  })
  @ApiOkResponse({ type: UpsertGraduateResponseDto, description: '201 新建 / 200 更新或无变化；响应头含 ETag' })
  @ApiConflictResponse({ description: 'college_not_registered' })
  async upsert(
    @Param('collegeId') collegeId: string,
    @Param('studentNumber') studentNumber: string,
    @Body() dto: UpsertGraduateDto,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UpsertGraduateResponseDto> {
    const { outcome, graduate } = await this.upsertGraduate.execute({
      caller,
      collegeId,
      studentNumber,
      body: dto,
      correlationId,
    });
    res.status(outcome === 'created' ? 201 : 200);
    res.setHeader('ETag', etagOf(graduate.version));
    if (outcome === 'created') res.setHeader('Location', `/graduates/${graduate.id}`);
    // Contacts masked: the stored ones may be the graduate's own newer entries, and showing them
    // here would be a reveal without an audit row (GET /graduates/{id} shows them, audited).
    return {
      outcome,
      graduate: toGraduateResponse(graduate, 'college', { name: true, studentNumber: true, contacts: false }),
    };
  }
}
