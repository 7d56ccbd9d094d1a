import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BEARER_AUTH_NAME, Roles } from '#auth';
import { CanaryService } from './canary.service.js';
import { CanaryReceiptsQueryDto, SendCanariesDto } from './canary.dto.js';

@ApiTags('platform')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Roles('platform_admin')
@Controller('platform/canaries')
export class CanaryController {
  constructor(private readonly canaries: CanaryService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: '写入探针事件（经发件箱）', description: '验证事件管道：其他服务应各收到一次且按序。' })
  async send(@Body() dto: SendCanariesDto) {
    const eventIds = await this.canaries.send(dto.streamKey, dto.fromSequence, dto.count, dto.note);
    return { accepted: eventIds.length, eventIds };
  }

  @Get('receipts')
  @ApiOperation({ summary: '本服务收到的探针事件汇总' })
  receipts(@Query() query: CanaryReceiptsQueryDto) {
    return this.canaries.summary(query.producer, query.streamKey);
  }
}
