import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { EnvBool } from '#config';
import { CandidatesUseCase } from './candidates.use-case.js';

export class PageQueryDto {
  @ApiPropertyOptional({ description: '跳过的条数', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset?: number;

  @ApiPropertyOptional({ description: '每页条数 1–100', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class OpportunitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '不使用个性化排序（按截止日期），即使已开启个性化推荐' })
  @IsOptional()
  @EnvBool()
  @IsBoolean()
  neutral?: boolean;
}

@ApiTags('candidates 人岗匹配')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller()
export class CandidatesController {
  constructor(private readonly candidates: CandidatesUseCase) {}

  @Get('demands/:demandId/candidates')
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({
    summary: '需求的候选人排名（匿名，附评分解释）',
    description:
      '只含同意推荐、尚未落实去向、满足学历/届别/专业/城市硬性条件的毕业生；每条附各因素得分（技能匹配、专业相关度、证书、行业实习、学业表现、意向契合、合作院校）与已匹配、缺少的技能。同分按毕业生 ID 排序，结果确定。',
  })
  async candidatesFor(@CurrentCaller() caller: Caller, @Param('demandId') demandId: string, @Query() q: PageQueryDto) {
    return this.candidates.candidatesFor(caller, demandId, q.offset ?? 0, q.limit ?? 20);
  }

  @Get('graduates/:graduateId/opportunities')
  @Roles('graduate')
  @ApiOperation({
    summary: '适合我的需求（附匹配与缺少的技能）',
    description: '关闭个性化推荐的毕业生看到按截止日期排列的、满足硬性条件的需求（不影响其被推荐）。',
  })
  async opportunitiesFor(
    @CurrentCaller() caller: Caller,
    @Param('graduateId') graduateId: string,
    @Query() q: OpportunitiesQueryDto,
  ) {
    return this.candidates.opportunitiesFor(caller, graduateId, {
      offset: q.offset ?? 0,
      limit: q.limit ?? 20,
      neutral: q.neutral ?? false,
    });
  }
}
