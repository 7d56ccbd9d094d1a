import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEMAND_KINDS, DEMAND_STATUSES, type DemandKind, type DemandStatus } from '#contracts';

export class ListDemandsQueryDto {
  @ApiPropertyOptional({ enum: DEMAND_STATUSES })
  @IsOptional()
  @IsIn(DEMAND_STATUSES)
  status?: DemandStatus;

  @ApiPropertyOptional({ enum: DEMAND_KINDS })
  @IsOptional()
  @IsIn(DEMAND_KINDS)
  kind?: DemandKind;

  @ApiPropertyOptional({ description: '专业代码（任一层级）', example: '0809' })
  @IsOptional()
  @Matches(/^\d{2}(\d{2}(\d{2}[A-Z]{0,2})?)?$/, { message: '专业代码应为 2、4 或 6 位数字' })
  major?: string;

  @ApiPropertyOptional({ description: '地区代码（省、市或区县，6 位）', example: '330100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '应为 6 位行政区划代码' })
  region?: string;

  @ApiPropertyOptional({ description: '行业：门类字母或大类两位数字', example: 'C' })
  @IsOptional()
  @Matches(/^([A-T]|\d{2})$/, { message: '应为门类字母（A–T）或两位大类代码' })
  industry?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  enterpriseId?: string;

  @ApiPropertyOptional({ description: '标题或描述包含的文字' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
