import { ApiProperty } from '@nestjs/swagger';
import { DESTINATION_SOURCES, DESTINATION_STATUSES, type DestinationSource, type DestinationStatus } from '#contracts';
import { AUDIT_DECISIONS, type AuditDecision } from '../destination.entity.js';

export class DestinationAuditResponseDto {
  @ApiProperty({ enum: AUDIT_DECISIONS })
  decision!: AuditDecision;

  @ApiProperty({ example: '审核通过' })
  decisionLabel!: string;

  @ApiProperty({ description: '审核后的毕业去向代码（通过时可能已更正）', example: '11' })
  categoryCode!: string;

  @ApiProperty({ nullable: true, type: String, description: '退回理由' })
  reason!: string | null;

  @ApiProperty({ description: '审核时间（ISO 8601）' })
  decidedAt!: string;
}

export class DestinationResponseDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  graduateId!: string;

  @ApiProperty()
  collegeId!: string;

  @ApiProperty({ description: '现行毕业去向代码（审核时更正的以更正为准）', example: '11' })
  categoryCode!: string;

  @ApiProperty({ example: '签劳动合同形式就业' })
  categoryName!: string;

  @ApiProperty({ description: '统计分组', example: '协议和合同就业' })
  categoryGroup!: string;

  @ApiProperty({ description: '是否计入毕业去向落实率' })
  countsAsPlaced!: boolean;

  @ApiProperty({ description: '登记时填写的去向代码', example: '10' })
  registeredCategoryCode!: string;

  @ApiProperty({ nullable: true, type: String, example: '2027-05-20' })
  destinationDate!: string | null;

  @ApiProperty({ nullable: true, type: String, description: '单位（项目）名称或录取院校' })
  employerOrSchool!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '330106' })
  cityCode!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '浙江省杭州市西湖区' })
  cityName!: string | null;

  @ApiProperty({ nullable: true, type: String, description: '证明材料编号' })
  evidenceRef!: string | null;

  @ApiProperty({ enum: DESTINATION_SOURCES, description: 'college 院校登记、graduate 本人登记、platform 平台录用' })
  source!: DestinationSource;

  @ApiProperty({ example: '本人登记' })
  sourceLabel!: string;

  @ApiProperty({ enum: DESTINATION_STATUSES, description: 'pending 待审核、confirmed 已审核、returned 已退回' })
  status!: DestinationStatus;

  @ApiProperty({ example: '待审核' })
  statusLabel!: string;

  @ApiProperty({ description: '是否为该毕业生当前有效的登记（最新一条未被退回的登记）' })
  current!: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    description: '核验码（审核通过后生成，持码者可核验）',
    example: '7K2QD-M9XHT-0R4VB-N8C3P',
  })
  verificationNumber!: string | null;

  @ApiProperty({ nullable: true, type: String, description: '退回理由（已退回时）' })
  returnReason!: string | null;

  @ApiProperty({ nullable: true, type: String, description: '平台录用：企业标识' })
  enterpriseId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: '平台录用：需求标识' })
  demandId!: string | null;

  @ApiProperty({ description: '登记时间（ISO 8601）' })
  recordedAt!: string;

  @ApiProperty({ type: [DestinationAuditResponseDto], description: '审核记录，从早到晚' })
  audits!: DestinationAuditResponseDto[];
}

export class DestinationHistoryResponseDto {
  @ApiProperty()
  graduateId!: string;

  @ApiProperty({ example: 2027 })
  graduationYear!: number;

  @ApiProperty({ description: '登记截止日（北京时间当日 24 时）', example: '2027-08-31' })
  deadline!: string;

  @ApiProperty({ description: '是否已过登记截止日' })
  locked!: boolean;

  @ApiProperty({ nullable: true, type: String, description: '当前有效登记的标识' })
  currentDestinationId!: string | null;

  @ApiProperty({ type: [DestinationResponseDto], description: '全部登记，从新到旧' })
  items!: DestinationResponseDto[];
}

export class DestinationVerificationResponseDto {
  @ApiProperty({ example: '7K2QD-M9XHT-0R4VB-N8C3P' })
  verificationNumber!: string;

  @ApiProperty({ description: 'true：该审核结论仍然有效（未被退回）' })
  valid!: boolean;

  @ApiProperty({ enum: ['confirmed', 'returned'] })
  status!: 'confirmed' | 'returned';

  @ApiProperty({ description: '是否仍是该毕业生当前有效的登记（false：之后又登记了新的去向）' })
  current!: boolean;

  @ApiProperty({ example: '浙江示例大学' })
  collegeName!: string;

  @ApiProperty({ example: 2027 })
  graduationYear!: number;

  @ApiProperty({ description: '毕业生姓名（脱敏）', example: '王**' })
  graduateName!: string;

  @ApiProperty({ example: '11' })
  categoryCode!: string;

  @ApiProperty({ example: '签劳动合同形式就业' })
  categoryName!: string;

  @ApiProperty({ nullable: true, type: String, example: '2027-05-20' })
  destinationDate!: string | null;

  @ApiProperty({ description: '审核通过时间（ISO 8601）' })
  confirmedAt!: string;
}

export class DestinationCategoryResponseDto {
  @ApiProperty({ example: '11' })
  code!: string;

  @ApiProperty({ example: '签劳动合同形式就业' })
  name!: string;

  @ApiProperty({ example: '协议和合同就业' })
  group!: string;

  @ApiProperty({ description: '是否计入毕业去向落实率' })
  countsAsPlaced!: boolean;

  @ApiProperty({
    description: '登记时必填的字段',
    example: ['destinationDate', 'employerOrSchool', 'cityCode', 'evidenceRef'],
    type: [String],
  })
  requiredFields!: string[];
}
