import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TABLE_FORMATS, type TableFormat } from '#tabular';
import { DEMAND_IMPORT_MAX_ROWS } from '../demand-import.constants.js';

export const IMPORT_REPORT_FORMATS = ['json', 'csv'] as const;
export type ImportReportFormat = (typeof IMPORT_REPORT_FORMATS)[number];

const ENTERPRISE_ID_DESCRIPTION = '代企业导入时的企业 ID（组织方/平台管理员必填；企业用户可省略，只能是本企业）';

/** Query of POST /demands/imports. */
export class ImportDemandsQueryDto {
  @ApiPropertyOptional({ description: `${ENTERPRISE_ID_DESCRIPTION}；也可作为表单字段提交` })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  enterpriseId?: string;

  @ApiPropertyOptional({
    enum: IMPORT_REPORT_FORMATS,
    default: 'json',
    description:
      'json：返回导入结果 JSON；csv：返回错误报告 CSV 文件（行号, 列, 字段, 值, 错误说明），汇总数在 X-Import-* 响应头中',
  })
  @IsOptional()
  @IsIn(IMPORT_REPORT_FORMATS, { message: 'report 应为 json 或 csv' })
  report?: ImportReportFormat;

  @ApiPropertyOptional({ description: '只检查、不写入：返回每行的问题，不创建任何需求', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean({ message: 'dryRun 应为 true 或 false' })
  dryRun?: boolean;
}

/** The text fields of the multipart form (besides `file`). */
export class ImportDemandsFormDto {
  @ApiPropertyOptional({ description: ENTERPRISE_ID_DESCRIPTION })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  enterpriseId?: string;
}

export class DemandImportTemplateQueryDto {
  @ApiPropertyOptional({
    enum: TABLE_FORMATS,
    default: 'xlsx',
    description: 'xlsx（含“填写说明”工作表）或 csv（UTF-8 带 BOM）',
  })
  @IsOptional()
  @IsIn(TABLE_FORMATS, { message: 'format 应为 csv 或 xlsx' })
  format?: TableFormat;
}

export class DemandImportRowErrorDto {
  @ApiProperty({ description: '文件中的行号（表头为第 1 行）', example: 7 })
  row!: number;

  @ApiProperty({ description: '模板中的列名；与某一列无关时为空', example: '专业代码' })
  column!: string;

  @ApiProperty({ description: '对应的需求字段（与 POST /demands 的字段一致）', example: 'majors.1.code' })
  field!: string;

  @ApiProperty({ description: '上传的单元格内容', example: '080901、089999' })
  value!: string;

  @ApiProperty({ description: '错误说明', example: '第 2 项：专业代码 089999 不在 2025 年版专业目录中' })
  message!: string;
}

export class DemandImportResultDto {
  @ApiProperty({ description: `数据行数（不含表头和空行，最多 ${DEMAND_IMPORT_MAX_ROWS}）`, example: 2000 })
  totalRows!: number;

  @ApiProperty({ description: '已创建的需求（草稿）数', example: 1990 })
  created!: number;

  @ApiProperty({ description: '未创建的行数（每行在 errors 中至少有一条）', example: 10 })
  rejected!: number;

  @ApiProperty({ type: [String], description: '已创建需求的 ID，按文件中的顺序' })
  createdIds!: string[];

  @ApiProperty({ type: [DemandImportRowErrorDto] })
  errors!: DemandImportRowErrorDto[];

  @ApiProperty({ description: '是否为只检查（dryRun）', example: false })
  dryRun!: boolean;
}
