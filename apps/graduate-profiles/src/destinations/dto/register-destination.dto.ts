import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsKnownRegionCode } from '#reference';
import { Trim } from '#runtime';
import { IsCalendarDate, IsDestinationCategory } from './destination-field.validators.js';

export const DESTINATION_TEXT_MAX_LENGTH = 200;

/**
 * A 毕业去向 registration. Which of the optional fields a category requires (evidence, date,
 * employer or school, city) is checked against the category: see GET /destination-categories.
 */
export class RegisterDestinationDto {
  @ApiProperty({
    description: '毕业去向代码（教学厅函〔2021〕19号），可选值见 GET /destination-categories',
    example: '11',
  })
  @IsDestinationCategory()
  categoryCode!: string;

  @ApiPropertyOptional({
    description: '落实日期（签约、录取、注册登记等），YYYY-MM-DD；不晚于今天、不早于毕业前一年 1 月 1 日',
    example: '2027-05-20',
  })
  @IsOptional()
  @IsCalendarDate()
  destinationDate?: string;

  @ApiPropertyOptional({ description: '单位（项目）名称或录取院校', example: '杭州示例科技有限公司', maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '单位或院校名称不能为空' })
  @MaxLength(DESTINATION_TEXT_MAX_LENGTH)
  employerOrSchool?: string;

  @ApiPropertyOptional({ description: '所在城市：地级市或区县行政区划代码（GB/T 2260）', example: '330106' })
  @IsOptional()
  @IsKnownRegionCode()
  cityCode?: string;

  @ApiPropertyOptional({
    description: '证明材料编号（劳动合同、就业协议、录取通知书、营业执照等的编号或档案号）',
    example: 'HT-2027-00125',
    maxLength: 200,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '证明材料编号不能为空' })
  @MaxLength(DESTINATION_TEXT_MAX_LENGTH)
  evidenceRef?: string;
}
