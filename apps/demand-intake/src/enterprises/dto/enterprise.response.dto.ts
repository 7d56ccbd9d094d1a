import { ApiProperty } from '@nestjs/swagger';
import { ENTERPRISE_SIZES, ENTERPRISE_STATUSES, type EnterpriseSize, type EnterpriseStatus } from '#contracts';

export class ContactPersonResponseDto {
  @ApiProperty({ description: '联系人姓名（非本企业及平台管理员查看时脱敏，如 张*）', example: '张三' })
  name!: string;

  @ApiProperty({ description: '联系电话（脱敏时如 138****1234）', example: '13812341234' })
  phone!: string;

  @ApiProperty({ description: '电子邮箱（脱敏时如 z***@example.com）', example: 'zhangsan@example.com' })
  email!: string;
}

export class EnterpriseResponseDto {
  @ApiProperty({ description: '企业标识（企业自行注册时即其机构标识）', example: 'ent-7f3a' })
  id!: string;

  @ApiProperty({ description: '企业名称', example: '杭州示例科技有限公司' })
  name!: string;

  @ApiProperty({ description: '统一社会信用代码（GB 32100-2015）', example: '91330106MA27XL0E2Y' })
  creditCode!: string;

  @ApiProperty({ description: '国民经济行业分类门类（GB/T 4754-2017）', example: 'I' })
  industrySection!: string;

  @ApiProperty({ description: '国民经济行业分类大类（两位数字，属于所填门类）', example: '65' })
  industryDivision!: string;

  @ApiProperty({ description: '所在地行政区划代码（GB/T 2260，6 位）', example: '330106' })
  regionCode!: string;

  @ApiProperty({ description: '所在地全称', example: '浙江省杭州市西湖区', nullable: true, type: String })
  regionName!: string | null;

  @ApiProperty({ description: '企业规模：large 大型、medium 中型、small 小型、micro 微型', enum: ENTERPRISE_SIZES })
  size!: EnterpriseSize;

  @ApiProperty({ description: '是否为产教融合型企业' })
  integrationCertified!: boolean;

  @ApiProperty({ description: '联系人（个人信息）', type: ContactPersonResponseDto })
  contact!: ContactPersonResponseDto;

  @ApiProperty({
    description: '状态：pending 待审核、verified 已认证、rejected 未通过、suspended 已暂停',
    enum: ENTERPRISE_STATUSES,
  })
  status!: EnterpriseStatus;

  @ApiProperty({
    description: '状态原因（驳回或暂停的原因、审核备注）；院校和毕业生查看时不提供',
    nullable: true,
    type: String,
  })
  statusReason!: string | null;

  @ApiProperty({ description: '版本号，每次变更加 1；更新时以 If-Match 携带（即 ETag）', example: 1 })
  version!: number;

  @ApiProperty({ description: '注册时间（ISO 8601）' })
  createdAt!: string;

  @ApiProperty({ description: '最后修改时间（ISO 8601）' })
  updatedAt!: string;
}

export class EnterprisePageDto {
  @ApiProperty({ description: '本页企业，按注册时间从新到旧', type: [EnterpriseResponseDto] })
  items!: EnterpriseResponseDto[];

  @ApiProperty({
    description: '下一页游标；为 null 表示没有更多',
    nullable: true,
    type: String,
  })
  nextCursor!: string | null;
}
