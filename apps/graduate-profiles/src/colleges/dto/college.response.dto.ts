import { ApiProperty } from '@nestjs/swagger';
import { COLLEGE_TYPES, type CollegeType } from '#contracts';

export class CollegeResponseDto {
  @ApiProperty({ description: '院校标识（即本校用户的机构标识）', example: 'col-zjut' })
  id!: string;

  @ApiProperty({ description: '院校名称', example: '浙江示例职业技术学院' })
  name!: string;

  @ApiProperty({ description: '学校标识码（10 位）', example: '4133010335' })
  schoolCode!: string;

  @ApiProperty({ description: '院校类型', enum: COLLEGE_TYPES })
  type!: CollegeType;

  @ApiProperty({ description: '院校类型名称', example: '高职专科' })
  typeLabel!: string;

  @ApiProperty({ description: '所在地行政区划代码', example: '330106' })
  regionCode!: string;

  @ApiProperty({ description: '所在地全称', example: '浙江省杭州市西湖区', nullable: true, type: String })
  regionName!: string | null;

  @ApiProperty({ description: '院系名称列表', type: [String] })
  departments!: string[];

  @ApiProperty({ description: '版本号，每次变更加 1；更新时以 If-Match 携带（即 ETag）', example: 1 })
  version!: number;

  @ApiProperty({ description: '注册时间（ISO 8601）' })
  createdAt!: string;

  @ApiProperty({ description: '最后修改时间（ISO 8601）' })
  updatedAt!: string;
}
