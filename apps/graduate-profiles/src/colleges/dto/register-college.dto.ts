import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COLLEGE_TYPES, type CollegeType } from '#contracts';
import { IsKnownRegionCode } from '#reference';
import { Trim } from '#runtime';
import {
  COLLEGE_ID_PATTERN,
  IsCollegeType,
  IsDepartmentList,
  IsSchoolCode,
  MAX_DEPARTMENTS,
} from './college-field.rules.js';

export class RegisterCollegeDto {
  @ApiPropertyOptional({
    description:
      '院校标识（即本校用户令牌中的机构标识）。院校用户注册本校时可省略（取其机构标识）；平台管理员代为注册时必填',
    example: 'col-zjut',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(COLLEGE_ID_PATTERN, { message: '院校标识须为 1–200 位字母、数字或 . _ : -' })
  id?: string;

  @ApiProperty({ description: '院校名称（1–100 字）', example: '浙江示例职业技术学院' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '院校名称不能为空' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ description: '学校标识码（教育部颁发，10 位数字，唯一）', example: '4133010335' })
  @Trim()
  @IsSchoolCode()
  schoolCode!: string;

  @ApiProperty({
    description: '院校类型：undergraduate 本科、higher_vocational 高职专科、secondary_vocational 中职',
    enum: COLLEGE_TYPES,
  })
  @IsCollegeType()
  type!: CollegeType;

  @ApiProperty({ description: '所在地行政区划代码（GB/T 2260，6 位，须在现行代码表中）', example: '330106' })
  @Trim()
  @IsKnownRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({
    description: `院系名称列表（不重复，最多 ${MAX_DEPARTMENTS} 个）；毕业生的院系须为其中之一。省略时为空列表（不校验院系）`,
    example: ['计算机学院', '机电工程学院'],
    type: [String],
  })
  @IsOptional()
  @IsDepartmentList()
  departments?: string[];
}
