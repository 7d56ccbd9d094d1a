import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { ListRecommendationsQueryDto, PipelineActionDto, RecommendationResponseDto } from './dto/recommendation.dto.js';
import { PIPELINE_MOVES, type PipelineAction } from './recommendation-lifecycle.js';
import { toRecommendationResponse } from './recommendation.mapper.js';
import { RecommendationPipelineUseCase } from './recommendation-pipeline.use-case.js';
import { ReadRecommendationsUseCase } from './read-recommendations.use-case.js';

/** Actions a person may take through the API (`expire` is the platform's alone). */
const PERSON_ACTIONS = (Object.keys(PIPELINE_MOVES) as PipelineAction[]).filter((a) => a !== 'expire');
const ActionEnum = Object.fromEntries(PERSON_ACTIONS.map((a) => [a, a]));

@ApiTags('recommendations 推荐与双向确认')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller()
export class RecommendationsController {
  constructor(
    private readonly read: ReadRecommendationsUseCase,
    private readonly pipeline: RecommendationPipelineUseCase,
  ) {}

  @Get('demands/:demandId/recommendations')
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '需求的推荐候选人（匿名，含状态与评分解释）', description: '按推荐排名排序，游标分页' })
  async listForDemand(
    @CurrentCaller() caller: Caller,
    @Param('demandId') demandId: string,
    @Query() query: ListRecommendationsQueryDto,
  ): Promise<{ items: RecommendationResponseDto[]; nextCursor: string | null }> {
    const page = await this.read.listForDemand(caller, demandId, query);
    return { items: page.items.map((r) => toRecommendationResponse(r, caller)), nextCursor: page.nextCursor };
  }

  @Get('recommendations/:id')
  @Roles('enterprise', 'graduate', 'organizer', 'platform_admin')
  @ApiOperation({ summary: '一条推荐的详情与可执行操作' })
  @ApiOkResponse({ type: RecommendationResponseDto })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<RecommendationResponseDto> {
    return toRecommendationResponse(await this.read.get(caller, id), caller);
  }

  @Post('recommendations/:id/:action')
  @HttpCode(200)
  @Roles('enterprise', 'graduate', 'organizer', 'platform_admin')
  @ApiParam({ name: 'action', enum: PERSON_ACTIONS })
  @ApiOperation({
    summary: '推进双向确认流程',
    description:
      '企业：view 查看 → invite 邀请；毕业生：accept 接受（同意向该企业披露身份与联系方式）/ decline 婉拒；' +
      '企业：interview 面试 → offer 录用意向 → hire 录用，或 reject 不通过；毕业生可随时 withdraw 撤回。' +
      '非法的状态转换返回 409 并列出可执行的操作；同一毕业生同时只能有一个有效录用。',
  })
  @ApiOkResponse({ type: RecommendationResponseDto })
  async act(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('action', new ParseEnumPipe(ActionEnum)) action: PipelineAction,
    @Body() body: PipelineActionDto,
  ): Promise<RecommendationResponseDto> {
    return toRecommendationResponse(await this.pipeline.act(caller, id, action, body.reason ?? null), caller);
  }

  @Get('graduates/:graduateId/invitations')
  @Roles('graduate')
  @ApiOperation({ summary: '我收到的全部邀请及其状态' })
  async invitations(
    @CurrentCaller() caller: Caller,
    @Param('graduateId') graduateId: string,
  ): Promise<{ items: RecommendationResponseDto[] }> {
    const items = await this.read.invitationsOf(caller, graduateId);
    return { items: items.map((r) => toRecommendationResponse(r, caller)) };
  }
}
