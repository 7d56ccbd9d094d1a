import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ENTERPRISE_SIZES, type EnterpriseSize } from '#contracts';
import { ContactPersonDto } from './contact-person.dto.js';
import {
  IsCreditCode,
  IsIndustryDivisionOf,
  IsIndustrySection,
  IsKnownRegionCode,
  NormaliseCreditCode,
  Trim,
  UpperCase,
} from './enterprise-field.validators.js';

export const SIZE_MESSAGE = '企业规模须为 large（大型）、medium（中型）、small（小型）或 micro（微型）';

export class RegisterEnterpriseDto {
  @ApiProperty({ description: '企业名称（1–100 字，与营业执照一致）', example: '杭州示例科技有限公司' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '企业名称不能为空' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    description: '统一社会信用代码（GB 32100-2015，18 位，含校验码；小写与空格会被规范化）',
    example: '91330106MA27XL0E2Y',
  })
  @NormaliseCreditCode()
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ description: '国民经济行业分类门类（GB/T 4754-2017，A–T）', example: 'I' })
  @UpperCase()
  @IsIndustrySection()
  industrySection!: string;

  @ApiProperty({ description: '国民经济行业分类大类（两位数字，须属于所填门类）', example: '65' })
  @Trim()
  @IsIndustryDivisionOf('industrySection')
  industryDivision!: string;

  @ApiProperty({ description: '所在地行政区划代码（GB/T 2260，6 位，须在现行代码表中）', example: '330106' })
  @Trim()
  @IsKnownRegionCode()
  regionCode!: string;

  @ApiProperty({ description: '企业规模：large 大型、medium 中型、small 小型、micro 微型', enum: ENTERPRISE_SIZES })
  @IsIn(ENTERPRISE_SIZES, { message: SIZE_MESSAGE })
  size!: EnterpriseSize;

  @ApiProperty({ description: '是否为产教融合型企业（默认否）', required: false, default: false })
  @IsOptional()
  @IsBoolean()
  integrationCertified?: boolean;

  @ApiProperty({ description: '联系人（个人信息，仅本企业与平台管理员可见全文）', type: ContactPersonDto })
  @IsDefined({ message: '联系人必填' })
  @IsObject({ message: '联系人必须是对象，包含 name、phone、email' })
  @ValidateNested()
  @Type(() => ContactPersonDto)
  contact!: ContactPersonDto;
}
