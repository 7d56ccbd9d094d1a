import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CONSENT_STATUSES, type ConsentStatus } from '#contracts';
import { Trim } from '#runtime';

export const DEFAULT_GRADUATE_PAGE_SIZE = 50;

export class ListGraduatesQueryDto {
  @ApiPropertyOptional({ description: '毕业年份（届）', example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '毕业年份须为整数，如 2027' })
  @Min(2000)
  @Max(2100)
  graduationYear?: number;

  @ApiPropertyOptional({ description: '院系（完整名称）', example: '计算机学院' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ description: '专业代码', example: '080901' })
  @IsOptional()
  @Trim()
  @Matches(/^\d{6}(T|K|TK)?$/, { message: '专业代码须为 6 位数字（可带 T/K/TK 后缀）' })
  majorCode?: string;

  @ApiPropertyOptional({ enum: CONSENT_STATUSES, description: '推荐授权状态' })
  @IsOptional()
  @IsIn(CONSENT_STATUSES)
  consentStatus?: ConsentStatus;

  @ApiPropertyOptional({ description: '姓名或学号包含的文字', example: '王' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ description: '每页条数（1–200）', default: DEFAULT_GRADUATE_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
