import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Trim } from './enterprise-field.validators.js';

export const VERIFICATION_DECISIONS = ['verified', 'rejected'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export class DecideVerificationDto {
  @ApiProperty({ description: '审核结论：verified 通过、rejected 驳回', enum: VERIFICATION_DECISIONS })
  @IsIn(VERIFICATION_DECISIONS, { message: '审核结论须为 verified（通过）或 rejected（驳回）' })
  decision!: VerificationDecision;

  @ApiProperty({
    description: '审核说明（1–500 字）；驳回时必填，企业可见',
    required: false,
    example: '营业执照信息与名称不符',
  })
  @ValidateIf((o: DecideVerificationDto) => o.decision === 'rejected' || (o.reason !== undefined && o.reason !== null))
  @Trim()
  @IsNotEmpty({ message: '驳回时必须填写原因' })
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
