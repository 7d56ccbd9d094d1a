import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '#runtime';
import { EVIDENCE_REF_MAX_LENGTH } from './change-consent.dto.js';

export class EraseGraduateQueryDto {
  @ApiPropertyOptional({
    description: '证明材料编号：院校代毕业生申请删除时必填（毕业生书面申请的档案号）；毕业生本人删除时不填',
    example: '删除申请-2027-0007',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '证明材料编号不能为空' })
  @MaxLength(EVIDENCE_REF_MAX_LENGTH)
  evidenceRef?: string;
}
