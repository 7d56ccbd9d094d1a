import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { etagOf, expectedVersionFrom, Idempotent } from '#runtime';
import { toDemandResponse } from './demand.mapper.js';
import { CloseDemandDto, CreateDemandDto, UpdateDemandDto } from './dto/demand-input.dto.js';
import { ListDemandsQueryDto } from './dto/list-demands.dto.js';
import { ChangeDemandStatusUseCase, type UserDemandAction } from './use-cases/change-demand-status.use-case.js';
import { CreateDemandUseCase } from './use-cases/create-demand.use-case.js';
import { ReadDemandsUseCase } from './use-cases/read-demands.use-case.js';
import { UpdateDemandUseCase } from './use-cases/update-demand.use-case.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('demands 人才需求')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('demands')
export class DemandsController {
  constructor(
    private readonly create: CreateDemandUseCase,
    private readonly update: UpdateDemandUseCase,
    private readonly status: ChangeDemandStatusUseCase,
    private readonly read: ReadDemandsUseCase,
  ) {}

  @Post()
  @Idempotent()
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '创建需求（草稿）' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async createDemand(
    @CurrentCaller() caller: Caller,
    @Body() dto: CreateDemandDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const demand = await this.create.execute(caller, dto);
    res.setHeader('ETag', etagOf(demand.version));
    res.setHeader('Location', `/demands/${demand.id}`);
    return toDemandResponse(demand);
  }

  @Get()
  @ApiOperation({ summary: '需求列表（按角色可见范围，游标分页）' })
  async listDemands(@CurrentCaller() caller: Caller, @Query() query: ListDemandsQueryDto) {
    const page = await this.read.list(caller, query);
    return { items: page.items.map(toDemandResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: '需求详情' })
  async getDemand(
    @CurrentCaller() caller: Caller,
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const demand = await this.read.get(caller, id);
    res.setHeader('ETag', etagOf(demand.version));
    return toDemandResponse(demand);
  }

  @Patch(':id')
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '修改需求（需 If-Match）' })
  @ApiHeader({ name: 'If-Match', required: true, description: '需求的 ETag' })
  async updateDemand(
    @CurrentCaller() caller: Caller,
    @Param('id', uuid) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateDemandDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const demand = await this.update.execute(caller, id, expectedVersionFrom(ifMatch), dto);
    res.setHeader('ETag', etagOf(demand.version));
    return toDemandResponse(demand);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Idempotent()
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '发布需求' })
  publish(
    @CurrentCaller() c: Caller,
    @Param('id', uuid) id: string,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.transition(c, id, 'publish', m, res);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Idempotent()
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '暂停需求' })
  pause(
    @CurrentCaller() c: Caller,
    @Param('id', uuid) id: string,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.transition(c, id, 'pause', m, res);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Idempotent()
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '恢复需求' })
  resume(
    @CurrentCaller() c: Caller,
    @Param('id', uuid) id: string,
    @Headers('if-match') m: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.transition(c, id, 'resume', m, res);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Idempotent()
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '关闭（撤回）需求' })
  close(
    @CurrentCaller() c: Caller,
    @Param('id', uuid) id: string,
    @Headers('if-match') m: string | undefined,
    @Body() _dto: CloseDemandDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.transition(c, id, 'close', m, res);
  }

  /** If-Match is optional on transitions: when given, a stale version is refused. */
  private async transition(
    caller: Caller,
    id: string,
    action: UserDemandAction,
    ifMatch: string | undefined,
    res: Response,
  ) {
    const expected = ifMatch ? expectedVersionFrom(ifMatch) : null;
    const demand = await this.status.execute(caller, id, action, expected);
    res.setHeader('ETag', etagOf(demand.version));
    return toDemandResponse(demand);
  }
}
