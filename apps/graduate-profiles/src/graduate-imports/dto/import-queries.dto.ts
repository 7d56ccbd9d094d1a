import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TABLE_FORMATS, type TableFormat } from '#tabular';

export class ListImportJobsQueryDto {
  @ApiPropertyOptional({ description: '每页条数（1–100）', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export const ERROR_REPORT_FORMATS = ['csv', 'json'] as const;
export type ErrorReportFormat = (typeof ERROR_REPORT_FORMATS)[number];

export class ImportErrorsQueryDto {
  @ApiPropertyOptional({
    enum: ERROR_REPORT_FORMATS,
    description: 'csv：整份报告（UTF-8 带 BOM，可直接用 Excel 打开）；json：分页。默认按 Accept 请求头，未指定时为 csv',
  })
  @IsOptional()
  @IsIn(ERROR_REPORT_FORMATS, { message: 'format 应为 csv 或 json' })
  format?: ErrorReportFormat;

  @ApiPropertyOptional({ description: 'JSON 每页条数（1–1000）', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'JSON：上一页返回的 nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ImportTemplateQueryDto {
  @ApiPropertyOptional({
    enum: TABLE_FORMATS,
    default: 'xlsx',
    description: 'xlsx（含“填写说明”和“示例”工作表）或 csv（只有表头，UTF-8 带 BOM）',
  })
  @IsOptional()
  @IsIn(TABLE_FORMATS, { message: 'format 应为 csv 或 xlsx' })
  format?: TableFormat;
}
