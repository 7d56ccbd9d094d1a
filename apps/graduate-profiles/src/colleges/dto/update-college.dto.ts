import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { COLLEGE_TYPES, type CollegeType } from '#contracts';
import { IsKnownRegionCode } from '#reference';
import { IfPresent, Immutable, Trim } from '#runtime';
import { IsCollegeType, IsDepartmentList } from './college-field.rules.js';

/** PATCH body: only the fields sent change. The id and 学校标识码 are fixed at registration. */
export class UpdateCollegeDto {
  @ApiPropertyOptional({ description: '院校名称（1–100 字）', example: '浙江示例职业技术大学' })
  @IfPresent()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '院校名称不能为空' })
  @MaxLength(100)
  name?: string;

  /** Refused with a clear message rather than as an unknown field. */
  @ApiHideProperty()
  @Immutable('学校标识码注册后不可修改；如确需变更，请联系平台管理员')
  schoolCode?: never;

  @ApiHideProperty()
  @Immutable('院校标识不可修改')
  id?: never;

  @ApiPropertyOptional({ description: '院校类型', enum: COLLEGE_TYPES })
  @IfPresent()
  @IsCollegeType()
  type?: CollegeType;

  @ApiPropertyOptional({ description: '所在地行政区划代码（GB/T 2260，6 位）', example: '330110' })
  @IfPresent()
  @Trim()
  @IsKnownRegionCode()
  regionCode?: string;

  @ApiPropertyOptional({
    description: '院系名称列表（整体替换）；仍有毕业生记录的院系不能删除（409 department_in_use）',
    type: [String],
  })
  @IfPresent()
  @IsDepartmentList()
  departments?: string[];
}
