import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  REPORT_CATEGORIES,
  REPORT_STATUSES,
  type ReportCategory,
  type ReportStatus,
} from '../posting-report.entity.js';

export class CreatePostingReportDto {
  @ApiProperty({ enum: REPORT_CATEGORIES, description: '举报类型：虚假招聘、薪酬不实、与实际岗位不符、就业歧视、其他' })
  @IsIn(REPORT_CATEGORIES)
  category!: ReportCategory;

  @ApiPropertyOptional({ description: '补充说明', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  detail?: string;
}

export class ResolvePostingReportDto {
  @ApiProperty({ enum: ['dismissed', 'actioned'], description: '处理结果：驳回或已处理' })
  @IsIn(['dismissed', 'actioned'])
  outcome!: 'dismissed' | 'actioned';

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListPostingReportsQueryDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  enterpriseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  demandId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
