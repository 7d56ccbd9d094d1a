import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ENTERPRISE_SIZES, type EnterpriseSize } from '#contracts';
import { UpdateContactPersonDto } from './contact-person.dto.js';
import {
  IfPresent,
  Immutable,
  IsIndustryDivisionOf,
  IsIndustrySection,
  IsKnownRegionCode,
  Trim,
  UpperCase,
} from './enterprise-field.validators.js';
import { SIZE_MESSAGE } from './register-enterprise.dto.js';

/** PATCH body: only the fields sent change. The credit code is fixed at registration. */
export class UpdateEnterpriseDto {
  @ApiProperty({ description: '企业名称（1–100 字）', required: false, example: '杭州示例智能科技有限公司' })
  @IfPresent()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '企业名称不能为空' })
  @MaxLength(100)
  name?: string;

  /** Refused with a clear message rather than as an unknown field. */
  @ApiHideProperty()
  @Immutable('统一社会信用代码注册后不可修改；如确需变更，请联系平台管理员')
  creditCode?: never;

  @ApiProperty({
    description: '国民经济行业分类门类（A–T）；只改门类时，已登记的大类须属于新门类',
    required: false,
    example: 'C',
  })
  @IfPresent()
  @UpperCase()
  @IsIndustrySection()
  industrySection?: string;

  @ApiProperty({ description: '国民经济行业分类大类（两位数字，须属于门类）', required: false, example: '39' })
  @IfPresent()
  @Trim()
  @IsIndustryDivisionOf('industrySection')
  industryDivision?: string;

  @ApiProperty({ description: '所在地行政区划代码（GB/T 2260，6 位）', required: false, example: '330110' })
  @IfPresent()
  @Trim()
  @IsKnownRegionCode()
  regionCode?: string;

  @ApiProperty({ description: '企业规模', enum: ENTERPRISE_SIZES, required: false })
  @IfPresent()
  @IsIn(ENTERPRISE_SIZES, { message: SIZE_MESSAGE })
  size?: EnterpriseSize;

  @ApiProperty({ description: '是否为产教融合型企业', required: false })
  @IfPresent()
  @IsBoolean()
  integrationCertified?: boolean;

  @ApiProperty({ description: '联系人：只改所填字段', type: UpdateContactPersonDto, required: false })
  @IfPresent()
  @IsObject({ message: '联系人必须是对象' })
  @ValidateNested()
  @Type(() => UpdateContactPersonDto)
  contact?: UpdateContactPersonDto;
}
