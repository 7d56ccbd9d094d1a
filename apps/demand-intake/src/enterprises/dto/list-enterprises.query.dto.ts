import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ENTERPRISE_STATUSES, INDUSTRY_SECTION_PATTERN, type EnterpriseStatus } from '#contracts';
import { REGION_PREFIX_PATTERN, Trim, UpperCase } from './enterprise-field.validators.js';

export const DEFAULT_PAGE_SIZE = 20;

export class ListEnterprisesQueryDto {
  @ApiProperty({ description: '按状态筛选', enum: ENTERPRISE_STATUSES, required: false })
  @IsOptional()
  @IsIn(ENTERPRISE_STATUSES)
  status?: EnterpriseStatus;

  @ApiProperty({
    description: '按所在地筛选：2 位省级（33）、4 位地市级（3301）或 6 位代码；6 位的省、市代码按前缀匹配',
    required: false,
    example: '3301',
  })
  @IsOptional()
  @Trim()
  @Matches(REGION_PREFIX_PATTERN, { message: '所在地须为 2 位省级、4 位地市级或 6 位行政区划代码' })
  regionCode?: string;

  @ApiProperty({ description: '按行业门类筛选（A–T）', required: false, example: 'C' })
  @IsOptional()
  @UpperCase()
  @Matches(INDUSTRY_SECTION_PATTERN, { message: '行业门类须为 A–T 中的一个字母' })
  industrySection?: string;

  @ApiProperty({ description: '企业名称包含的文字', required: false, example: '科技' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiProperty({ description: '每页条数（1–100）', required: false, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiProperty({ description: '上一页返回的 nextCursor', required: false })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;
}
