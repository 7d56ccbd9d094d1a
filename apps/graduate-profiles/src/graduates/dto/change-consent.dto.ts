import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CONSENT_SCOPES, type ConsentScope } from '#contracts';
import { Trim } from '#runtime';

export const EVIDENCE_REF_MAX_LENGTH = 200;

export class ChangeConsentDto {
  @ApiProperty({ enum: CONSENT_SCOPES, description: '授权范围：recommend 可被排序并向企业展示（不含姓名与联系方式）' })
  @IsIn(CONSENT_SCOPES, { message: '授权范围须为 recommend（推荐）' })
  scope!: ConsentScope;

  @ApiProperty({ enum: ['given', 'withdrawn'], description: 'given 同意、withdrawn 撤回' })
  @IsIn(['given', 'withdrawn'], { message: '操作须为 given（同意）或 withdrawn（撤回）' })
  action!: 'given' | 'withdrawn';

  @ApiPropertyOptional({
    description: '证明材料编号（院校代为登记时必填，如纸质授权书或书面撤回申请的档案号）；毕业生本人操作时不填',
    example: '授权书-2027-0031',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '证明材料编号不能为空' })
  @MaxLength(EVIDENCE_REF_MAX_LENGTH)
  evidenceRef?: string;
}

export class ConsentChangeResultDto {
  @ApiProperty()
  graduateId!: string;

  @ApiProperty({ example: 'recommend' })
  scope!: ConsentScope;

  @ApiProperty({ enum: ['none', 'given', 'withdrawn'] })
  status!: 'none' | 'given' | 'withdrawn';

  @ApiProperty({ nullable: true, type: String })
  changedAt!: string | null;

  @ApiProperty({ description: 'false：状态本已如此，未重复记录' })
  changed!: boolean;
}

export class ConsentRecordDto {
  @ApiProperty({ example: 'recommend' })
  scope!: ConsentScope;

  @ApiProperty({ enum: ['given', 'withdrawn'] })
  action!: 'given' | 'withdrawn';

  @ApiProperty({ enum: ['graduate', 'college'], description: '操作方：毕业生本人或院校代为登记' })
  actor!: 'graduate' | 'college';

  @ApiProperty({ description: '操作人（用户标识）' })
  actorId!: string;

  @ApiProperty({ nullable: true, type: String, description: '证明材料编号（院校登记时）' })
  evidenceRef!: string | null;

  @ApiProperty({ description: '记录时间（ISO 8601）' })
  recordedAt!: string;
}

export class ConsentHistoryDto {
  @ApiProperty()
  graduateId!: string;

  @ApiProperty({ enum: ['none', 'given', 'withdrawn'], description: '当前状态' })
  status!: 'none' | 'given' | 'withdrawn';

  @ApiProperty({ type: [ConsentRecordDto], description: '变更记录，从早到晚' })
  records!: ConsentRecordDto[];
}
