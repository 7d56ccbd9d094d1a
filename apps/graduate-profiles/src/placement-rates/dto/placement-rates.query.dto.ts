import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsKnownRegionCode } from '#reference';
import { IsCalendarDate } from '../../destinations/dto/destination-field.validators.js';
import { PLACEMENT_GROUP_BYS, type PlacementGroupBy } from '../placement-rates.repository.js';

export const PLACEMENT_FORMATS = ['json', 'csv'] as const;
export type PlacementFormat = (typeof PLACEMENT_FORMATS)[number];

class PlacementCommonQueryDto {
  @ApiPropertyOptional({ description: '届别（毕业年份）；不填为全部届别', example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '届别须为四位年份' })
  @Min(1990)
  @Max(2100)
  graduationYear?: number;

  @ApiPropertyOptional({
    description: '数据截至日期（北京时间，含当日），YYYY-MM-DD；默认今天，不能晚于今天',
    example: '2027-08-31',
  })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: PLACEMENT_FORMATS, default: 'json', description: 'csv：UTF-8 带 BOM 的中文表头表格' })
  @IsOptional()
  @IsIn(PLACEMENT_FORMATS, { message: '格式须为 json 或 csv' })
  format?: PlacementFormat;
}

export class PlacementRatesQueryDto extends PlacementCommonQueryDto {
  @ApiPropertyOptional({ description: '院校标识；院校用户只能查本校（可不填），组织方和平台管理员不填为全部院校' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  collegeId?: string;

  @ApiPropertyOptional({
    enum: PLACEMENT_GROUP_BYS,
    default: 'college',
    description: '分组：college 院校、department 院系、major 专业、degree 学历层次、cohort 届别',
  })
  @IsOptional()
  @IsIn(PLACEMENT_GROUP_BYS, { message: '分组须为 college、department、major、degree 或 cohort' })
  groupBy?: PlacementGroupBy;
}

export class RegionPlacementRatesQueryDto extends PlacementCommonQueryDto {
  @ApiPropertyOptional({
    description: '地区：省（如 330000）、市（330100）或区县（330106）行政区划代码；不填为全部',
    example: '330000',
  })
  @IsOptional()
  @IsKnownRegionCode()
  region?: string;
}
