import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IfPresent, Trim } from '#runtime';
import { GRADUATE_PHONE_PATTERN, GraduatePreferencesDto } from './graduate-profile-input.dto.js';

/** Present and not null: null clears an optional contact. */
const IfSet = () => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

/**
 * PATCH by the graduate: what is theirs to say. Name, student number, department, major, degree,
 * cohort, internships and academic standing come from the college.
 */
export class UpdateGraduateProfileDto {
  @ApiPropertyOptional({
    type: GraduatePreferencesDto,
    description: '求职意向：只改所填字段',
  })
  @IfPresent()
  @IsObject({ message: '求职意向必须是对象' })
  @ValidateNested()
  @Type(() => GraduatePreferencesDto)
  preferences?: GraduatePreferencesDto;

  @ApiPropertyOptional({ description: '技能（整体替换；会归一化）', example: ['Java', 'MySQL'] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '技能名称不能为空' })
  @MaxLength(50, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ description: '证书（整体替换）', example: ['全国计算机等级考试二级'] })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '证书名称不能为空' })
  @MaxLength(100, { each: true })
  certificates?: string[];

  @ApiPropertyOptional({ description: '手机号；null 表示删除', example: '13812345678', nullable: true, type: String })
  @IfSet()
  @Trim()
  @IsString()
  @Matches(GRADUATE_PHONE_PATTERN, { message: '手机号须为 11 位大陆手机号，如 13812345678' })
  phone?: string | null;

  @ApiPropertyOptional({
    description: '电子邮箱；null 表示删除',
    example: 'wangxm@example.com',
    nullable: true,
    type: String,
  })
  @IfSet()
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: '电子邮箱格式不正确，如 wangxm@example.com' })
  email?: string | null;

  @ApiPropertyOptional({ description: '是否接受个性化排序（算法推荐）；false 时按中性顺序推荐' })
  @IfPresent()
  @IsBoolean()
  personalisedRanking?: boolean;
}
