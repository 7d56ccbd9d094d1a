import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COLLEGE_TYPES, DEGREE_LEVELS, type CollegeType, type DegreeLevel } from '#contracts';
import { PLACEMENT_GROUP_BYS, type PlacementGroupBy } from '../placement-rates.repository.js';

export class PlacementRateRowDto {
  @ApiPropertyOptional({ description: '院校标识（按院校、院系分组时）' })
  collegeId?: string;

  @ApiPropertyOptional({ example: '浙江示例大学' })
  collegeName?: string;

  @ApiPropertyOptional({ description: '院校所在地行政区划代码（按院校分组时）', example: '330106' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '浙江省杭州市西湖区' })
  regionName?: string;

  @ApiPropertyOptional({ enum: COLLEGE_TYPES })
  collegeType?: CollegeType;

  @ApiPropertyOptional({ example: '计算机学院' })
  department?: string;

  @ApiPropertyOptional({ example: '080901' })
  majorCode?: string;

  @ApiPropertyOptional({ example: '计算机科学与技术' })
  majorName?: string;

  @ApiPropertyOptional({ enum: DEGREE_LEVELS })
  degree?: DegreeLevel;

  @ApiPropertyOptional({ example: '本科' })
  degreeLabel?: string;

  @ApiPropertyOptional({ example: 2027 })
  graduationYear?: number;

  @ApiProperty({ description: '毕业生总数（含已删除个人信息的毕业生）', example: 21 })
  graduates!: number;

  @ApiProperty({ description: '已登记（有有效登记）', example: 18 })
  registered!: number;

  @ApiProperty({ description: '未登记', example: 3 })
  unregistered!: number;

  @ApiProperty({ description: '已落实（有效登记的去向计入落实率）', example: 15 })
  placed!: number;

  @ApiProperty({ description: '已审核确认', example: 9 })
  confirmed!: number;

  @ApiProperty({ description: '已落实且已审核确认', example: 8 })
  placedConfirmed!: number;

  @ApiProperty({ nullable: true, type: Number, description: '毕业去向落实率 = 已落实 ÷ 毕业生总数', example: 0.7143 })
  placementRate!: number | null;

  @ApiProperty({ nullable: true, type: String, example: '71.43%' })
  placementRatePercent!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: '审核确认占比 = 已审核确认 ÷ 已登记', example: 0.5 })
  confirmedShare!: number | null;

  @ApiProperty({ nullable: true, type: String, example: '50.00%' })
  confirmedSharePercent!: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: '已审核口径落实率 = 已落实且已审核确认 ÷ 毕业生总数',
    example: 0.381,
  })
  confirmedPlacementRate!: number | null;

  @ApiProperty({ nullable: true, type: String, example: '38.10%' })
  confirmedPlacementRatePercent!: string | null;

  @ApiProperty({
    description: '各统计分组的已登记人数',
    example: { 协议和合同就业: 10, 灵活就业: 2, 自主创业: 1, 升学: 2, 待就业: 1, 暂不就业: 2 },
  })
  byGroup!: Record<string, number>;

  @ApiProperty({ description: '各去向代码的已登记人数', example: { '10': 3, '11': 3 } })
  byCategory!: Record<string, number>;
}

export class PlacementCategoryDto {
  @ApiProperty({ example: '11' })
  code!: string;

  @ApiProperty({ example: '签劳动合同形式就业' })
  name!: string;

  @ApiProperty({ example: '协议和合同就业' })
  group!: string;

  @ApiProperty()
  countsAsPlaced!: boolean;
}

export class PlacementReportDto {
  @ApiProperty({ description: '数据截至日期（北京时间，含当日）', example: '2027-08-31' })
  asOf!: string;

  @ApiProperty({ enum: PLACEMENT_GROUP_BYS })
  groupBy!: PlacementGroupBy;

  @ApiProperty({ nullable: true, type: String, description: '院校范围（null：全部院校）' })
  collegeId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: '地区范围（地区报表）' })
  region!: string | null;

  @ApiProperty({ nullable: true, type: Number })
  graduationYear!: number | null;

  @ApiProperty({ description: '口径说明' })
  definition!: string;

  @ApiProperty({ type: [String], description: '统计分组（byGroup 的键）' })
  reportGroups!: string[];

  @ApiProperty({ type: [PlacementCategoryDto], description: '所用毕业去向代码表' })
  categories!: PlacementCategoryDto[];

  @ApiProperty({ type: [PlacementRateRowDto] })
  rows!: PlacementRateRowDto[];

  @ApiProperty({ type: PlacementRateRowDto, description: '合计' })
  total!: PlacementRateRowDto;
}
