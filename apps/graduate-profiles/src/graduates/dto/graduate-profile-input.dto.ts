import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DEGREE_LEVELS, DEMAND_KINDS, type DegreeLevel, type DemandKind } from '#contracts';
import { IsIndustrySection, IsKnownRegionCode } from '#reference';
import { Trim } from '#runtime';

/** 学号: letters, digits and - _ . (what colleges' systems produce), 1–32 characters. */
export const STUDENT_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
/** A graduate's own phone: mainland mobile only (landlines are not personal contacts). */
export const GRADUATE_PHONE_PATTERN = /^1[3-9]\d{9}$/;
const SIX_DIGIT_MAJOR = /^\d{6}(T|K|TK)?$/;

export class GraduateMajorDto {
  @ApiProperty({ description: '专业代码（6 位，本科可带 T/K 后缀）', example: '080901' })
  @Trim()
  @IsString()
  @Matches(SIX_DIGIT_MAJOR, { message: '专业代码须为 6 位数字（本科专业可带 T/K/TK 后缀），如 080901' })
  code!: string;

  @ApiPropertyOptional({
    description: '专业名称。本科专业取自专业目录（填写时须与目录一致）；高职、中职专业必填',
    example: '计算机科学与技术',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '专业名称不能为空' })
  @MaxLength(60)
  name?: string;

  @ApiProperty({ description: '专业目录版本（年份）', example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  catalogueYear!: number;
}

export class InternshipDto {
  @ApiProperty({ description: '实习单位', example: '杭州某智能制造有限公司' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '实习单位不能为空' })
  @MaxLength(100)
  enterprise!: string;

  @ApiPropertyOptional({ description: '实习单位行业门类（GB/T 4754 字母 A–T）', example: 'C' })
  @IsOptional()
  @Trim()
  @IsIndustrySection()
  industrySection?: string | null;

  @ApiProperty({ description: '实习时长（月，可为 0.5 的倍数）', example: 3 })
  @IsNumber({ maxDecimalPlaces: 1 }, { message: '实习时长须为数字（月）' })
  @Min(0.5)
  @Max(60)
  months!: number;

  @ApiPropertyOptional({ description: '实习岗位', example: '测试工程师助理' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  role?: string | null;
}

export class GraduatePreferencesDto {
  @ApiPropertyOptional({ description: '意向城市（行政区划代码，地级市用 xxxx00）', example: ['330100'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsKnownRegionCode({ each: true })
  cities?: string[];

  @ApiPropertyOptional({ description: '意向行业门类（GB/T 4754 字母）', example: ['C', 'I'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIndustrySection({ each: true })
  industries?: string[];

  @ApiPropertyOptional({ enum: DEMAND_KINDS, isArray: true, description: '意向需求类型' })
  @IsOptional()
  @IsArray()
  @IsIn(DEMAND_KINDS, { each: true })
  demandKinds?: DemandKind[];

  @ApiPropertyOptional({ description: '最低期望月薪（元）', example: 6000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  minMonthlySalary?: number | null;

  @ApiPropertyOptional({ description: '是否愿意到意向城市以外工作', default: false })
  @IsOptional()
  @IsBoolean()
  willingToRelocate?: boolean;
}

/**
 * One graduate as a college submits it (API or cohort import). Collected on purpose: nothing
 * beyond what matching and placement statistics need — no ID number, ethnicity or photo.
 */
export class GraduateProfileInputDto {
  @ApiProperty({ description: '学号（本校内唯一）', example: '2023010101' })
  @Trim()
  @IsString()
  @Matches(STUDENT_NUMBER_PATTERN, { message: '学号须为 1–32 位字母、数字或 . _ -' })
  studentNumber!: string;

  @ApiProperty({ description: '姓名', example: '王小明' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '院系（须为本校登记的院系之一）', example: '计算机学院' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '院系不能为空' })
  @MaxLength(100)
  department!: string;

  @ApiProperty({ type: GraduateMajorDto })
  @ValidateNested()
  @Type(() => GraduateMajorDto)
  major!: GraduateMajorDto;

  @ApiProperty({ enum: DEGREE_LEVELS, description: '学历层次' })
  @IsIn(DEGREE_LEVELS)
  degree!: DegreeLevel;

  @ApiProperty({ description: '毕业年份（届）', example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  graduationYear!: number;

  @ApiPropertyOptional({ description: '技能（会归一化：去空格、统一大小写、别名合并）', example: ['Java', 'MySQL'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '技能名称不能为空' })
  @MaxLength(50, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ description: '证书（如 1+X 职业技能等级证书）', example: ['全国计算机等级考试二级'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '证书名称不能为空' })
  @MaxLength(100, { each: true })
  certificates?: string[];

  @ApiPropertyOptional({ type: [InternshipDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InternshipDto)
  internships?: InternshipDto[];

  @ApiPropertyOptional({ description: '学业排名百分位（0 最低，100 最高）', example: 85 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '学业排名百分位须为数字（最多两位小数）' })
  @Min(0)
  @Max(100)
  gpaPercentile?: number | null;

  @ApiPropertyOptional({ type: GraduatePreferencesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GraduatePreferencesDto)
  preferences?: GraduatePreferencesDto;

  @ApiPropertyOptional({ description: '手机号（个人信息，响应中脱敏）', example: '13812345678' })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(GRADUATE_PHONE_PATTERN, { message: '手机号须为 11 位大陆手机号，如 13812345678' })
  phone?: string | null;

  @ApiPropertyOptional({ description: '电子邮箱（个人信息，响应中脱敏）', example: 'wangxm@example.com' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: '电子邮箱格式不正确，如 wangxm@example.com' })
  email?: string | null;
}
