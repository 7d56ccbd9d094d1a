import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { CorrelationId, Idempotent } from '#runtime';
import { toCategoryResponses, toDestinationResponse } from './destination.mapper.js';
import { AuditDestinationDto } from './dto/audit-destination.dto.js';
import {
  DestinationCategoryResponseDto,
  DestinationHistoryResponseDto,
  DestinationResponseDto,
} from './dto/destination.response.dto.js';
import { RegisterDestinationDto } from './dto/register-destination.dto.js';
import { AuditDestinationUseCase } from './use-cases/audit-destination.use-case.js';
import { ReadDestinationsUseCase } from './use-cases/read-destinations.use-case.js';
import { RegisterDestinationUseCase } from './use-cases/register-destination.use-case.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('destinations 毕业去向')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller()
export class DestinationsController {
  constructor(
    private readonly register: RegisterDestinationUseCase,
    private readonly audit: AuditDestinationUseCase,
    private readonly read: ReadDestinationsUseCase,
  ) {}

  @Get('destination-categories')
  @ApiOperation({
    summary: '毕业去向代码表',
    description:
      '现行毕业去向代码、统计分组、是否计入落实率，以及登记时各代码必填的字段。代码表是参考数据，口径调整时随数据更新。',
  })
  @ApiOkResponse({ type: [DestinationCategoryResponseDto] })
  categories(): DestinationCategoryResponseDto[] {
    return toCategoryResponses();
  }

  @Post('graduates/:graduateId/destinations')
  @Idempotent()
  @Roles('graduate', 'college')
  @ApiOperation({
    summary: '登记毕业去向（毕业生本人或本校）',
    description:
      '登记后为“待审核”，由本校审核。新的登记取代此前的登记（历史保留）。毕业当年 8 月 31 日（北京时间）后不能再登记（409）。' +
      '计入落实率的去向须填写证明材料编号和落实日期；协议和合同就业、自主创业须填写单位名称和所在城市，升学须填写录取院校。',
  })
  @ApiResponse({ status: 201, type: DestinationResponseDto })
  @ApiResponse({ status: 400, description: '字段不合规（errors 中逐项列出字段与原因）' })
  @ApiResponse({ status: 404, description: '毕业生不存在或无权访问' })
  @ApiResponse({ status: 409, description: '已过登记截止日（destination_registration_locked）' })
  async registerDestination(
    @CurrentCaller() caller: Caller,
    @Param('graduateId', uuid) graduateId: string,
    @Body() dto: RegisterDestinationDto,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DestinationResponseDto> {
    const record = await this.register.execute(caller, graduateId, dto, correlationId);
    res.setHeader('Location', `/destinations/${record.destination.id}`);
    return toDestinationResponse(record, true);
  }

  @Get('graduates/:graduateId/destinations')
  @Roles('graduate', 'college')
  @ApiOperation({ summary: '毕业去向登记历史（从新到旧，含审核记录）' })
  @ApiOkResponse({ type: DestinationHistoryResponseDto })
  async listDestinations(
    @CurrentCaller() caller: Caller,
    @Param('graduateId', uuid) graduateId: string,
  ): Promise<DestinationHistoryResponseDto> {
    const history = await this.read.history(caller, graduateId);
    return {
      graduateId: history.graduate.id,
      graduationYear: history.graduate.graduationYear,
      deadline: history.deadline,
      locked: history.locked,
      currentDestinationId: history.current?.destination.id ?? null,
      items: history.records.map((r) => toDestinationResponse(r, r === history.current)),
    };
  }

  @Get('destinations/:id')
  @Roles('graduate', 'college')
  @ApiOperation({ summary: '一条毕业去向登记（含审核记录）' })
  @ApiOkResponse({ type: DestinationResponseDto })
  async getDestination(
    @CurrentCaller() caller: Caller,
    @Param('id', uuid) id: string,
  ): Promise<DestinationResponseDto> {
    const { record, current } = await this.read.get(caller, id);
    return toDestinationResponse(record, current);
  }

  @Post('destinations/:id/audit')
  @HttpCode(200)
  @Idempotent()
  @Roles('college')
  @ApiOperation({
    summary: '审核毕业去向（本校）',
    description:
      'confirm 审核通过（生成核验码，可同时更正去向代码）或 return 退回（须填写理由，该登记作废，由毕业生重新登记）。' +
      '只能审核毕业生当前有效的登记；已审核通过的登记仍可退回（如抽查发现问题）。毕业当年 8 月 31 日后不能再审核（409）。',
  })
  @ApiOkResponse({ type: DestinationResponseDto })
  @ApiResponse({ status: 404, description: '登记不存在或不属于本校' })
  @ApiResponse({
    status: 409,
    description:
      '已过截止日（destination_registration_locked）、已有更新的登记（destination_superseded）或已审核（destination_already_decided）',
  })
  async auditDestination(
    @CurrentCaller() caller: Caller,
    @Param('id', uuid) id: string,
    @Body() dto: AuditDestinationDto,
    @CorrelationId() correlationId: string,
  ): Promise<DestinationResponseDto> {
    const { record, current } = await this.audit.execute(caller, id, dto, correlationId);
    return toDestinationResponse(record, current);
  }
}
