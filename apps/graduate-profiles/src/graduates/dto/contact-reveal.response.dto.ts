import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '#auth';
import { REVEALABLE_FIELDS, REVEAL_REASONS, type RevealedField, type RevealReason } from '../graduate-access.policy.js';

export class ContactRevealDto {
  @ApiProperty({ enum: ROLES, description: '查看方角色' })
  viewerRole!: Role;

  @ApiProperty({ description: '查看人（用户标识）' })
  viewerId!: string;

  @ApiProperty({ nullable: true, type: String, description: '查看方机构（院校或企业标识）' })
  viewerOrgId!: string | null;

  @ApiProperty({ enum: REVEALABLE_FIELDS, isArray: true, description: '展示的个人信息字段' })
  fields!: RevealedField[];

  @ApiProperty({ enum: REVEAL_REASONS, description: '原因代码' })
  reason!: RevealReason;

  @ApiProperty({ description: '原因', example: '毕业生已接受该企业的邀约' })
  reasonLabel!: string;

  @ApiProperty({ description: '查看时间（ISO 8601）' })
  revealedAt!: string;
}

export class ContactRevealPageDto {
  @ApiProperty({ type: [ContactRevealDto], description: '从新到旧' })
  items!: ContactRevealDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
