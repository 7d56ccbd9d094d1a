import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '#runtime';
import { AUDIT_DECISIONS, type AuditDecision } from '../destination.entity.js';
import { IsDestinationCategory } from './destination-field.validators.js';

export class AuditDestinationDto {
  @ApiProperty({ enum: AUDIT_DECISIONS, description: 'confirm 审核通过、return 退回（须填写理由）' })
  @IsIn(AUDIT_DECISIONS, { message: '审核结论须为 confirm（通过）或 return（退回）' })
  decision!: AuditDecision;

  @ApiPropertyOptional({ description: '退回理由（退回时必填）', example: '劳动合同未盖单位公章', maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '退回理由不能为空' })
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    description: '审核通过时更正的毕业去向代码（如平台录用默认的 10 应为 11）；退回时不可填',
    example: '11',
  })
  @IsOptional()
  @IsDestinationCategory()
  categoryCode?: string;
}
