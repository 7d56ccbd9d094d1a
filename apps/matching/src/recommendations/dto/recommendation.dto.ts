import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CANDIDATE_STATUSES, type CandidateStatus } from '#contracts';
import { Trim } from '#runtime';

export class PipelineActionDto {
  @ApiPropertyOptional({ description: '说明（如不通过、撤回的原因）', example: '岗位已招满' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListRecommendationsQueryDto {
  @ApiPropertyOptional({ enum: CANDIDATE_STATUSES, description: '按状态筛选' })
  @IsOptional()
  @IsIn(CANDIDATE_STATUSES)
  status?: CandidateStatus;

  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 1–100', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class RecommendationResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() demandId!: string;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: CandidateStatus;
  @ApiProperty({ example: '已邀请' }) statusLabel!: string;
  @ApiProperty() score!: number;
  @ApiProperty() rank!: number;
  @ApiProperty({ description: '匿名候选人：院校、专业、学历、届别、技能匹配与评分解释；无姓名和联系方式' })
  candidate!: Record<string, unknown>;
  @ApiProperty({ description: '企业是否已可查看身份（毕业生接受邀请后）' })
  identityVisible!: boolean;
  @ApiPropertyOptional({
    description: '毕业生 ID：企业仅在毕业生接受邀请后可见，可凭此在 graduate-profiles 查看身份（留痕）',
  })
  graduateId?: string;
  @ApiPropertyOptional() invitedAt?: string | null;
  @ApiPropertyOptional() invitationExpiresAt?: string | null;
  @ApiProperty({ description: '调用者当前可执行的操作' }) allowedActions!: string[];
  @ApiProperty() version!: number;
}
